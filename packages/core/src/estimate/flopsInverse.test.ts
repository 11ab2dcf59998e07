// The inverses of C = 6·N·D: known values from the papers, round trips through trainingFlops, and the errors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import {
  paramsForTrainingFlops,
  paramsForTrainingFlopsUnchecked,
  tokensForTrainingFlops,
  tokensForTrainingFlopsUnchecked,
  trainingFlops,
} from './flops.js';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
const flopsArb = fc.double({ min: 1e6, max: 1e40, noNaN: true });
const countArb = fc.double({ min: 1e3, max: 1e15, noNaN: true });

describe('inverses of C = 6ND', () => {
  it('Chinchilla: 5.76e23 FLOPs on 70B parameters is ≈ 1.4T tokens (Hoffmann et al. 2022, Table 3)', () => {
    // 5.76e23 / (6 · 70e9) = 1.3714e12; the paper rounds to 1.4T
    expect(tokensForTrainingFlops(5.76e23, 70e9) / 1e12).toBeCloseTo(1.3714, 4);
    expect(rel(tokensForTrainingFlops(5.76e23, 70e9), 1.4e12)).toBeLessThan(0.03);
  });

  it('GPT-3: 3.14e23 FLOPs over 300B tokens is ≈ 175B parameters (Brown et al. 2020, Table D.1)', () => {
    expect(paramsForTrainingFlops(3.14e23, 300e9) / 1e9).toBeCloseTo(174.444, 3);
    expect(rel(paramsForTrainingFlops(3.14e23, 300e9), 175e9)).toBeLessThan(0.01);
  });

  it('round trip: each inverts trainingFlops (to rounding)', () => {
    fc.assert(
      fc.property(countArb, countArb, (n, d) => {
        const c = trainingFlops(n, d);
        expect(rel(tokensForTrainingFlops(c, n), d)).toBeLessThan(1e-15);
        expect(rel(paramsForTrainingFlops(c, d), n)).toBeLessThan(1e-15);
      }),
    );
    fc.assert(
      fc.property(flopsArb, countArb, (c, x) => {
        expect(rel(trainingFlops(x, tokensForTrainingFlops(c, x)), c)).toBeLessThan(1e-15);
        expect(rel(trainingFlops(paramsForTrainingFlops(c, x), x), c)).toBeLessThan(1e-15);
      }),
    );
  });

  it('the checked forms return exactly what the bare formula does', () => {
    fc.assert(
      fc.property(flopsArb, countArb, (c, x) => {
        expect(tokensForTrainingFlops(c, x)).toBe(tokensForTrainingFlopsUnchecked(c, x));
        expect(paramsForTrainingFlops(c, x)).toBe(paramsForTrainingFlopsUnchecked(c, x));
        // the bare formula is C / (6·x), bit for bit, as the call sites it replaced wrote it
        expect(tokensForTrainingFlopsUnchecked(c, x)).toBe(c / (6 * x));
      }),
    );
  });

  it('doubling compute doubles D at fixed N and N at fixed D', () => {
    expect(tokensForTrainingFlops(2e24, 1e10)).toBeCloseTo(2 * tokensForTrainingFlops(1e24, 1e10), -3);
    expect(paramsForTrainingFlops(2e24, 1e12)).toBeCloseTo(2 * paramsForTrainingFlops(1e24, 1e12), -3);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('names the field and the fix for %s', (bad) => {
    const cases: [() => number, string][] = [
      [() => tokensForTrainingFlops(bad, 1e9), 'flops'],
      [() => tokensForTrainingFlops(1e21, bad), 'params'],
      [() => paramsForTrainingFlops(bad, 1e9), 'flops'],
      [() => paramsForTrainingFlops(1e21, bad), 'tokens'],
    ];
    for (const [call, field] of cases) {
      let err: unknown;
      try {
        call();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).field).toBe(field);
      expect((err as InputError).fix).toMatch(/give a/);
    }
  });
});
