import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { computeForLoss, computeOptimal, lossAt, marginalLossPerDoubling, wrongSizePenalty } from './decisions.js';
import { getPublishedLaw } from './published.js';
import { holdoutExtrapolation } from '../fit/diagnostics.js';
import { chinchillaPoints } from '../fit/points.js';

const hoffmann = getPublishedLaw('hoffmann2022').law;
const kaplan = getPublishedLaw('kaplan2020').law;

function refusal(f: () => unknown): InputError {
  try { f(); } catch (e) { if (e instanceof InputError) return e; throw e; }
  throw new Error('expected an InputError, got a result');
}

describe('law outputs are validated as well as inputs: a reason, never a silent NaN or Infinity', () => {
  it('computeOptimal at 5e-324 FLOPs (params underflow to 0) and Kaplan at 1e300 (params overflow) are refused naming flops', () => {
    expect(refusal(() => computeOptimal(hoffmann, 5e-324)).message).toMatch(/^flops: 5e-324 gives params = 0/);
    expect(refusal(() => computeOptimal(kaplan, 1e300)).message).toMatch(/^flops: 1e\+300 gives params = Infinity/);
  });
  it('computeForLoss far above the floor (flops underflow) and a Kaplan loss of 1e-300 are refused naming targetLoss', () => {
    expect(refusal(() => computeForLoss(hoffmann, 1e300)).field).toBe('targetLoss');
    expect(refusal(() => computeForLoss(kaplan, 1e-300)).message).toMatch(/gives flops = Infinity/);
  });
  it('results that are representable are still returned, finite and positive', () => {
    for (const f of [1e15, 1e24, 1e300]) {
      const r = computeOptimal(hoffmann, f);
      for (const v of [r.params, r.tokens, r.loss, r.tokensPerParam]) expect(Number.isFinite(v) && v > 0).toBe(true);
    }
    expect(Number.isFinite(lossAt(hoffmann, 1e9, 1e12))).toBe(true);
    expect(wrongSizePenalty(hoffmann, { params: 70e9, targetLoss: 2.0 }).flops).toBeGreaterThan(0);
  });
  it('fractional counts are refused, not floored', () => {
    expect(refusal(() => marginalLossPerDoubling(hoffmann, { fromFlops: 1e24, doublings: 2.5 })).message).toMatch(/^doublings: must be a whole number, got 2.5/);
    expect(marginalLossPerDoubling(hoffmann, { fromFlops: 1e24, doublings: 3 })).toHaveLength(3);
    expect(refusal(() => holdoutExtrapolation(chinchillaPoints(), { holdOut: 1.5 })).message).toMatch(/^holdOut: must be a whole number/);
    expect(refusal(() => holdoutExtrapolation(chinchillaPoints(), { holdOut: 1000 })).message).toMatch(/^holdOut: must be at most/);
  });
});
