/**
 * One run from spec to result, on whatever tfjs backend is active and a token
 * source the caller provides (browser-safe: the Node wrapper `trainRun` adds
 * backend selection, the Moby Dick corpus and the energy figure).
 */
import * as tf from '@tensorflow/tfjs-core';
import { createMarkovChain } from './markov.js';
import { countedTrainingFlops, flops6ND } from './flops.js';
import { markovSource, type TokenSource } from './data.js';
import { train, type TrainProgress } from './loop.js';
import { createRunTransformer } from './model.js';
import { countParams } from './params.js';
import { type ResolvedRunSpec, resolveRunSpec } from './spec.js';
import type { MarkovDataset, RunResult, RunSpec } from './types.js';

export interface RunOptions {
  /** After every step; `valLoss` on evaluation steps. */
  onProgress?: (p: TrainProgress) => void;
  signal?: AbortSignal;
  /** Average power drawn while training, in watts, and where that figure comes from. */
  watts: number;
  wattsSource: string;
  matmul?: 'fast' | 'naive';
}

/**
 * The token source for a run spec's synthetic Markov dataset: the chain is built from the
 * dataset's `order`, `vocab`, `branching` and `zipfExponent`, seeded by its `chainSeed`
 * (or the run's seed); the training stream is seeded by the run's seed.
 *
 * @param ds - the run spec's `dataset` (`kind: 'markov'`)
 * @param runSeed - the run's seed
 * @returns the source (markovSource), with the chain's `entropyRate`
 * @example
 * ```ts
 * import { markovSourceFor } from '@scaling-lab/core/train';
 * const source = markovSourceFor({ kind: 'markov', order: 1, vocab: 8 }, 0);
 * source.vocab; // → 8
 * source.entropyRate; // → 1.261
 * ```
 */
export function markovSourceFor(ds: MarkovDataset, runSeed: number): TokenSource {
  const chain = createMarkovChain({ order: ds.order, vocab: ds.vocab, branching: ds.branching, zipfExponent: ds.zipfExponent, seed: ds.chainSeed ?? runSeed });
  return markovSource(chain, runSeed);
}

/**
 * Trains `spec` on `source` on the active TensorFlow.js backend: builds the run's
 * transformer, runs the training loop (AdamW, warmup + cosine schedule, evaluations) and
 * returns the RunResult with parameter counts, 6ND and counted FLOPs, the loss curve and
 * energy = watts × wall seconds. `resolved` is the spec's resolveRunSpec, when the caller
 * has it already (trainRun checks the spec before it loads a backend): the spec is checked
 * once per run. TensorFlow.js must be imported once first (it registers the gradients).
 *
 * @param spec - the run spec
 * @param source - where batches come from (textSource, markovSource)
 * @param opts - `watts` and `wattsSource` for the energy figure; optional `onProgress`, `signal`, `matmul`
 * @param resolved - the spec's resolveRunSpec; default computed here
 * @returns the run's result
 * @throws InputError from resolveRunSpec for a bad spec
 * @example
 * ```ts
 * import '@tensorflow/tfjs';
 * import { markovSourceFor, runOnSource } from '@scaling-lab/core/train';
 * // a tiny model, 10 steps of 4 × 8 tokens, small evaluations: well under a second on a CPU
 * const spec = {
 *   id: 'tiny', model: { layers: 1, dModel: 16, heads: 2, context: 8 }, tokens: 320, batchSize: 4,
 *   learningRate: 1e-2, seed: 0, evalBatches: 1, finalEvalTokens: 32, dataset: { kind: 'markov' as const, order: 1, vocab: 8 },
 * };
 * const result = await runOnSource(spec, markovSourceFor(spec.dataset, 0), { watts: 10, wattsSource: 'a guess' });
 * result.steps; // → 10
 * result.paramsTotal; // → 3568
 * result.finalValLoss! < Math.log(8); // → true
 * ```
 */
export async function runOnSource(spec: RunSpec, source: TokenSource, opts: RunOptions, resolved: ResolvedRunSpec = resolveRunSpec(spec)): Promise<RunResult> {
  const r = resolved;
  const model = createRunTransformer(r, source.vocab, { matmul: opts.matmul });
  try {
    const out = await train({
      model,
      source,
      steps: r.steps,
      batchSize: r.batchSize,
      learningRate: r.learningRate,
      weightDecay: r.weightDecay,
      warmupFraction: r.warmupFraction,
      gradClip: r.gradClip,
      evalEvery: r.evalEvery,
      evalBatches: r.evalBatches,
      finalEvalBatches: r.finalEvalBatches,
      onStep: opts.onProgress,
      signal: opts.signal,
    });
    const counts = countParams(spec.model, source.vocab);
    const result: RunResult = {
      spec,
      backend: tf.getBackend(),
      paramsNonEmbedding: counts.nonEmbedding,
      paramsTotal: counts.total,
      tokens: out.tokens,
      flops6ND: flops6ND(counts.nonEmbedding, out.tokens),
      flopsCounted: countedTrainingFlops(spec.model, source.vocab, out.tokens),
      finalTrainLoss: out.finalTrainLoss,
      finalValLoss: out.finalValLoss,
      curve: out.curve,
      wallSeconds: out.wallSeconds,
      tokensPerSecond: out.wallSeconds > 0 ? out.tokens / out.wallSeconds : 0,
      diverged: out.diverged,
      steps: out.steps,
      vocab: source.vocab,
      energy: { joules: opts.watts * out.wallSeconds, watts: opts.watts, wattsSource: opts.wattsSource },
    };
    if (source.entropyRate !== undefined) result.entropyRate = source.entropyRate;
    return result;
  } finally {
    model.dispose();
  }
}
