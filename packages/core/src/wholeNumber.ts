/**
 * `requireWholeNumber(field, v, opts)`: a finite integer within bounds, else an InputError naming the
 * field. Counts (resamples, held-out runs, doublings, accelerators) are refused when fractional rather
 * than floored, so a typo never silently becomes a different request.
 */
import { InputError, requireNumber } from './errors.js';

export function requireWholeNumber(field: string, value: unknown, opts: { min?: number; max?: number } = {}): number {
  const v = requireNumber(field, value, opts);
  if (!Number.isInteger(v)) throw new InputError(field, `must be a whole number, got ${v}`, `give an integer such as ${Math.max(opts.min ?? 1, Math.round(v))}`);
  return v;
}
