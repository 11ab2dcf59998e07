/**
 * What goes through the queue. All sweeps share one BullMQ queue (`runs`,
 * keys under `scaling-lab:` in Redis); a job's id is `<sweep name>/<run key>`,
 * so several sweeps can share one Redis, and enqueuing a run twice — or from
 * two coordinators — finds the existing job instead of training it again.
 * A job carries the planned run; its return value is the finished
 * `SweepRecord` (kept in Redis until `scaling-lab queue clean`, so a
 * coordinator that was down collects it later).
 */
import type { PlannedRun, SweepRecord } from '../../sweep/types.js';

export const QUEUE_NAME = 'runs';

export interface RunJobData {
  run: PlannedRun;
}

export type RunJobResult = SweepRecord;

/** `<sweep name>/<run key>` (sweep names have no "/", see sweep/spec.ts; BullMQ ids may not hold ":"). */
export function jobIdFor(run: Pick<PlannedRun, 'runKey' | 'sweep'>): string {
  return `${run.sweep.name}/${run.runKey}`;
}

export function sweepOfJobId(id: string): string {
  const i = id.indexOf('/');
  return i < 0 ? '' : id.slice(0, i);
}

/** Progress a worker reports on the job (BullMQ `job.updateProgress`). */
export interface RunJobProgress {
  step: number;
  totalSteps: number;
  trainLoss: number;
  /** The worker's name, `<host>:<pid>`. */
  host: string;
}
