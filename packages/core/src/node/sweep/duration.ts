/**
 * How long a planned sweep should take, before it starts: counted training FLOPs (attention and
 * logits included, `PlannedRun.costEstimate`) over a per-worker throughput, scheduled largest first
 * across the workers (greedy: each run goes to the worker free soonest).
 *
 * Default throughput: 2.4e9 counted FLOP/s per worker on the WASM backend, measured from the committed
 * results of trainer version 5 (the WASM engine; sum of flopsCounted over sum of wallSeconds):
 * sweeps/results/quick.jsonl 8.89e11 counted FLOPs in 369 worker-seconds = 2.41e9, moby-isoflop.jsonl
 * 2.02e12 in 593 s = 3.40e9 (its extra runs are larger); the lower one, so estimates err long; 2 workers on a
 * 2-core machine at load average 4–9, 2026-12-02. Trainer versions 1–4 ran at ~1e9. A GPU backend is
 * faster; the figure is a rough guide, printed as such.
 */
import type { PlannedRun } from '../../sweep/types.js';

export const DEFAULT_FLOPS_PER_WORKER_SECOND = 2.4e9;
export const THROUGHPUT_SOURCE = 'WASM throughput measured from sweeps/results (2.4e9 counted FLOP/s per worker, trainer version 5, 2-core machine, 2026-12)';

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
