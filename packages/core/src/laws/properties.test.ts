// Property tests (fast-check) over random Chinchilla-form laws and budgets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeForLoss, computeOptimal, lossAt, wrongSizePenalty } from './decisions.js';
import type { ChinchillaLaw } from './types.js';

const lawArb = fc.record({
  E: fc.double({ min: 0.5, max: 3, noNaN: true }),
  A: fc.double({ min: 10, max: 5000, noNaN: true }),
  B: fc.double({ min: 10, max: 5000, noNaN: true }),
  alpha: fc.double({ min: 0.1, max: 0.8, noNaN: true }),
  beta: fc.double({ min: 0.1, max: 0.8, noNaN: true }),
}).map((p): ChinchillaLaw => ({ form: 'chinchilla', ...p }));
const flopsArb = fc.double({ min: 17, max: 26, noNaN: true }).map((e) => 10 ** e);

describe('compute-optimal allocation (properties)', () => {
  it('C = 6ND, the optimum beats nearby sizes on the same budget, and computeForLoss inverts it', () => {
    fc.assert(
      fc.property(lawArb, flopsArb, fc.double({ min: 1.05, max: 3, noNaN: true }), (law, C, f) => {
        const o = computeOptimal(law, C);
        expect(Math.abs((6 * o.params * o.tokens) / C - 1)).toBeLessThan(1e-9);
        for (const n of [o.params * f, o.params / f]) expect(lossAt(law, n, C / (6 * n))).toBeGreaterThanOrEqual(o.loss * (1 - 1e-12));
        const back = computeForLoss(law, o.loss);
        expect(Math.abs(back.flops / C - 1)).toBeLessThan(1e-6);
      }),
      { numRuns: 300 },
    );
  });
  it('a model of the wrong size never reaches the loss with less compute than the optimum', () => {
    fc.assert(
      fc.property(lawArb, flopsArb, fc.double({ min: 1.1, max: 10, noNaN: true }), (law, C, ratio) => {
        const o = computeOptimal(law, C);
        const p = wrongSizePenalty(law, { params: o.params * ratio, targetLoss: o.loss });
        expect(p.extraFraction).toBeGreaterThan(-1e-9);
      }),
      { numRuns: 300 },
    );
  });
});
