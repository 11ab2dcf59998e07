/**
 * @scaling-lab/core/train — a small transformer language model trainer in
 * TensorFlow.js that runs in browsers and Node (no `node:` imports): model,
 * training loop, synthetic data with a known entropy rate, tokenisers,
 * parameter and FLOP counts. The Node wrapper is `trainRun` in
 * `@scaling-lab/core/node`.
 */
export * from './types.js';
export * from './tokenizer.js';
export * from './markov.js';
export * from './data.js';
export * from './params.js';
export * from './flops.js';
export * from './matmul.js';
export * from './fused.js';
export * from './model.js';
export * from './shape.js';
export * from './schedule.js';
export * from './adamw.js';
export * from './loop.js';
export * from './spec.js';
export * from './run.js';
export * from './version.js';
