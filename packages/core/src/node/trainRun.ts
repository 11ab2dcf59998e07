/**
 * `trainRun(spec, opts)`: trains one model in this Node process and returns
 * its RunResult — the agreed entry point for the sweep runner. Picks the tfjs
 * backend (see backend.ts), builds the data source (Moby Dick or a synthetic
 * Markov chain), runs the loop in src/train, and estimates the run's energy.
 *
 * Energy = watts × wall time. Default watts = threads × 12.0 W: Green
 * Algorithms' per-core TDP for an unknown CPU ("Any" row of TDP_cpu.csv, v3.0
 * data at GreenAlgorithms/green-algorithms-tool 30df2fe, 2025-02-05;
 * Lannelongue, Grealey & Inouye 2021, Adv. Sci.). WASM and cpu backends use one
 * thread; tfjs-node uses all cores. It leaves out memory, idle host power and
 * any GPU; pass `watts` to use your own figure.
 */
import { InputError } from '../errors.js';
import { textSource, type TokenSource } from '../train/data.js';
import { markovSourceFor, runOnSource } from '../train/run.js';
import { resolveRunSpec } from '../train/spec.js';
import type { RunResult, RunSpec } from '../train/types.js';
import type { TrainProgress } from '../train/loop.js';
import { selectBackend, type BackendChoice } from './backend.js';
import { mobyDickTokens } from './corpus.js';

export interface TrainRunOptions {
  backend?: BackendChoice;
  onProgress?: (p: TrainProgress) => void;
  signal?: AbortSignal;
  /** Average power in watts to charge the run with (default: per-core TDP share, see above). */
  watts?: number;
  /** `naive` uses autodiff matmuls (slow on WASM); for benchmarks. */
  matmul?: 'fast' | 'naive';
}

/** Green Algorithms "Any" CPU: 12.0 W per core. */
export const WATTS_PER_CORE_DEFAULT = 12.0;
export const WATTS_PER_CORE_SOURCE =
  'Green Algorithms TDP_cpu.csv "Any" row, 12.0 W per core (Lannelongue et al. 2021; data v3.0, 2025-02-05)';

export function sourceForSpec(spec: RunSpec): TokenSource {
  const ds = spec.dataset;
  if (ds.kind === 'moby-dick') {
    const { tokens, tokenizer } = mobyDickTokens(ds.tokenizer);
    return textSource(tokens, tokenizer.vocab, spec.seed, undefined, ds.uniqueTokens);
  }
  if (ds.kind === 'markov') return markovSourceFor(ds, spec.seed);
  throw new InputError('dataset.kind', `unknown dataset ${JSON.stringify((ds as { kind: unknown }).kind)}`, "use 'moby-dick' or 'markov'");
}

/**
 * Trains one model in this Node process and returns its RunResult: checks the spec
 * (resolveRunSpec) before loading anything, selects the backend (selectBackend), builds the
 * data source (Moby Dick or the synthetic Markov chain), runs the training loop and charges
 * energy = watts × wall time, with watts = threads × WATTS_PER_CORE_DEFAULT (12.0 W, Green
 * Algorithms' "Any" CPU row; Lannelongue et al. 2021) unless `watts` is given.
 *
 * @param spec - the run spec
 * @param opts - optional `backend` (default auto), `watts`, `onProgress`, `signal`, `matmul`
 * @returns the run's result: losses, curve, parameter and FLOP counts, wall time, energy
 * @throws InputError for a bad spec or `watts`, or a backend that cannot start
 * @example
 * ```ts
 * import { trainRun } from '@scaling-lab/core/node';
 * // a tiny model, 10 steps of 4 × 8 tokens, a 32-token final evaluation: under a second on a CPU
 * const spec = {
 *   id: 'tiny', model: { layers: 1, dModel: 16, heads: 2, context: 8 }, tokens: 320, batchSize: 4, learningRate: 1e-2,
 *   seed: 0, evalBatches: 1, finalEvalTokens: 32, dataset: { kind: 'markov' as const, order: 1, vocab: 8 },
 * };
 * const result = await trainRun(spec, { backend: 'cpu' });
 * result.steps; // → 10
 * result.tokens; // → 320
 * result.energy.watts; // → 12
 * await trainRun({ ...spec, batchSize: 0 }); // → throws InputError
 * ```
 */
export async function trainRun(spec: RunSpec, opts: TrainRunOptions = {}): Promise<RunResult> {
  const resolved = resolveRunSpec(spec); // fail fast on bad input, before loading a backend
  if (opts.watts !== undefined && !(Number.isFinite(opts.watts) && opts.watts >= 0)) {
    throw new InputError('watts', `must be a non-negative number, got ${opts.watts}`, 'give the average power in watts, e.g. 15');
  }
  const backend = await selectBackend(opts.backend ?? 'auto');
  const source = sourceForSpec(spec);
  const watts = opts.watts ?? backend.threads * WATTS_PER_CORE_DEFAULT;
  const wattsSource =
    opts.watts !== undefined ? 'user' : `${backend.threads} thread(s) × ${WATTS_PER_CORE_SOURCE}${backend.name === 'tensorflow-gpu' ? '; GPU power not included' : ''}`;
  const result = await runOnSource(spec, source, { onProgress: opts.onProgress, signal: opts.signal, watts, wattsSource, matmul: opts.matmul }, resolved);
  result.backend = backend.name;
  return result;
}
