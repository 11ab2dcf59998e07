/**
 * @scaling-lab/core/train — a small transformer language model trainer in
 * TensorFlow.js that runs in browsers and Node (no `node:` imports): model,
 * training loop, synthetic data with a known entropy rate, tokenisers,
 * parameter and FLOP counts. The Node wrapper is `trainRun` in
 * `@scaling-lab/core/node`.
 *
 * Each name has one home: the run interface (`RunSpec`, `RunResult`, `ModelShape`,
 * `TrainProgress`, …) is plain data and lives in `@scaling-lab/core`; the pieces that
 * need no TensorFlow.js (tokenizers, schedule, run-spec resolution) live in
 * `@scaling-lab/core/train/pure`. The model's kernels (naive/fused matmul, attention,
 * GELU, cross-entropy) are internal: `createTransformer` picks them. The one model-shape check
 * (`checkModelShape`, `validateModelShape`) lives in `/train/pure`.
 *
 * @module @scaling-lab/core/train
 */
export {
  MAX_MARKOV_STATES,
  createMarkovChain,
  markovEntropyRate,
  markovWalker,
  type MarkovChain,
  type MarkovOptions,
} from './markov.js';
export { markovSource, textSource, type Batch, type TokenSource } from './data.js';
export { countParams, type ParamCounts } from './params.js';
export { countedTrainingFlops, flops6ND, flopsPerToken, type FlopsPerToken } from './flops.js';
export {
  createRunTransformer,
  createTransformer,
  type ForwardOptions,
  type Transformer,
  type TransformerOptions,
} from './model.js';
export { AdamW, type AdamWOptions } from './adamw.js';
export { evaluate, train, type TrainOptions, type TrainOutcome } from './loop.js';
export { markovSourceFor, runOnSource, type RunOptions } from './run.js';
export { TRAINER_VERSION, UNVERSIONED_TRAINER, splitRunKey, versionedRunKey } from './version.js';
