/**
 * An error in what the user gave us, as data: which `field` (a library field
 * name such as `mfu`, or a CLI flag such as `--mfu`), the `problem`, and the
 * `fix`. `message` is the one line `field: problem (fix)`. The CLI prints it
 * and exits with code 2, after mapping library field names to its flags with
 * `withField` (cli/flags.ts holds the one table); the site shows it beside the
 * field. Never throw a bare Error for bad input.
 *
 * @param field - the library field or CLI flag that was wrong, e.g. `mfu`
 * @param problem - what is wrong with the value given
 * @param fix - how to put it right ('' for none)
 * @returns (as a constructor) the error, with `message` = `field: problem (fix)`
 * @example
 * ```ts
 * import { InputError } from '@scaling-lab/core';
 * const e = new InputError('mfu', 'must be in (0, 1], got 1.5', 'give a fraction such as 0.4');
 * e.message; // → 'mfu: must be in (0, 1], got 1.5 (give a fraction such as 0.4)'
 * e.withField('--mfu').field; // → '--mfu'
 * ```
 */
export class InputError extends Error {
  readonly field: string;
  readonly problem: string;
  readonly fix: string;
  constructor(field: string, problem: string, fix: string) {
    super(`${field}: ${problem}${fix ? ` (${fix})` : ''}`);
    this.name = 'InputError';
    this.field = field;
    this.problem = problem;
    this.fix = fix;
  }

  /** The same problem and fix, named by another field (e.g. the CLI flag the user typed). */
  withField(field: string): InputError {
    return new InputError(field, this.problem, this.fix);
  }
}

/**
 * Validates one numeric input: returns `value` when it is a finite number within the optional bounds
 * (`min` ≤ value, value > `exclusiveMin`, value ≤ `max`), else throws an InputError naming `field`,
 * the value received and the range wanted. NaN and Infinity are refused, never passed on.
 *
 * @param field - library field or CLI flag named in the error
 * @param value - the value to check (any type)
 * @param opts - `min`, `exclusiveMin`, `max` bounds and a `unit` for the message
 * @returns `value`, typed as a number
 * @throws InputError when `value` is not a finite number or is out of bounds
 * @example
 * ```ts
 * import { requireNumber } from '@scaling-lab/core';
 * requireNumber('mfu', 0.4, { exclusiveMin: 0, max: 1 }); // → 0.4
 * requireNumber('mfu', Number.NaN); // → throws InputError
 * ```
 */
export function requireNumber(
  field: string,
  value: unknown,
  opts: { min?: number; exclusiveMin?: number; max?: number; unit?: string } = {},
): number {
  const unit = opts.unit ? ` ${opts.unit}` : '';
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    // String(), not JSON.stringify, for numbers: JSON writes NaN and Infinity as "null".
    const got = typeof value === 'number' ? String(value) : JSON.stringify(value);
    throw new InputError(field, `expected a finite number${unit}, got ${got}`, `give a number such as 1e9`);
  }
  if (opts.exclusiveMin !== undefined && !(value > opts.exclusiveMin)) {
    throw new InputError(field, `must be greater than ${opts.exclusiveMin}${unit}, got ${value}`, `give a value above ${opts.exclusiveMin}`);
  }
  if (opts.min !== undefined && value < opts.min) {
    throw new InputError(field, `must be at least ${opts.min}${unit}, got ${value}`, `give a value of ${opts.min} or more`);
  }
  if (opts.max !== undefined && value > opts.max) {
    throw new InputError(field, `must be at most ${opts.max}${unit}, got ${value}`, `give a value of ${opts.max} or less`);
  }
  return value;
}
