import { InvalidArgumentError, type Command } from 'commander';
import { InputError } from '../errors.js';
import { parseQuantity } from '../parseQuantity.js';
import { COMMAND_FLAGS, withFlag } from './flags.js';

/**
 * Wraps a command action so bad input ends as one line on stderr with exit
 * code 2 (never a stack trace); unexpected errors exit 1 with their message.
 */
export function action<A extends unknown[]>(fn: (...args: A) => unknown | Promise<unknown>, command?: string) {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (err) {
      // Every message names the flag the user typed, through the one table in flags.ts.
      fail(withFlag(err, command !== undefined && Object.hasOwn(COMMAND_FLAGS, command) ? COMMAND_FLAGS[command] : {}));
    }
  };
}

export function fail(err: unknown): never {
  if (err instanceof InputError || err instanceof InvalidArgumentError) {
    process.stderr.write(`scaling-lab: error: ${err.message}\n`);
    process.exit(2);
  }
  const msg = err instanceof Error ? err.message : String(err);
  process.stderr.write(`scaling-lab: error: ${msg}\n`);
  if (process.env.SCALING_LAB_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exit(1);
}

/** Commander option parser for a finite number (accepts 1e9, 1_000, 70B, 1.4T, 300M, 2k). */
export function numberArg(field: string, opts: { min?: number; positive?: boolean; max?: number; integer?: boolean } = {}) {
  return (raw: string): number => {
    const v = parseNumber(raw);
    if (v === undefined) throw new InvalidArgumentError(`--${field}: "${raw}" is not a number (write e.g. 1e9, 70B or 0.4)`);
    // Counts are never floored silently: --bootstrap 2.5 is a typo, not 2 resamples.
    if (opts.integer && !Number.isInteger(v)) throw new InvalidArgumentError(`--${field}: must be a whole number, got ${raw} (give an integer such as ${Math.max(opts.min ?? 1, Math.round(v))})`);
    if (opts.positive && !(v > 0)) throw new InvalidArgumentError(`--${field}: must be greater than 0, got ${raw}`);
    if (opts.min !== undefined && v < opts.min) throw new InvalidArgumentError(`--${field}: must be at least ${opts.min}, got ${raw}`);
    if (opts.max !== undefined && v > opts.max) throw new InvalidArgumentError(`--${field}: must be at most ${opts.max}, got ${raw}`);
    return v;
  };
}

/** Parses "1e9", "1_000", "70B", "1.4T"; undefined when not a finite number (core's parseQuantity). */
export const parseNumber = parseQuantity;

/** Prints JSON (with a trailing newline) for --json output. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Signature every command module exports: adds its subcommand(s) to the program. */
export type Register = (program: Command) => void;
