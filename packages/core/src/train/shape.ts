/**
 * The one check of a model shape (and of a dropout rate), without TensorFlow.js so the
 * run-spec, sweep-spec and site code stays light. Every place that takes a shape calls
 * `checkModelShape`: the trainer's run spec (resolveRunSpec, once per run), the sweep
 * spec's schema (sweep/spec.ts, with the sweep's caps) and the live-training page (with
 * the browser's caps).
 *
 * Rules: each dimension a whole number, at least 1 (or the caller's tighter limits);
 * heads divide dModel (each head gets dModel / heads of the residual width; Vaswani et
 * al. 2017 §3.2.2).
 */
import { InputError, requireNumber } from '../errors.js';
import { requireWholeNumber } from '../wholeNumber.js';
import type { ModelShape } from './types.js';

/** Limits per dimension; a dimension left out is not checked (the sweep's models carry no context). */
export type ModelShapeLimits = Partial<Record<keyof ModelShape, { min: number; max?: number }>>;

/** What every shape obeys. */
export const MODEL_SHAPE_LIMITS: Readonly<Required<ModelShapeLimits>> = {
  layers: { min: 1 },
  dModel: { min: 1 },
  heads: { min: 1 },
  context: { min: 1 },
};

/**
 * Checks a shape's dimensions against `limits` (default MODEL_SHAPE_LIMITS) and that heads
 * divide dModel. Fields are named `${field}.layers` …, or `layers` … with `field: ''`.
 * @throws InputError naming the first bad dimension and the fix.
 */
export function checkModelShape(shape: Partial<ModelShape>, opts: { field?: string; limits?: ModelShapeLimits } = {}): void {
  const prefix = opts.field === '' ? '' : `${opts.field ?? 'model'}.`;
  const limits = opts.limits ?? MODEL_SHAPE_LIMITS;
  for (const k of ['layers', 'dModel', 'heads', 'context'] as const) {
    const lim = limits[k];
    if (lim) requireWholeNumber(`${prefix}${k}`, shape[k], lim);
  }
  const { dModel, heads } = shape as ModelShape;
  if (dModel % heads !== 0) {
    throw new InputError(`${prefix}heads`, `dModel ${dModel} is not a multiple of heads ${heads}`, `choose heads that divide dModel (e.g. dModel ${dModel - (dModel % heads) || heads} with heads ${heads})`);
  }
}

/** checkModelShape with the fields named `${field}.…` (default `model.heads` …). */
export function validateModelShape(shape: ModelShape, field = 'model'): void {
  checkModelShape(shape, { field });
}

export function validateDropout(rate: number, field = 'dropout'): number {
  requireNumber(field, rate, { min: 0 });
  if (rate >= 1) throw new InputError(field, `must be below 1, got ${rate}`, 'give a rate in [0, 1), e.g. 0.1');
  return rate;
}
