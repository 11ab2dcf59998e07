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
  | { type: 'done'; runKey: string; result: RunResult }
  | { type: 'failed'; runKey: string; message: string }
  | { type: 'stopped'; runKey?: string };
