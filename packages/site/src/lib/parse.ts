/**
 * Reading numbers typed into the calculators, with core's parser (1e9, 1_000,
 * 70B, 1.4T — the same syntax as the CLI).
 */
import { InputError, parseQuantity, type Bounds } from '@scaling-lab/core';

export { parseQuantity };

/** Parses a form value or throws an InputError naming the field (shown beside it). */
/** The typed text as quoted in a message: long input is cut (a 5,000-digit value must not widen the page). */
const quoted = (raw: string) => (raw.length > 40 ? `${raw.slice(0, 40)}… (${raw.length.toLocaleString('en-US')} characters)` : raw);

export function numberField(
  field: string,
  raw: string | undefined,
  opts: { min?: number; max?: number; positive?: boolean; integer?: boolean } = {},
): number {
  if (raw === undefined || raw.trim() === '') throw new InputError(field, 'is empty', 'enter a number such as 1e9 or 70B');
  const v = parseQuantity(raw);
  raw = quoted(raw);
  if (v === undefined) throw new InputError(field, `"${raw}" is not a number`, 'write e.g. 1e9, 70B or 0.4');
  if (opts.positive && !(v > 0)) throw new InputError(field, `must be greater than 0, got ${raw}`, 'enter a positive number');
  if (opts.min !== undefined && v < opts.min) throw new InputError(field, `must be at least ${opts.min}, got ${raw}`, `enter ${opts.min} or more`);
  if (opts.max !== undefined && v > opts.max) throw new InputError(field, `must be at most ${opts.max}, got ${raw}`, `enter ${opts.max} or less`);
  if (opts.integer && !Number.isInteger(v)) throw new InputError(field, `must be a whole number, got ${raw}`, 'enter a whole number');
  return v;
}

/** numberField with core's bounds for an input (INPUT_BOUNDS: the limits estimateRun and the Monte Carlo apply). */
export function numberInBounds(field: string, raw: string | undefined, b: Bounds): number {
  return numberField(field, raw, { positive: b.exclusiveMin === 0, min: b.min, max: b.max, integer: b.integer });
}
