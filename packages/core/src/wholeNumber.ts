/**
 * `requireWholeNumber(field, v, opts)`: a finite integer within bounds, else an InputError naming the
 * field. Counts (resamples, held-out runs, doublings, accelerators) are refused when fractional rather
 * than floored, so a typo never silently becomes a different request.
 */
import { InputError, requireNumber } from './errors.js';

/**
 * Validates a count: returns `value` when it is a finite integer within `min`/`max`, else throws an
 * InputError naming `field` and suggesting the nearest whole number. Fractions are refused, not floored.
 *
 * @param field - library field or CLI flag named in the error
 * @param value - the value to check (any type)
 * @param opts - inclusive `min` and `max` bounds
 * @returns `value`, typed as a number
 * @throws InputError when `value` is not a whole number or is out of bounds
 * @example
 * ```ts
 * import { requireWholeNumber } from '@scaling-lab/core';
 * requireWholeNumber('count', 8, { min: 1 }); // → 8
 * requireWholeNumber('count', 2.5, { min: 1 }); // → throws InputError
 * ```
 */
export function requireWholeNumber(field: string, value: unknown, opts: { min?: number; max?: number } = {}): number {
  const v = requireNumber(field, value, opts);
  if (!Number.isInteger(v)) throw new InputError(field, `must be a whole number, got ${v}`, `give an integer such as ${Math.max(opts.min ?? 1, Math.round(v))}`);
  return v;
}
