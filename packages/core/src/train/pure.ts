/**
 * `@scaling-lab/core/train/pure`: the trainer's pieces that need no TensorFlow.js —
 * the character tokenizer and train/validation split, the learning-rate schedule,
 * the run-spec resolution (steps from tokens, batch and context) and the one
 * model-shape check (checkModelShape). Pages that
 * only count tokens or draw a schedule import these and never download TF.js.
 */
export * from './tokenizer.js';
export * from './schedule.js';
export * from './spec.js';
export * from './shape.js';
