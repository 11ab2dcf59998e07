/** Each honest-projection warning fires on the case it names and stays quiet otherwise. */
import { describe, expect, it } from 'vitest';
import { projectionWarnings, type HonestProjectionInput } from './honestProjection.js';

const calm: HonestProjectionInput = {
  targetFlops: 5e20,
  sweepMaxFlops: 1e20,
  level: 0.9,
  approach2: { params: 1e9, paramsInterval: [8e8, 1.2e9], tokens: 2e10, paramsIntervalAtSweep: [4e8, 5e8] },
  approach3: { params: 1.1e9, paramsInterval: [9e8, 1.4e9], tokens: 1.8e10, loss: 2.3, E: 1.8, alpha: 0.34, beta: 0.28, alphaInterval: [0.3, 0.4], betaInterval: [0.25, 0.31] },
};
const kinds = (i: HonestProjectionInput) => projectionWarnings(i).map((w) => w.kind);

describe('projectionWarnings', () => {
  it('is silent for a near, agreeing, unsaturated, sane projection', () => {
    expect(projectionWarnings(calm)).toEqual([]);
  });

  it('says how far and how much wider when the target is decades away', () => {
    const w = projectionWarnings({ ...calm, targetFlops: 1e24 });
    expect(w.map((x) => x.kind)).toEqual(['extrapolation']);
    expect(w[0].message).toContain('4.0 decades');
    expect(w[0].message).toContain('×1.25 at the largest budget and ×1.50 at the target');
  });

  it('flags disjoint intervals, and names the approach that predicted the held-out budget better', () => {
    const far = { ...calm, approach3: { ...calm.approach3!, params: 5e9, paramsInterval: [4e9, 6e9] as [number, number] } };
    const w = projectionWarnings({ ...far, heldOutParamsRatio: { approach2: 1.2, approach3: 0.3 } });
    expect(w.map((x) => x.kind)).toEqual(['disagreement']);
    expect(w[0].message).toContain('do not overlap');
    expect(w[0].message).toContain('Trust Approach 2');
    const w3 = projectionWarnings({ ...far, heldOutParamsRatio: { approach2: 3, approach3: 1.1 } });
    expect(w3[0].message).toContain('Trust Approach 3');
  });

  it('flags a ×10 disagreement even when huge intervals overlap', () => {
    const wide = { ...calm, approach3: { ...calm.approach3!, params: 1e11, paramsInterval: [1e3, 1e15] as [number, number] } };
    const w = projectionWarnings(wide);
    expect(w.map((x) => x.kind)).toContain('disagreement');
    expect(w.find((x) => x.kind === 'disagreement')!.message).toContain('overlap only because they are so wide');
  });

  it('flags a saturated law, < 1 token per parameter, and an exponent that is not identified', () => {
    expect(kinds({ ...calm, approach3: { ...calm.approach3!, loss: 1.805 } })).toEqual(['saturated']);
    expect(kinds({ ...calm, approach2: { ...calm.approach2!, tokens: 5e8 } })).toEqual(['tokens-per-param']);
    expect(kinds({ ...calm, approach3: { ...calm.approach3!, alphaInterval: [0.05, 40] } })).toEqual(['not-identified']);
    expect(kinds({ ...calm, approach3: { ...calm.approach3!, beta: 2.5, betaInterval: [2.4, 2.6] } })).toEqual(['not-identified']);
  });
});
