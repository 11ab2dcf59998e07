/** How many runs a queue worker trains at once by default: one per core, or one per GPU for a GPU backend. */
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/** NVIDIA GPUs on this host (`nvidia-smi -L`), 0 if none or no driver. */
export function countGpus(): number {
  try {
    return execFileSync('nvidia-smi', ['-L'], { encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').filter((l) => l.startsWith('GPU ')).length;
  } catch {
    return 0;
  }
}

/**
 * How many runs a queue worker trains at once by default: one per core
 * (`os.availableParallelism()`; the WASM and cpu backends use one thread each), or one per
 * NVIDIA GPU (`nvidia-smi -L`, at least 1) for the `tensorflow-gpu` backend.
 *
 * @param backend - the worker's backend choice; optional
 * @returns the number of runs to train at once, at least 1
 * @example
 * ```ts
 * import { availableParallelism } from 'node:os';
 * import { defaultConcurrency } from '@scaling-lab/core/node/queue';
 * defaultConcurrency('wasm') === Math.max(1, availableParallelism()); // → true
 * defaultConcurrency('tensorflow-gpu') >= 1; // → true
 * ```
 */
export function defaultConcurrency(backend?: string): number {
  if (backend === 'tensorflow-gpu') return Math.max(1, countGpus());
  return Math.max(1, availableParallelism());
}

