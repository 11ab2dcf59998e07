/** trustAnalysis on a sweep generated from a known law: intervals cover the truth, projections carry intervals, warnings fire. */
import { describe, expect, it } from 'vitest';
import { computeOptimal, frontierExponents } from '../laws/decisions.js';
import { trustAnalysis } from './trust.js';
import { TRUE_LAW, isoflopSweep } from './fixtures.test-helpers.js';

describe('trustAnalysis', () => {
  const points = isoflopSweep([1e18, 3e18, 1e19, 3e19, 1e20], 0.005, 11);
  const t = trustAnalysis(points, { targetFlops: 1e24, samples: 60, seed: 2 });

  it('gives every fitted exponent an interval that covers the true law', () => {
    const a3 = t.approach3!;
    const a = frontierExponents(TRUE_LAW).a;
    for (const [e, truth] of [[a3.E, TRUE_LAW.E], [a3.alpha, TRUE_LAW.alpha], [a3.beta, TRUE_LAW.beta], [a3.a, a], [t.approach2!.a, a]] as const) {
      expect(e.interval[0]).toBeLessThanOrEqual(truth);
      expect(e.interval[1]).toBeGreaterThanOrEqual(truth);
    }
    expect(t.hoffmann.map((h) => h.approach)).toEqual(['approach2', 'approach3']);
  });

  it('projects N, D, loss and the run with intervals, and the bands span the compute range', () => {
    const p = t.projection;
    const truth = computeOptimal(TRUE_LAW, 1e24);
    expect(p.approach3!.params.interval[0]).toBeLessThan(truth.params);
    expect(p.approach3!.params.interval[1]).toBeGreaterThan(truth.params);
    expect(p.approach3!.loss.interval[0]).toBeLessThan(truth.loss);
    expect(p.approach3!.loss.interval[1]).toBeGreaterThan(truth.loss);
    for (const k of ['acceleratorHours', 'energyKWh', 'co2eKg'] as const) expect(p.run![k].interval[1]).toBeGreaterThan(p.run![k].interval[0]);
    expect(p.run!.assumptions.length).toBeGreaterThan(3);
    for (const band of [t.bands.approach2Params!, t.bands.approach3Params!, t.bands.approach3Loss!]) {
      expect(band[0].x).toBeCloseTo(5e17, -14);
      expect(band[band.length - 1].x).toBeCloseTo(1e24, -18);
    }
    expect(t.verification!.inside).toBe(true);
  });

  it('warns about the 4-decade extrapolation but not about a law that agrees with itself', () => {
    const kinds = t.warnings.map((w) => w.kind);
    expect(kinds).toContain('extrapolation');
    expect(kinds).not.toContain('disagreement');
    expect(kinds).not.toContain('tokens-per-param');
  });
});
