/**
 * A queue worker (`scaling-lab worker --queue URL`): takes run jobs from the
 * shared BullMQ queue and trains each in a child process (trainer-pool.ts), so
 * a crash or out-of-memory kill in training fails that try, not the worker.
 *
 * Lock: a job is locked by its worker for `lockMs` (default 60 s) and BullMQ
 * renews the lock every lockMs/2 while the run trains — the training runs in a
 * child process, so this process's event loop is free to renew it even during
 * hour-long runs. If the worker dies (SIGKILL, power loss), the lock lapses and
 * the stalled-job check of any other worker (every `stalledMs`, default 30 s)
 * puts the job back in the queue for another worker: a dead worker's run
 * restarts within about lockMs + stalledMs. A job may stall 3 times before it
 * is failed (a run that kills every machine it lands on).
 *
 * Stop (`stop()`, Ctrl-C): no new jobs are taken; the runs in flight are
 * aborted and handed back to the queue at once (not failed, not waiting for the
 * lock to lapse), then the worker exits.
 */
import { hostname } from 'node:os';
import { Worker, WaitingError, type Job } from 'bullmq';
import { defaultWorkerPath } from '../sweep/runner.js';
import { sweepRecord } from '../sweep/record.js';
import { defaultConcurrency } from './concurrency.js';
import { bullConnection, checkRedis, KEY_PREFIX } from './connection.js';
import { QUEUE_NAME, type RunJobData, type RunJobProgress, type RunJobResult } from './jobs.js';
import { RunAborted, trainerPool } from './trainer-pool.js';
import { redactSecrets, type QueueUrl } from './url.js';

export type QueueWorkerEvent =
  | { type: 'ready'; name: string; concurrency: number; queue: string; redisVersion: string }
  | { type: 'run-start'; jobId: string; runKey: string; attempt: number }
  | { type: 'run-done'; jobId: string; runKey: string; seconds: number; finalValLoss: number | null }
  | { type: 'run-failed'; jobId: string; runKey: string; message: string }
  | { type: 'run-handed-back'; jobId: string; runKey: string }
  | { type: 'redis-error'; message: string }
  | { type: 'stopping' }
  | { type: 'stopped' };

export interface QueueWorkerOptions {
  queue: QueueUrl;
  concurrency?: number;
  backend?: string;
  /** Job lock in ms (default 60 000), renewed every half of it while training. */
  lockMs?: number;
  /** Stalled-job check interval in ms (default 30 000). */
  stalledMs?: number;
  /** Worker module to fork (default the sweep's compiled worker.js). */
  workerPath?: string;
  env?: NodeJS.ProcessEnv;
  onEvent?: (e: QueueWorkerEvent) => void;
}

export interface QueueWorker {
  readonly name: string;
  /** Stops taking jobs, hands runs in flight back to the queue, closes everything. */
  stop(): Promise<void>;
  /** Resolves when the worker has stopped. */
  readonly closed: Promise<void>;
}

/**
 * Starts a queue worker (see the module comment): checks Redis, then takes run jobs from the
 * shared queue and trains up to `concurrency` of them at once (default defaultConcurrency),
 * each in a child process, reporting progress on the job and returning the SweepRecord.
 * `stop()` hands the runs in flight back to the queue and closes the worker.
 *
 * @param opts - `queue`, and optional `concurrency`, `backend`, `lockMs`, `stalledMs`, `workerPath`, `env`, `onEvent`
 * @returns the running worker: `name` (`<host>:<pid>`), `stop()`, `closed`
 * @throws InputError when Redis cannot be reached
 * @example
 * ```ts
 * // not run: needs Redis on 127.0.0.1:6379
 * import { parseQueueUrl, startQueueWorker } from '@scaling-lab/core/node/queue';
 * const worker = await startQueueWorker({ queue: parseQueueUrl('redis://127.0.0.1:6379'), concurrency: 1, backend: 'cpu', onEvent: (e) => console.log(e.type) });
 * process.once('SIGINT', () => void worker.stop());
 * await worker.closed;
 * ```
 */
export async function startQueueWorker(opts: QueueWorkerOptions): Promise<QueueWorker> {
  const emit = opts.onEvent ?? (() => {});
  const { redisVersion } = await checkRedis(opts.queue);
  const concurrency = opts.concurrency ?? defaultConcurrency(opts.backend);
  const host = hostname();
  const name = `${host}:${process.pid}`;
  const pool = trainerPool(concurrency, opts.workerPath ?? defaultWorkerPath(), opts.env);
  const aborts = new Map<string, AbortController>();
  let stopping = false;

  const processor = async (job: Job<RunJobData, RunJobResult>, token?: string): Promise<RunJobResult> => {
    const { run } = job.data;
    const abort = new AbortController();
    aborts.set(job.id!, abort);
    const t0 = Date.now();
    emit({ type: 'run-start', jobId: job.id!, runKey: run.runKey, attempt: job.attemptsMade + 1 });
    let lastProgress = 0;
    try {
      const result = await pool.train(run, {
        backend: opts.backend,
        signal: abort.signal,
        onProgress: (p) => {
          const now = Date.now();
          if (now - lastProgress < 1000 && p.step !== p.totalSteps) return;
          lastProgress = now;
          void job.updateProgress({ step: p.step, totalSteps: p.totalSteps, trainLoss: p.trainLoss, host: name } satisfies RunJobProgress).catch(() => {});
        },
      });
      emit({ type: 'run-done', jobId: job.id!, runKey: run.runKey, seconds: (Date.now() - t0) / 1000, finalValLoss: result.finalValLoss });
      return sweepRecord(run, result, host);
    } catch (err) {
      if (err instanceof RunAborted || abort.signal.aborted) {
        // Hand the run back now rather than failing a try or waiting for the lock to lapse.
        await job.moveToWait(token);
        emit({ type: 'run-handed-back', jobId: job.id!, runKey: run.runKey });
        throw new WaitingError();
      }
      const message = err instanceof Error ? err.message : String(err);
      emit({ type: 'run-failed', jobId: job.id!, runKey: run.runKey, message });
      throw err;
    } finally {
      aborts.delete(job.id!);
    }
  };

  const conn = bullConnection(opts.queue);
  const worker = new Worker<RunJobData, RunJobResult>(QUEUE_NAME, processor, {
    connection: conn.connection,
    prefix: KEY_PREFIX,
    concurrency,
    name,
    lockDuration: opts.lockMs ?? 60_000,
    stalledInterval: opts.stalledMs ?? 30_000,
    maxStalledCount: 3,
    autorun: true,
  });
  let lastErr = 0;
  worker.on('error', (err: Error) => {
    const now = Date.now();
    if (now - lastErr < 5000) return;
    lastErr = now;
    emit({ type: 'redis-error', message: redactSecrets(err.message, opts.queue.password) });
  });
  await worker.waitUntilReady();
  emit({ type: 'ready', name, concurrency, queue: opts.queue.redacted, redisVersion });

  let resolveClosed!: () => void;
  const closed = new Promise<void>((r) => (resolveClosed = r));
  const stop = async () => {
    if (stopping) return closed;
    stopping = true;
    emit({ type: 'stopping' });
    const closing = worker.close();
    for (const a of aborts.values()) a.abort();
    await closing;
    await pool.close();
    conn.client.disconnect();
    emit({ type: 'stopped' });
    resolveClosed();
    return closed;
  };
  return { name, stop, closed };
}
