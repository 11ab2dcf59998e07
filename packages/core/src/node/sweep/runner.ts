/**
 * The sweep runner: trains the planned runs in parallel worker processes
 * (`child_process.fork` of the compiled worker; default one per core, largest
 * runs first) and appends each completed run to the results file (one line,
 * fsynced, by this process only — see results-file.ts).
 *
 * Resume: runs whose `runKey` is already in the file are skipped; anything
 * else (never started, or in flight when the last attempt died) is trained.
 * Stop (`signal` aborted, e.g. on Ctrl-C): no new runs start, workers abort the
 * run in flight and exit; runs already written stay written.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../errors.js';
import { largestFirst } from './expand.js';
import type { FromWorker, ToWorker, WorkerRunTiming } from '../../sweep/protocol.js';
import { performance } from 'node:perf_hooks';
import { writeSync } from 'node:fs';
import { openResults, readResults, ResultsWriteError, type ResultsWriter } from './results-file.js';
import { sweepRecord } from './record.js';
import type { PlannedRun, SweepRecord, TrainProgress } from '../../sweep/types.js';

export type SweepEvent =
  | { type: 'start'; total: number; skipped: number; reused: number; toRun: PlannedRun[]; workers: number; repaired?: string; outPath: string }
  | { type: 'run-start'; worker: number; run: PlannedRun }
  | { type: 'progress'; worker: number; run: PlannedRun; progress: TrainProgress }
  /** `timing`: where the worker's time went (for benchmarks; not written to the results file). */
  | { type: 'run-done'; worker: number; run: PlannedRun; record: SweepRecord; timing?: WorkerRunTiming; doneReceivedMs?: number }
  | { type: 'run-failed'; worker: number; run: PlannedRun; message: string }
  | { type: 'stopping' }
  | { type: 'end'; summary: SweepSummary };

export interface SweepOptions {
  runs: readonly PlannedRun[];
  /** Results file (JSON lines); created if missing, resumed if present. */
  outPath: string;
  /** Worker processes; default one per core (os.availableParallelism()). */
  workers?: number;
  /** Passed to trainRun in each worker ('auto' | 'wasm' | 'cpu' | 'tensorflow' | 'tensorflow-gpu'). */
  backend?: string;
  signal?: AbortSignal;
  onEvent?: (e: SweepEvent) => void;
  /** The worker module; default the compiled worker.js beside this file (dist). */
  workerPath?: string;
  /** Extra environment for workers. */
  env?: NodeJS.ProcessEnv;
  /**
   * Other results files whose completed runs may be reused: a run with the same
   * runKey (= the same training spec) is copied in, with this sweep's
   * coordinates, instead of being trained again.
   */
  reuse?: string[];
}

export interface SweepSummary {
  outPath: string;
  planned: number;
  /** Runs already in the file (including `reused`). */
  skipped: number;
  /** Runs copied from `reuse` files this time. */
  reused: number;
  completed: number;
  failed: { runKey: string; message: string }[];
  /** Runs not attempted or aborted because the sweep was stopped. */
  notRun: number;
  stopped: boolean;
  /** Why the sweep stopped early because the results file could not be written (a full disk), if it did. */
  writeError?: string;
  wallSeconds: number;
  /** Every record in the file for this sweep's planned runs (old and new). */
  records: SweepRecord[];
}

/**
 * A sweep's summary from its counts: `notRun` = planned − skipped − completed − failed (what
 * is left), `wallSeconds` the time since `startedMs`.
 *
 * @param s - the counts, records and flags of the summary without `notRun` and `wallSeconds`
 * @param startedMs - when the sweep started (`Date.now()` then)
 * @returns the full summary
 * @example
 * ```ts
 * import { sweepSummary } from '@scaling-lab/core/node';
 * const s = sweepSummary({ outPath: 'tiny.jsonl', planned: 10, skipped: 3, reused: 0, completed: 4, failed: [{ runKey: 'x', message: 'diverged' }], stopped: true, records: [] }, Date.now());
 * s.notRun; // → 2
 * ```
 */
export function sweepSummary(s: Omit<SweepSummary, 'notRun' | 'wallSeconds'>, startedMs: number): SweepSummary {
  return { ...s, notRun: s.planned - s.skipped - s.completed - s.failed.length, wallSeconds: (Date.now() - startedMs) / 1000 };
}

/**
 * The path of the compiled sweep worker (dist/node/sweep/worker.js) that runSweep forks,
 * also when this module runs from src under vitest (a forked worker must be JavaScript).
 *
 * @returns the absolute path of worker.js
 * @example
 * ```ts
 * import { existsSync } from 'node:fs';
 * import { defaultWorkerPath } from '@scaling-lab/core/node';
 * defaultWorkerPath().endsWith('worker.js'); // → true
 * existsSync(defaultWorkerPath()); // → true
 * ```
 */
export function defaultWorkerPath(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) return here.replace(/([\\/])src([\\/]node[\\/]sweep[\\/])runner\.ts$/, '$1dist$2worker.js');
  return fileURLToPath(new URL('./worker.js', import.meta.url));
}

/**
 * Test seam, like SCALING_LAB_SWEEP_TRAINER: SCALING_LAB_FAULT_DISK_FULL_AFTER=<bytes> makes the results
 * file's writes fail with ENOSPC once that many bytes have been written by this process (a partial
 * write first), so the full-disk path can be tested end to end without filling a disk.
 */
function diskFaultFromEnv(): { writeSync?: (fd: number, b: Uint8Array, o: number, l: number) => number } {
  const raw = process.env.SCALING_LAB_FAULT_DISK_FULL_AFTER;
  if (raw === undefined) return {};
  let budget = Number(raw);
  return {
    writeSync: (fd, b, o, l) => {
      const n = Math.min(l, budget);
      if (!(n > 0)) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      budget -= n;
      return writeSync(fd, b, o, n);
    },
  };
}

/**
 * Worker processes a local sweep starts by default: one per core the process may use
 * (`os.availableParallelism()`), at least 1. The WASM and cpu backends train on one
 * thread, so one worker per core keeps every core busy.
 *
 * @returns the worker count
 * @example
 * ```ts
 * import { availableParallelism } from 'node:os';
 * import { defaultWorkerCount } from '@scaling-lab/core/node';
 * defaultWorkerCount() === Math.max(1, availableParallelism()); // → true
 * ```
 */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

interface Slot {
  index: number;
  child: ChildProcess;
  run?: PlannedRun;
  stderr: string;
  exited: boolean;
}

/**
 * Runs a sweep on this machine: skips runs already in the results file (resume) or in a
 * `reuse` file, then trains the rest largest first on `workers` forked processes (each
 * calls trainRun), appending each finished run to the file as one fsynced line. A run that
 * fails or crashes its worker is reported and the rest go on; aborting `signal` stops
 * early. Only one process may write a results file at a time (its lock).
 *
 * @param opts - `runs`, `outPath`, and optional `workers`, `backend`, `signal`, `onEvent`, `reuse`, `workerPath`, `env`
 * @returns the summary: planned, skipped, completed, failed, not run, and every record for the runs
 * @throws InputError when another process holds the results file's lock
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { parseSweepSpec } from '@scaling-lab/core';
 * import { expandSweep, runSweep } from '@scaling-lab/core/node';
 * const spec = parseSweepSpec({
 *   name: 'tiny', design: 'grid', context: 8, batchSize: 4, seeds: [0], dataset: { kind: 'markov', order: 1, vocab: 8 },
 *   learningRate: { rule: 'constant', value: 0.01 }, evalBatches: 1, models: { s: { layers: 1, dModel: 16, heads: 2 } }, grid: { models: ['s'], tokens: [320] },
 * });
 * // one 10-step run; a final evaluation of 32 tokens instead of the default 16 384 keeps the example quick
 * const runs = expandSweep(spec).map((r) => ({ ...r, spec: { ...r.spec, finalEvalTokens: 32 } }));
 * const outPath = join(mkdtempSync(join(tmpdir(), 'sweep-')), 'tiny.jsonl');
 * const first = await runSweep({ runs, outPath, workers: 1, backend: 'cpu' });
 * first.completed; // → 1
 * first.records[0].finalValLoss! < Math.log(8); // → true
 * // the same command again resumes: the run is in the file, nothing is trained
 * (await runSweep({ runs, outPath, workers: 1, backend: 'cpu' })).skipped; // → 1
 * ```
 */
export async function runSweep(opts: SweepOptions): Promise<SweepSummary> {
  const started = Date.now();
  const workersWanted = opts.workers ?? defaultWorkerCount();
  if (!Number.isInteger(workersWanted) || workersWanted < 1) {
    throw new InputError('--workers', `must be a whole number of at least 1, got ${workersWanted}`, 'give e.g. --workers 2');
  }
  const emit = opts.onEvent ?? (() => {});
  const writer: ResultsWriter = openResults(opts.outPath, '--out', diskFaultFromEnv());
  const planned = new Map(opts.runs.map((r) => [r.runKey, r]));
  let reused = 0;
  if (opts.reuse?.length) {
    const donors = new Map<string, SweepRecord>();
    for (const path of opts.reuse) for (const r of readResults(path).records) if (!donors.has(r.runKey)) donors.set(r.runKey, r);
    for (const run of opts.runs) {
      const donor = donors.get(run.runKey);
      if (!donor || writer.existing.keys.has(run.runKey)) continue;
      const record: SweepRecord = { ...donor, runKey: run.runKey, sweep: run.sweep };
      writer.append(record);
      writer.existing.keys.add(run.runKey);
      writer.existing.records.push(record);
      reused++;
    }
  }
  const queue = largestFirst(opts.runs.filter((r) => !writer.existing.keys.has(r.runKey)));
  const skipped = opts.runs.length - queue.length;
  const records: SweepRecord[] = writer.existing.records.filter((r) => planned.has(r.runKey));
  const failed: SweepSummary['failed'] = [];
  let completed = 0;
  let stopped = false;
  let writeError: string | undefined;
  const nWorkers = Math.min(workersWanted, queue.length);
  emit({ type: 'start', total: opts.runs.length, skipped, reused, toRun: queue, workers: nWorkers, repaired: writer.repaired, outPath: opts.outPath });

  const finish = (): SweepSummary => {
    writer.close();
    const summary = sweepSummary({ outPath: opts.outPath, planned: opts.runs.length, skipped, reused, completed, failed, stopped, records, ...(writeError ? { writeError } : {}) }, started);
    emit({ type: 'end', summary });
    return summary;
  };
  if (nWorkers === 0) return finish();

  const workerPath = opts.workerPath ?? defaultWorkerPath();
  let crashes = 0;

  return await new Promise<SweepSummary>((resolve, reject) => {
    const slots: Slot[] = [];
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;

    const settle = () => {
      if (settled || slots.some((s) => !s.exited)) return;
      if (queue.length && !stopped) return;
      settled = true;
      if (killTimer) clearTimeout(killTimer);
      opts.signal?.removeEventListener('abort', onAbort);
      try {
        resolve(finish());
      } catch (err) {
        reject(err);
      }
    };

    const dispatch = (slot: Slot) => {
      if (stopped || slot.exited) return;
      const run = queue.shift();
      if (!run) {
        slot.child.send({ type: 'stop' } satisfies ToWorker);
        return;
      }
      slot.run = run;
      slot.child.send({ type: 'run', run, backend: opts.backend } satisfies ToWorker);
      emit({ type: 'run-start', worker: slot.index, run });
    };

    const spawn = (index: number): Slot => {
      const child = fork(workerPath, [], {
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        execArgv: [],
        env: { ...process.env, ...opts.env },
      });
      const slot: Slot = { index, child, stderr: '', exited: false };
      // Keep the worker's chatter (e.g. TensorFlow.js banners) off the progress display; show it if the run fails.
      const keep = (b: Buffer) => {
        slot.stderr = (slot.stderr + b.toString()).slice(-4000);
      };
      child.stdout!.on('data', keep);
      child.stderr!.on('data', keep);
      child.on('message', (msg: FromWorker) => {
        if (msg.type === 'ready') return dispatch(slot);
        const run = slot.run && slot.run.runKey === (msg as { runKey?: string }).runKey ? slot.run : undefined;
        if (msg.type === 'progress' && run) {
          emit({ type: 'progress', worker: index, run, progress: msg });
        } else if (msg.type === 'done' && run) {
          const doneReceivedMs = performance.timeOrigin + performance.now();
          const record = sweepRecord(run, msg.result);
          try {
            writer.append(record);
          } catch (err) {
            // A full disk: stop every worker cleanly; the file already holds only whole records.
            if (!(err instanceof ResultsWriteError)) throw err;
            writeError = err.message;
            failed.push({ runKey: run.runKey, message: err.message });
            slot.run = undefined;
            emit({ type: 'run-failed', worker: index, run, message: err.message });
            onAbort();
            return;
          }
          records.push(record);
          completed++;
          slot.run = undefined;
          emit({ type: 'run-done', worker: index, run, record, ...(msg.timing ? { timing: msg.timing, doneReceivedMs } : {}) });
          dispatch(slot);
        } else if (msg.type === 'failed' && run) {
          failed.push({ runKey: run.runKey, message: msg.message });
          slot.run = undefined;
          emit({ type: 'run-failed', worker: index, run, message: msg.message });
          dispatch(slot);
        } else if (msg.type === 'stopped') {
          slot.run = undefined;
        }
      });
      child.on('error', () => {
        /* reported through 'exit' */
      });
      child.on('exit', (code, sig) => {
        slot.exited = true;
        const tail = slot.stderr.trim().split('\n').slice(-3).join(' | ');
        if (slot.run) {
          if (!stopped) {
            const message = `worker exited (${sig ?? `code ${code}`}) during the run${tail ? `: ${tail}` : ''}`;
            failed.push({ runKey: slot.run.runKey, message });
            emit({ type: 'run-failed', worker: index, run: slot.run, message });
          }
          slot.run = undefined;
        }
        if (!stopped && queue.length) {
          // Replace a worker that died with work left (bounded, so a trainer that cannot start does not loop).
          if (++crashes <= 2 * nWorkers) {
            slots[index] = spawn(index);
            return;
          }
          if (slots.every((s) => s.exited)) {
            while (queue.length) failed.push({ runKey: queue.shift()!.runKey, message: `workers keep exiting${tail ? `: ${tail}` : ''}` });
          }
        }
        settle();
      });
      return slot;
    };

    function onAbort() {
      if (stopped) return;
      stopped = true;
      emit({ type: 'stopping' });
      queue.length = 0;
      for (const s of slots) if (!s.exited && s.child.connected) s.child.send({ type: 'stop' } satisfies ToWorker);
      // A trainer that does not notice the abort promptly is killed.
      killTimer = setTimeout(() => {
        for (const s of slots) if (!s.exited) s.child.kill('SIGKILL');
      }, 10_000);
      killTimer.unref();
      settle();
    }

    for (let i = 0; i < nWorkers; i++) slots.push(spawn(i));
    if (opts.signal?.aborted) onAbort();
    else opts.signal?.addEventListener('abort', onAbort, { once: true });
  });
}
