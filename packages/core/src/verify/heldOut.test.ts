/** predictThenVerify on a sweep generated from a known law: the held-out budget is predicted, not fitted. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { computeOptimal } from '../laws/decisions.js';
import { predictThenVerify } from './heldOut.js';
import { TRUE_LAW, isoflopSweep } from './fixtures.test-helpers.js';

describe('predictThenVerify', () => {
  const budgets = [1e18, 3e18, 1e19, 3e19, 1e20];
  const points = isoflopSweep(budgets);
  const v = predictThenVerify(points, { samples: 60, seed: 3 });

  it('fits only the smaller budgets and predicts the largest', () => {
    expect(v.budgetFlops).toBe(1e20);
    expect(v.fittedBudgets).toEqual(budgets.slice(0, -1));
    expect(v.fittedRuns).toBe(points.length - 7);
    // A law recovered from the smaller budgets alone predicts the held-out optimum's loss.
    const truth = computeOptimal(TRUE_LAW, 1e20);
    expect(v.predictedLoss).toBeCloseTo(truth.loss, 2);
    expect(Math.abs(v.lossErrorPercent)).toBeLessThan(1);
    expect(v.inside).toBe(true);
    expect(v.predictedLossInterval[0]).toBeLessThan(v.predictedLoss);
    expect(v.predictedLossInterval[1]).toBeGreaterThan(v.predictedLoss);
    // N_opt: Approach 2 (parabola minima extrapolated) and Approach 3 both near the truth.
    expect(v.predictedParamsSource).toBe('approach2');
    expect(v.predictedParams / truth.params).toBeGreaterThan(0.8);
    expect(v.predictedParams / truth.params).toBeLessThan(1.25);
    expect(v.byApproach.approach3.params / truth.params).toBeGreaterThan(0.7);
    expect(v.byApproach.approach3.params / truth.params).toBeLessThan(1.4);
    expect(v.measuredBestParamsFrom).toBe('parabola');
    expect(v.paramsRatio).toBeCloseTo(v.measuredBestParams / v.predictedParams, 12);
  });

  it('scores each held-out run and draws the predicted isoFLOP curve with a band', () => {
    expect(v.runs).toHaveLength(7);
    for (const r of v.runs) expect(Math.abs(r.errorPercent)).toBeLessThan(2);
    for (const c of v.curve) {
      expect(c.low).toBeLessThanOrEqual(c.high);
      expect(c.loss).toBeGreaterThan(TRUE_LAW.E);
    }
  });

  it('says when a measured loss falls outside the interval', () => {
    const shifted = points.map((p) => (p.flopsBudget === 1e20 ? { ...p, loss: p.loss * 1.1 } : p));
    const w = predictThenVerify(shifted, { samples: 40, seed: 3 });
    expect(w.inside).toBe(false);
    expect(w.lossErrorPercent).toBeLessThan(-5);
  });

  it('needs three budgets', () => {
    expect(() => predictThenVerify(isoflopSweep([1e18, 1e19]), { samples: 20 })).toThrow(InputError);
  });
});
