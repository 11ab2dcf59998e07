// The site's calculator form reads core's one bounds table (INPUT_BOUNDS): the
// same limits as estimateRun, with the form's own messages.
import { describe, expect, it } from 'vitest';
import { INPUT_BOUNDS } from '@scaling-lab/core';
import { specFromValues } from '../packages/site/src/lib/estimate-form.js';

describe('site estimate form bounds', () => {
  const v = { params: '7B', tokens: '1T', hardware: 'nvidia-h100-sxm5-80gb' };
  it('accepts the bounds themselves and rejects values just outside, naming the form field', () => {
    expect(specFromValues({ ...v, mfu: String(INPUT_BOUNDS.mfu.max), pue: String(INPUT_BOUNDS.pue.min) })).toMatchObject({ mfu: 1, pue: 1 });
    expect(() => specFromValues({ ...v, mfu: '1.01' })).toThrow(/^mfu: must be at most 1/);
    expect(() => specFromValues({ ...v, pue: '0.99' })).toThrow(/^pue: must be at least 1/);
    expect(() => specFromValues({ ...v, grid: '2001' })).toThrow(/^grid: must be at most 2000/);
    expect(() => specFromValues({ ...v, count: '1.5' })).toThrow(/^count: must be a whole number/);
    expect(() => specFromValues({ ...v, usdPerHour: '0' })).toThrow(/^usdPerHour: must be greater than 0/);
  });
});
