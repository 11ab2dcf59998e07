/**
 * The queue coordinator (`scaling-lab sweep spec.json --queue URL`): plans the
 * runs, enqueues each run not already in the results file as one BullMQ job
 * (id `<sweep>/<run key>`, so enqueuing twice never trains twice), then polls
 * the queue and appends each finished run to the results file — the same
 * one-line, fsynced, single-writer JSON lines as the local runner (it holds the
 * file's lock, so a second coordinator on the same file refuses).
 *
 * Nothing is lost when something dies:
 * - a worker: its job's lock lapses and BullMQ's stalled check hands the job
 *   to another worker (see worker.ts);
 * - the coordinator: finished jobs keep their records in Redis; a restarted
 *   coordinator collects them (each is written once: the file is the truth
 *   for what is collected, the job id for what is trained);
 * - Redis: connections retry; jobs that vanished (a Redis without its
 *   append-only file) are enqueued again.
 * A failing run is retried `attempts` times with exponential backoff, then
 * reported failed with its message; the rest go on. A rerun retries failed runs.
 */
import { Queue, type Job } from 'bullmq';
import { InputError } from '../../errors.js';
import { largestFirst } from '../sweep/expand.js';
import { openResults, type ResultsWriter } from '../sweep/results-file.js';
import { sweepSummary, type SweepSummary } from '../sweep/runner.js';
import type { PlannedRun, SweepRecord } from '../../sweep/types.js';
import { bullConnection, checkRedis, KEY_PREFIX } from './connection.js';
import { jobIdFor, QUEUE_NAME, type RunJobData, type RunJobProgress, type RunJobResult } from './jobs.js';
import { redactSecrets, type QueueUrl } from './url.js';

export type QueueSweepEvent =
  | { type: 'start'; total: number; skipped: number; toRun: PlannedRun[]; enqueued: number; alreadyQueued: number; retried: number; outPath: string; queue: string; repaired?: string }
  | { type: 'counts'; total: number; done: number; running: number; waiting: number; failed: number; fraction: number }
  | { type: 'run-start'; run: PlannedRun; host: string }
  | { type: 'run-done'; run: PlannedRun; record: SweepRecord }
  | { type: 'run-retry'; run: PlannedRun; attempt: number; message: string }
  | { type: 'run-failed'; run: PlannedRun; message: string; attempts: number }
  | { type: 'redis'; up: boolean; message?: string }
  | { type: 'requeued'; run: PlannedRun }
  | { type: 'stopping' }
  | { type: 'end'; summary: SweepSummary };

export interface QueueSweepOptions {
  runs: readonly PlannedRun[];
  outPath: string;
  queue: QueueUrl;
  /** Tries per run before it is reported failed (default 3). */
  attempts?: number;
  /** First retry delay in ms, doubled each retry (default 10 000). */
  backoffMs?: number;
  /** How often the queue is polled (default 250 ms). */
  pollMs?: number;
  signal?: AbortSignal;
  onEvent?: (e: QueueSweepEvent) => void;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/**
 * The queue coordinator (see the module comment): checks Redis, takes the results file's
 * lock, enqueues each planned run not already in the file as one BullMQ job (id
 * `<sweep>/<run key>`, largest first), then polls the queue and appends each finished run
 * to the file until every run is collected or failed after `attempts` tries (default 3,
 * backoff 10 s doubling). Workers (startQueueWorker, any machine) do the training.
 *
 * @param opts - `runs`, `outPath`, `queue`, and optional `attempts`, `backoffMs`, `pollMs`, `signal`, `onEvent`
 * @returns the sweep's summary, as runSweep's
 * @throws InputError when Redis cannot be reached, the results file is locked, or `attempts` is not a whole number ≥ 1
 * @example
 * ```ts
 * // not run: needs Redis on 127.0.0.1:6379 and a worker (scaling-lab worker --queue redis://127.0.0.1:6379)
 * import { parseSweepSpec } from '@scaling-lab/core';
 * import { expandSweep } from '@scaling-lab/core/node';
 * import { parseQueueUrl, runSweepOnQueue } from '@scaling-lab/core/node/queue';
 * const spec = parseSweepSpec({
 *   name: 'tiny', design: 'grid', context: 8, batchSize: 4, seeds: [0], dataset: { kind: 'markov', order: 1, vocab: 8 },
 *   learningRate: { rule: 'constant', value: 0.01 }, models: { s: { layers: 1, dModel: 16, heads: 2 } }, grid: { models: ['s'], tokens: [640] },
 * });
 * const summary = await runSweepOnQueue({ runs: expandSweep(spec), outPath: 'results/tiny.jsonl', queue: parseQueueUrl('redis://127.0.0.1:6379') });
 * console.log(summary.completed, summary.failed.length); // 1 0
 * ```
 */
export async function runSweepOnQueue(opts: QueueSweepOptions): Promise<SweepSummary> {
  const started = Date.now();
  const emit = opts.onEvent ?? (() => {});
  const attempts = opts.attempts ?? 3;
  const backoffMs = opts.backoffMs ?? 10_000;
  const pollMs = opts.pollMs ?? 250;
  if (!Number.isInteger(attempts) || attempts < 1) throw new InputError('--attempts', `must be a whole number of at least 1, got ${attempts}`, 'give e.g. --attempts 3');
  await checkRedis(opts.queue);
  const writer: ResultsWriter = openResults(opts.outPath);
  const conn = bullConnection(opts.queue);
  const queue = new Queue<RunJobData, RunJobResult, string>(QUEUE_NAME, { connection: conn.connection, prefix: KEY_PREFIX });
  let redisDown = false;
  queue.on('error', (err: Error) => {
    if (redisDown) return;
    redisDown = true;
    emit({ type: 'redis', up: false, message: redactSecrets(err.message, opts.queue.password) });
  });
  const records: SweepRecord[] = writer.existing.records.filter((r) => opts.runs.some((p) => p.runKey === r.runKey));
  const toRun = largestFirst(opts.runs.filter((r) => !writer.existing.keys.has(r.runKey)));
  const skipped = opts.runs.length - toRun.length;
  const pending = new Map(toRun.map((r) => [jobIdFor(r), r]));
  const failed: SweepSummary['failed'] = [];
  let completed = 0;
  let stopped = false;
  const onAbort = () => {
    if (stopped) return;
    stopped = true;
    emit({ type: 'stopping' });
  };
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  if (opts.signal?.aborted) onAbort();

  const jobOpts = { attempts, backoff: { type: 'exponential' as const, delay: backoffMs }, removeOnComplete: false, removeOnFail: false };
  const add = async (runs: PlannedRun[]) => {
    for (let i = 0; i < runs.length; i += 500) {
      await queue.addBulk(runs.slice(i, i + 500).map((run) => ({ name: run.runKey, data: { run }, opts: { ...jobOpts, jobId: jobIdFor(run) } })));
    }
  };
  const ranges = async () => {
    const types = ['completed', 'failed', 'active', 'delayed', 'wait', 'prioritized', 'waiting-children'] as const;
    const lists = await Promise.all(types.map((t) => queue.getRanges([t], 0, -1)));
    return Object.fromEntries(types.map((t, i) => [t, new Set(lists[i])])) as Record<(typeof types)[number], Set<string>>;
  };

  try {
    // Enqueue what is not in the file; jobs already in Redis (a restarted coordinator, a second one) are left as they are,
    // except runs that failed in an earlier session, which get a fresh set of tries.
    const before = await ranges();
    const known = (id: string) => Object.values(before).some((s) => s.has(id));
    const fresh = toRun.filter((r) => !known(jobIdFor(r)));
    let retried = 0;
    for (const r of toRun) {
      const id = jobIdFor(r);
      if (!before.failed.has(id)) continue;
      const job = await queue.getJob(id);
      if (job) {
        await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
        retried++;
      }
    }
    await add(fresh);
    emit({ type: 'start', total: opts.runs.length, skipped, toRun, enqueued: fresh.length, alreadyQueued: toRun.length - fresh.length, retried, outPath: opts.outPath, queue: opts.queue.redacted, repaired: writer.repaired });

    const startedOn = new Map<string, string>(); // job id → host it is running on
    const retriesSeen = new Map<string, number>();
    const fractions = new Map<string, number>();
    const total = toRun.length;
    const cost = (r: PlannedRun) => r.costEstimate;
    const totalCost = toRun.reduce((a, r) => a + cost(r), 0) || 1;
    let doneCost = 0;
    let lastCounts = '';
    const missingPolls = new Map<string, number>();
    while (pending.size && !stopped) {
      const s = await ranges();
      if (redisDown) {
        redisDown = false;
        emit({ type: 'redis', up: true });
      }
      // Fetch the finished jobs' records together (one round trip per batch, not per job), then write them in order.
      const finished = [...pending.keys()].filter((id) => s.completed.has(id));
      const jobs = await Promise.all(finished.map((id) => queue.getJob(id) as Promise<Job<RunJobData, RunJobResult> | undefined>));
      const fetched = new Map(finished.map((id, i) => [id, jobs[i]]));
      for (const [id, run] of pending) {
        if (s.completed.has(id)) {
          const rv = fetched.get(id)?.returnvalue;
          if (!rv || rv.runKey !== run.runKey) continue; // not readable yet
          const record: SweepRecord = { ...rv, sweep: run.sweep };
          writer.append(record);
          records.push(record);
          completed++;
          doneCost += cost(run);
          pending.delete(id);
          fractions.delete(id);
          emit({ type: 'run-done', run, record });
        } else if (s.failed.has(id)) {
          const job = await queue.getJob(id);
          const message = redactSecrets(job?.failedReason || 'failed', opts.queue.password);
          failed.push({ runKey: run.runKey, message });
          doneCost += cost(run);
          pending.delete(id);
          fractions.delete(id);
          emit({ type: 'run-failed', run, message, attempts: job?.attemptsMade ?? attempts });
        } else if (s.active.has(id)) {
          const job = await queue.getJob(id);
          const host = (job?.progress as RunJobProgress | undefined)?.host ?? job?.processedBy ?? '?';
          if (startedOn.get(id) !== host) {
            startedOn.set(id, host);
            emit({ type: 'run-start', run, host });
          }
          const p = job?.progress as RunJobProgress | undefined;
          if (p?.totalSteps) fractions.set(id, p.step / p.totalSteps);
        } else if (s.delayed.has(id) || s.wait.has(id) || s.prioritized.has(id)) {
          startedOn.delete(id);
          fractions.delete(id);
          if (s.delayed.has(id)) {
            const job = await queue.getJob(id);
            const made = job?.attemptsMade ?? 0;
            if (made > (retriesSeen.get(id) ?? 0)) {
              retriesSeen.set(id, made);
              emit({ type: 'run-retry', run, attempt: made, message: redactSecrets(job?.failedReason ?? '', opts.queue.password) });
            }
          }
        } else if (!s['waiting-children'].has(id)) {
          // In no state at all: removed (queue clean) or lost with a Redis that had no append-only file. Twice in a row, to skip a job between states.
          const n = (missingPolls.get(id) ?? 0) + 1;
          missingPolls.set(id, n);
          if (n >= 2) {
            missingPolls.delete(id);
            await add([run]);
            emit({ type: 'requeued', run });
          }
          continue;
        }
        missingPolls.delete(id);
      }
      const running = [...pending.keys()].filter((id) => s.active.has(id)).length;
      const inFlight = [...fractions.entries()].reduce((a, [id, f]) => a + f * cost(pending.get(id)!), 0);
      const counts = { total, done: completed, running, waiting: pending.size - running, failed: failed.length };
      const key = JSON.stringify(counts);
      if (key !== lastCounts || fractions.size) {
        lastCounts = key;
        emit({ type: 'counts', ...counts, fraction: Math.min(1, (doneCost + inFlight) / totalCost) });
      }
      if (pending.size) await sleep(pollMs, opts.signal);
    }
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    writer.close();
    await queue.close().catch(() => {});
    conn.client.disconnect();
  }
  const summary = sweepSummary({ outPath: opts.outPath, planned: opts.runs.length, skipped, reused: 0, completed, failed, stopped, records }, started);
  emit({ type: 'end', summary });
  return summary;
}
