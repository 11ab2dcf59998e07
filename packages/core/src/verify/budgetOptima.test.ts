/** Intervals on each budget's measured optimum: exact without noise, covering the vertex with it, honest at the edge. */
import { describe, expect, it } from 'vitest';
import { fitIsoflop } from '../fit/isoflop.js';
import { bootstrapBudgetOptima } from './budgetOptima.js';
import { isoflopSweep } from './fixtures.test-helpers.js';

const budgets = [1e18, 1e19, 1e20];

describe('bootstrapBudgetOptima', () => {
  it("gives fitIsoflop's vertex as the estimate and collapses to it when σ = 0", () => {
    const pts = isoflopSweep(budgets, 0);
    const rows = bootstrapBudgetOptima(pts, { sigmaLog: 0, samples: 20 });
    const profiles = fitIsoflop(pts.map((p) => ({ ...p, flops: p.flopsBudget }))).profiles;
    expect(rows.map((r) => r.flops)).toEqual(budgets);
    rows.forEach((r, i) => {
      expect(r.params.estimate / profiles[i].paramsOpt).toBeCloseTo(1, 10);
      expect(r.loss.estimate).toBeCloseTo(profiles[i].lossOpt, 10);
      expect(r.params.interval[0] / r.params.estimate).toBeCloseTo(1, 10);
      expect(r.params.interval[1] / r.params.estimate).toBeCloseTo(1, 10);
      expect(r.tokens.estimate * r.params.estimate * 6).toBeCloseTo(r.flops, -Math.log10(r.flops) + 6);
      expect(r.insideShare).toBe(1);
    });
  });

  it('with noise, each interval contains the estimate and widens with σ; D pairs with N through C = 6ND', () => {
    const pts = isoflopSweep(budgets, 0.01, 3);
    const narrow = bootstrapBudgetOptima(pts, { sigmaLog: 0.002, samples: 300, seed: 1 });
    const wide = bootstrapBudgetOptima(pts, { sigmaLog: 0.02, samples: 300, seed: 1 });
    narrow.forEach((r, i) => {
      for (const e of [r.params, r.tokens, r.loss]) {
        expect(e.interval[0]).toBeLessThanOrEqual(e.estimate);
        expect(e.interval[1]).toBeGreaterThanOrEqual(e.estimate);
      }
      const w = (x: typeof r) => x.params.interval[1] / x.params.interval[0];
      expect(w(wide[i])).toBeGreaterThan(w(r));
      expect(r.tokens.interval[0] * r.params.interval[1] * 6).toBeCloseTo(r.flops, -Math.log10(r.flops) + 6);
    });
  });

  it('a budget sampled only on one side of its optimum shows it: few replicates keep the vertex inside', () => {
    // Drop the budget's three smallest sizes: the true optimum (k = 0) becomes the smallest sampled size.
    const pts = isoflopSweep([1e19], 0.003, 5).filter((p) => !/k-\d$/.test(p.id ?? ''));
    const [row] = bootstrapBudgetOptima(pts, { sigmaLog: 0.01, samples: 300, seed: 2 });
    const full = bootstrapBudgetOptima(isoflopSweep([1e19], 0.003, 5), { sigmaLog: 0.01, samples: 300, seed: 2 })[0];
    expect(row.insideShare).toBeLessThan(0.9);
    expect(full.vertexInside).toBe(true);
    expect(full.insideShare).toBeGreaterThan(0.95);
  });

  it('leaves out budgets with fewer than 3 sizes', () => {
    const pts = isoflopSweep([1e19], 0).slice(0, 2);
    expect(bootstrapBudgetOptima(pts, { sigmaLog: 0.01, samples: 10 })).toEqual([]);
  });
});
