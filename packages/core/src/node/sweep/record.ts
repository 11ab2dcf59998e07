/**
 * One results-file line from a finished run: the trainer's result plus the
 * run's key and sweep coordinates, and where it came from — the trainer
 * version (train/version.ts) and the host that trained it (the backend is
 * the result's own `backend`), so records from mixed workers can be told apart.
 */
import { hostname } from 'node:os';
import { TRAINER_VERSION } from '../../train/version.js';
import type { PlannedRun, RunResult, SweepRecord } from '../../sweep/types.js';

/**
 * A results-file line from a finished run: the trainer's RunResult plus the run's key and
 * sweep coordinates, the current TRAINER_VERSION and the host that trained it, so records
 * from mixed workers and trainer versions can be told apart.
 *
 * @param run - the planned run's `runKey` and `sweep` coordinates
 * @param result - what trainRun returned
 * @param host - the machine's name; default `os.hostname()`
 * @returns the record to append
 * @example
 * ```ts
 * import { sweepRecord } from '@scaling-lab/core/node';
 * import { TRAINER_VERSION } from '@scaling-lab/core/train';
 * const run = { runKey: 's-D6.40e2-s0-ee1da3bc-t4', sweep: { name: 'tiny', design: 'grid' as const, model: 's', seed: 0 } };
 * const record = sweepRecord(run, { finalValLoss: 1.84 } as never, 'worker-1');
 * record.host; // → 'worker-1'
 * record.trainerVersion === TRAINER_VERSION; // → true
 * ```
 */
export function sweepRecord(run: Pick<PlannedRun, 'runKey' | 'sweep'>, result: RunResult, host: string = hostname()): SweepRecord {
  return { runKey: run.runKey, sweep: run.sweep, ...result, trainerVersion: TRAINER_VERSION, host };
}
