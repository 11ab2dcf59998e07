/**
 * `@scaling-lab/core/train/pure`: the trainer's pieces that need no TensorFlow.js —
 * the character tokenizer and train/validation split, the learning-rate schedule
 * and the run-spec resolution (steps from tokens, batch and context). Pages that
 * only count tokens or draw a schedule import these and never download TF.js.
 *
 * @module @scaling-lab/core/train/pure
 */
export { byteTokenizer, charTokenizer, makeTokenizer, splitTrainVal, type Tokenizer } from './tokenizer.js';
export { learningRateAt, type ScheduleOptions } from './schedule.js';
export { MODEL_SHAPE_LIMITS, checkModelShape, validateDropout, validateModelShape, type ModelShapeLimits } from './shape.js';
export { RUN_DEFAULTS, resolveRunSpec, type ResolvedRunSpec } from './spec.js';
