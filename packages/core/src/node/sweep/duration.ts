/**
 * How long a planned sweep should take, before it starts: counted training FLOPs (attention and
 * logits included, `PlannedRun.costEstimate`) over a per-worker throughput, scheduled largest first
 * across the workers (greedy: each run goes to the worker free soonest).
 *
 * Default throughput: 1.0e9 counted FLOP/s per worker on the WASM backend, measured from the committed
 * results (sweeps/results/moby-isoflop.jsonl: 2.02e12 counted FLOPs in 1,452 worker-seconds = 1.39e9;
 * quick.jsonl: 1.29e11 in 177 s = 7.3e8, its models are tinier; 2-core machine, load 3–8, 2026-12).
 * A GPU backend is faster; the figure is a rough guide, printed as such.
 */
import type { PlannedRun } from '../../sweep/types.js';

export const DEFAULT_FLOPS_PER_WORKER_SECOND = 1.0e9;
export const THROUGHPUT_SOURCE = 'WASM throughput measured from sweeps/results (1e9 counted FLOP/s per worker, 2-core machine, 2026-12)';

/** Seconds the runs should take on `workers` workers at `flopsPerSecond` each. */
export function expectedSweepSeconds(runs: readonly PlannedRun[], workers: number, flopsPerSecond = DEFAULT_FLOPS_PER_WORKER_SECOND): number {
  const free = new Array<number>(Math.max(1, Math.min(workers, runs.length || 1))).fill(0);
  const sorted = [...runs].sort((a, b) => b.costEstimate - a.costEstimate);
  for (const r of sorted) {
    let k = 0;
    for (let i = 1; i < free.length; i++) if (free[i] < free[k]) k = i;
    free[k] += r.costEstimate / flopsPerSecond;
  }
  return Math.max(...free);
}
