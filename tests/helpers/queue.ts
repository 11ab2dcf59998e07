/** Helpers for the queue tests: start coordinators and workers of the built CLI, and read the training log. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, startCli } from '../sweep-helpers.js';

export const countingTrainer = join(root, 'tests/queue-fixtures/counting-trainer.mjs');
export const tinySpec = 'tests/sweep-fixtures/tiny-sweep.json';

/** A worker with the counting fake trainer and short locks (a dead worker's run comes back in about 3 s). */
export function startWorker(url: string, env: NodeJS.ProcessEnv, extra: string[] = []) {
  return startCli(['worker', '--queue', url, '--concurrency', '1', '--lock-seconds', '2', '--stalled-seconds', '1', ...extra], { SCALING_LAB_SWEEP_TRAINER: countingTrainer, ...env });
}

export function startCoordinator(url: string, out: string, extra: string[] = [], spec = tinySpec) {
  return startCli(['sweep', spec, '--queue', url, '--out', out, '--plain', ...extra]);
}

/** Lines "start|done <runKey> <pid> <ms>" of the training log. */
export function trainLog(path: string): { what: string; runKey: string; pid: number; ms: number }[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [what, runKey, pid, ms] = l.split(' ');
      return { what, runKey, pid: Number(pid), ms: Number(ms) };
    });
}

export function countBy<T>(xs: T[], key: (x: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
}

/** Planned run keys of the tiny spec (from the CLI's own dry run). */
export async function plannedKeys(spec = tinySpec): Promise<string[]> {
  const run = startCli(['sweep', spec, '--dry-run', '--json']);
  await run.exit;
  return (JSON.parse(run.out()).runs as { runKey: string }[]).map((r) => r.runKey).sort();
}
