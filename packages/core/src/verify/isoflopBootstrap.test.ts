/** The Approach 2 parametric bootstrap: no noise → no spread; noise → an interval around the true exponent. */
import { describe, expect, it } from 'vitest';
import { frontierExponents } from '../laws/decisions.js';
import { bootstrapIsoflop } from './isoflopBootstrap.js';
import { TRUE_LAW, isoflopSweep } from './fixtures.test-helpers.js';

const budgets = [1e18, 1e19, 1e20, 1e21];
const flops = (ps: ReturnType<typeof isoflopSweep>) => ps.map((p) => ({ ...p, flops: p.flopsBudget }));

describe('bootstrapIsoflop', () => {
  it('collapses to the fit when σ = 0', () => {
    const b = bootstrapIsoflop(flops(isoflopSweep(budgets, 0)), { sigmaLog: 0, samples: 20, flops: [1e24] });
    expect(b.a.low).toBeCloseTo(b.fit.a, 12);
    expect(b.a.high).toBeCloseTo(b.fit.a, 12);
    expect(b.failed).toBe(0);
  });

  it("covers the law's frontier exponent a = β/(α+β) with noise, and widens with extrapolation", () => {
    const truth = frontierExponents(TRUE_LAW).a;
    const b = bootstrapIsoflop(flops(isoflopSweep(budgets, 0.01)), { sigmaLog: 0.01, samples: 200, seed: 5, flops: [1e21, 1e24] });
    expect(b.a.low).toBeLessThan(truth);
    expect(b.a.high).toBeGreaterThan(truth);
    expect(b.a.high - b.a.low).toBeGreaterThan(0.005);
    const w = (i: number) => b.at[i].params.high / b.at[i].params.low;
    expect(w(1)).toBeGreaterThan(w(0));
    // D = C/6N, so the low end of D pairs with the high end of N (up to quantile interpolation).
    expect((b.at[1].tokens.low * b.at[1].params.high * 6) / 1e24).toBeCloseTo(1, 4);
  });
});
