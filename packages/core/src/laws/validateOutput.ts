/**
 * Output checks for the law decisions: a finite input can still give params of 0, tokens of Infinity or
 * NaN once powers under- or overflow double precision (computeOptimal at 5e-324 FLOPs, computeForLoss at
 * a loss of 1e300). validate.ts promises never a silent NaN, so results are checked as well as inputs,
 * and refused with the input's name and the reason.
 */
import { InputError } from '../errors.js';

/** Throws InputError(`field`) unless every named result is finite and (where `positive`) above 0. */
export function requireFiniteResult(
  field: string,
  input: number,
  results: Record<string, number>,
  opts: { positive?: readonly string[]; fix: string },
): void {
  for (const [name, v] of Object.entries(results)) {
    const mustBePositive = opts.positive?.includes(name) ?? false;
    if (!Number.isFinite(v) || (mustBePositive && !(v > 0))) {
      throw new InputError(field, `${input} gives ${name} = ${v}: the law is extrapolated beyond what double precision (and any real model) can represent`, opts.fix);
    }
  }
}
