import { describe, expect, it } from 'vitest';
import { computeOptimal, lossAt } from './decisions.js';
import { inferenceAwareOptimal, SARDANA2024_LAW, tokensForLoss } from './inferenceAware.js';

/** Loss of the Chinchilla-optimal model with `params` parameters under `law`. */
function lossOfChinchillaOptimal(params: number): number {
  // find the budget whose optimum has `params` (N_opt grows monotonically with C)
  let lo = 1e15;
  let hi = 1e30;
  for (let i = 0; i < 200; i++) {
    const mid = Math.sqrt(lo * hi);
    if (computeOptimal(SARDANA2024_LAW, mid).params < params) lo = mid;
    else hi = mid;
  }
  return computeOptimal(SARDANA2024_LAW, lo).loss;
}

describe('Sardana et al. 2024 inference-aware sizing', () => {
  it('reproduces Figure 1: a 13B Chinchilla-quality model with 2T inference tokens → a ~7B model, saving 1.7e22 FLOPs (17%)', () => {
    const r = inferenceAwareOptimal(SARDANA2024_LAW, { targetLoss: lossOfChinchillaOptimal(13e9), inferenceTokens: 2e12 });
    expect(r.chinchilla.params / 1e9).toBeCloseTo(13, 1);
    expect(r.optimal.params / 1e9).toBeCloseTo(7, 0);
    expect(r.saving / 1e22).toBeCloseTo(1.7, 1);
    expect(r.savingFraction).toBeCloseTo(0.17, 1);
    expect(r.optimal.tokensPerParam).toBeGreaterThan(r.chinchilla.tokensPerParam);
    // still on the iso-loss curve
    expect(lossAt(SARDANA2024_LAW, r.optimal.params, r.optimal.tokens)).toBeCloseTo(r.targetLoss, 9);
  });

  it('with no inference demand it is the Chinchilla-optimal model (no saving)', () => {
    const ell = lossOfChinchillaOptimal(13e9);
    const r = inferenceAwareOptimal(SARDANA2024_LAW, { targetLoss: ell, inferenceTokens: 0 });
    expect(r.optimal.params / r.chinchilla.params).toBeCloseTo(1, 3);
    expect(Math.abs(r.savingFraction)).toBeLessThan(1e-6);
  });

  it('more demand → smaller model, more tokens per parameter; costlier inference FLOPs push the same way', () => {
    const ell = lossOfChinchillaOptimal(30e9);
    const a = inferenceAwareOptimal(SARDANA2024_LAW, { targetLoss: ell, inferenceTokens: 1e12 });
    const b = inferenceAwareOptimal(SARDANA2024_LAW, { targetLoss: ell, inferenceTokens: 1e14 });
    expect(b.optimal.params).toBeLessThan(a.optimal.params);
    expect(b.optimal.tokensPerParam).toBeGreaterThan(a.optimal.tokensPerParam);
    expect(b.optimal.inferenceShare).toBeGreaterThan(a.optimal.inferenceShare);
    const dear = inferenceAwareOptimal(SARDANA2024_LAW, { targetLoss: ell, inferenceTokens: 1e12, trainWeightPerFlop: 1, inferenceWeightPerFlop: 3 });
    expect(dear.optimal.params).toBeLessThan(a.optimal.params);
  });

  it('refuses a target loss at or below E and negative demand, naming the field', () => {
    expect(() => inferenceAwareOptimal(SARDANA2024_LAW, { targetLoss: 1.6, inferenceTokens: 1e12 })).toThrow(/targetLoss.*irreducible/);
    expect(() => inferenceAwareOptimal(SARDANA2024_LAW, { targetLoss: 2.1, inferenceTokens: -1 })).toThrow(/inferenceTokens/);
    expect(tokensForLoss(SARDANA2024_LAW, 1e3, 2.0)).toBe(Infinity);
  });
});
