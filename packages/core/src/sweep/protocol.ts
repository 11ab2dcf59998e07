/**
 * Messages between the sweep runner (parent) and its worker processes (IPC).
 * A worker trains one run at a time; only the parent writes the results file.
 */
import type { PlannedRun, RunResult, TrainProgress } from './types.js';

export type ToWorker =
  | { type: 'run'; run: PlannedRun; backend?: string }
  /** Abort the run in flight (if any) and exit. */
  | { type: 'stop' };

export type FromWorker =
  | { type: 'ready'; pid: number }
  | ({ type: 'progress'; runKey: string } & TrainProgress)
  | { type: 'done'; runKey: string; result: RunResult; timing?: WorkerRunTiming }
  | { type: 'failed'; runKey: string; message: string }
  | { type: 'stopped'; runKey?: string };

/**
 * Where a worker's time went for one run (clock: epoch milliseconds, `performance.timeOrigin + now()`,
 * comparable between processes on one machine; CPU: this worker process, all its threads). Sent with
 * `done` so the sweep bench can split wall time into start-up, per-run set-up, training and gaps
 * without changing the results file.
 */
export interface WorkerRunTiming {
  /** The worker process's start (its `performance.timeOrigin`). */
  processStartMs: number;
  /** When the worker had loaded the trainer module (first run only counts it). */
  trainerLoadedMs?: number;
  /** This run: the `run` message arrived / the first optimiser step reported / trainRun returned. */
  receivedMs: number;
  firstStepMs?: number;
  endMs: number;
  /** The worker's CPU seconds (user + system) when the run arrived and when it ended. */
  cpuAtReceivedSeconds: number;
  cpuAtEndSeconds: number;
  /** Runs this worker had finished before this one (0 = its first run, which pays start-up). */
  runIndex: number;
}
