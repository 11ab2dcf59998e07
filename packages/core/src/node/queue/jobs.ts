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

/**
 * A run's job id on the shared queue: `<sweep name>/<run key>` (sweep names have no "/",
 * see sweep/spec.ts; BullMQ ids may not hold ":"), so enqueuing a run twice finds the
 * existing job instead of training it again.
 *
 * @param run - the planned run's `runKey` and `sweep.name`
 * @returns the job id
 * @example
 * ```ts
 * import { jobIdFor } from '@scaling-lab/core/node/queue';
 * jobIdFor({ runKey: 's-D6.40e2-s0-ee1da3bc-t4', sweep: { name: 'tiny' } } as never); // → 'tiny/s-D6.40e2-s0-ee1da3bc-t4'
 * ```
 */
export function jobIdFor(run: Pick<PlannedRun, 'runKey' | 'sweep'>): string {
  return `${run.sweep.name}/${run.runKey}`;
}

/**
 * The sweep name of a job id (the part before the first "/", {@link jobIdFor}); '' for an
 * id without one (not a job of this tool). `queue status` groups jobs by it.
 *
 * @param id - a BullMQ job id
 * @returns the sweep's name, or ''
 * @example
 * ```ts
 * import { sweepOfJobId } from '@scaling-lab/core/node/queue';
 * sweepOfJobId('tiny/s-D6.40e2-s0-ee1da3bc-t4'); // → 'tiny'
 * sweepOfJobId('no-slash'); // → ''
 * ```
 */
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
