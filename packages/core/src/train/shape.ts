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
 * Checks a shape's dimensions against `limits` (default MODEL_SHAPE_LIMITS: each a whole
 * number ≥ 1) and that heads divide dModel (Vaswani et al. 2017 §3.2.2: each head gets
 * dModel / heads). Fields are named `${field}.layers` …, or `layers` … with `field: ''`.
 *
 * @param shape - `layers`, `dModel`, `heads` and `context` (a dimension without a limit may be absent)
 * @param opts - `field`, the prefix of the field names (default `model`); `limits` per dimension
 * @returns nothing; the shape is valid when it returns
 * @throws InputError naming the first bad dimension and the fix.
 * @example
 * ```ts
 * import { checkModelShape } from '@scaling-lab/core/train/pure';
 * checkModelShape({ layers: 2, dModel: 64, heads: 4, context: 32 }); // → undefined
 * checkModelShape({ layers: 2, dModel: 64, heads: 3, context: 32 }); // → throws InputError
 * // the sweep's caps: at most 8 layers, no context in the shape
 * checkModelShape({ layers: 12, dModel: 64, heads: 4 }, { field: 'models.big', limits: { layers: { min: 1, max: 8 } } }); // → throws InputError
 * ```
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

/**
 * {@link checkModelShape} with the default limits and the fields named `${field}.…`
 * (default `model.heads` …), as a run spec's `model` is checked.
 *
 * @param shape - the model shape (`layers`, `dModel`, `heads`, `context`)
 * @param field - prefix of the field names in errors; default `model`
 * @returns nothing; the shape is valid when it returns
 * @throws InputError naming the first bad dimension, e.g. `models.s.layers`
 * @example
 * ```ts
 * import { validateModelShape } from '@scaling-lab/core/train/pure';
 * validateModelShape({ layers: 1, dModel: 16, heads: 2, context: 8 }); // → undefined
 * let field = '';
 * try { validateModelShape({ layers: 0, dModel: 64, heads: 4, context: 32 }, 'models.s'); } catch (e) { field = (e as { field: string }).field; }
 * field; // → 'models.s.layers'
 * ```
 */
export function validateModelShape(shape: ModelShape, field = 'model'): void {
  checkModelShape(shape, { field });
}

/**
 * Checks a dropout rate: a number in [0, 1) (a rate of 1 would drop every activation;
 * Srivastava et al. 2014 define dropout with retention probability p = 1 − rate > 0).
 *
 * @param rate - the share of activations to drop
 * @param field - the field named in errors; default `dropout`
 * @returns `rate`, unchanged
 * @throws InputError when `rate` is negative, not a number, or ≥ 1
 * @example
 * ```ts
 * import { validateDropout } from '@scaling-lab/core/train/pure';
 * validateDropout(0.1); // → 0.1
 * validateDropout(1); // → throws InputError
 * ```
 */
export function validateDropout(rate: number, field = 'dropout'): number {
  requireNumber(field, rate, { min: 0 });
  if (rate >= 1) throw new InputError(field, `must be below 1, got ${rate}`, 'give a rate in [0, 1), e.g. 0.1');
  return rate;
}
