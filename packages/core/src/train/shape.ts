/** Checks of a model shape and a dropout rate, without TensorFlow.js (so the run-spec and schedule code stays light). */
import { InputError, requireNumber } from '../errors.js';
import type { ModelShape } from './types.js';

export function validateModelShape(shape: ModelShape, field = 'model'): void {
  for (const k of ['layers', 'dModel', 'heads', 'context'] as const) {
    requireNumber(`${field}.${k}`, shape[k], { min: 1 });
    if (!Number.isInteger(shape[k])) throw new InputError(`${field}.${k}`, `must be an integer, got ${shape[k]}`, 'give a whole number');
  }
  if (shape.dModel % shape.heads !== 0) {
    throw new InputError(`${field}.heads`, `dModel ${shape.dModel} is not divisible by heads ${shape.heads}`, 'choose heads that divide dModel');
  }
}

export function validateDropout(rate: number, field = 'dropout'): number {
  requireNumber(field, rate, { min: 0 });
  if (rate >= 1) throw new InputError(field, `must be below 1, got ${rate}`, 'give a rate in [0, 1), e.g. 0.1');
  return rate;
}
