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

/** One per core; one per GPU where the backend is a GPU one. */
export function defaultConcurrency(backend?: string): number {
  if (backend === 'tensorflow-gpu') return Math.max(1, countGpus());
  return Math.max(1, availableParallelism());
}

