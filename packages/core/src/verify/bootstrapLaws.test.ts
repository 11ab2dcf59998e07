/** The Approach 3 bootstrap counts replicates it cannot refit instead of failing on the first one. */
import { describe, expect, it } from 'vitest';
import { fitChinchilla } from '../fit/fitChinchilla.js';
import { InputError } from '../errors.js';
import { bootstrapLaws } from './bootstrapLaws.js';
import { isoflopSweep } from './fixtures.test-helpers.js';

describe('bootstrapLaws', () => {
  const pts = isoflopSweep([1e18, 1e19, 1e20], 0.005);
  const fit = fitChinchilla(pts);

  it('refits every replicate from the full fit on a well-posed sweep', () => {
    const b = bootstrapLaws(pts, fit, 30, 1);
    expect(b.laws).toHaveLength(30);
    expect(b.degenerate).toBe(0);
  });

  it('a warm start with no finite objective makes each replicate degenerate (counted), not a thrown refit', () => {
    // A fit that ran off (α → ∞ overflows A, as on a sweep that cannot identify α): no replicate can start from it.
    const ranOff = { ...fit, law: { ...fit.law, A: Number.POSITIVE_INFINITY, alpha: 260 } };
    let err: unknown;
    try {
      bootstrapLaws(pts, ranOff, 20, 1);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(/only 0 of 20 bootstrap refits gave a finite law/);
  });
});
