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

/** The token source for a synthetic Markov dataset (train stream seeded by the run's seed). */
export function markovSourceFor(ds: MarkovDataset, runSeed: number): TokenSource {
  const chain = createMarkovChain({ order: ds.order, vocab: ds.vocab, branching: ds.branching, zipfExponent: ds.zipfExponent, seed: ds.chainSeed ?? runSeed });
  return markovSource(chain, runSeed);
}

/**
 * Trains `spec` on `source`. `resolved` is the spec's resolveRunSpec, when the caller has it
 * already (trainRun checks the spec before it loads a backend): the spec is checked once per run.
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
