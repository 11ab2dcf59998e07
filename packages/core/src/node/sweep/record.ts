/**
 * One results-file line from a finished run: the trainer's result plus the
 * run's key and sweep coordinates, and where it came from — the trainer
 * version (train/version.ts) and the host that trained it (the backend is
 * the result's own `backend`), so records from mixed workers can be told apart.
 */
import { hostname } from 'node:os';
import { TRAINER_VERSION } from '../../train/version.js';
import type { PlannedRun, RunResult, SweepRecord } from '../../sweep/types.js';

export function sweepRecord(run: Pick<PlannedRun, 'runKey' | 'sweep'>, result: RunResult, host: string = hostname()): SweepRecord {
  return { runKey: run.runKey, sweep: run.sweep, ...result, trainerVersion: TRAINER_VERSION, host };
}
