/**
 * A sweep worker process (started by the runner with child_process.fork).
 * Receives runs over IPC, trains each with `trainRun`, and reports progress and
 * the result back. It never touches the results file. It ignores SIGINT (the
 * parent decides how to stop, and sends `stop`), and exits as soon as its
 * parent is gone (IPC disconnected), so a `kill -9` of the parent leaves no
 * orphan burning a core.
 */
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { FromWorker, ToWorker, WorkerRunTiming } from '../../sweep/protocol.js';
import type { RunResult, RunSpec, TrainProgress } from '../../sweep/types.js';

type TrainRun = (
  spec: RunSpec,
  opts?: { backend?: string; onProgress?: (p: TrainProgress) => void; signal?: AbortSignal },
) => Promise<RunResult>;

function send(msg: FromWorker): void {
  if (process.connected) process.send!(msg);
}

let current: { runKey: string; abort: AbortController } | undefined;
// The parent's pid at start: when the parent is SIGKILLed the worker is re-parented and process.ppid
// (read from the OS on every access) changes. A training loop whose awaits resolve as microtasks never
// lets the event loop see the IPC channel close, so 'disconnect' alone left orphans training for seconds.
const parentPid = process.ppid;
const parentGone = () => !process.connected || process.ppid !== parentPid;
let stopping = false;
let trainRunPromise: Promise<TrainRun> | undefined;
let trainerLoadedMs: number | undefined;
let runsDone = 0;
/** Epoch milliseconds with sub-millisecond resolution, comparable with the parent's and the other worker's. */
const nowMs = () => performance.timeOrigin + performance.now();
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function loadTrainer(): Promise<TrainRun> {
  // The trainer module (src/node/trainRun.ts) is loaded lazily.
  // SCALING_LAB_SWEEP_TRAINER (a module path exporting `trainRun`) replaces it:
  // a test seam, so the runner's crash handling can be tested with a stub.
  const override = process.env.SCALING_LAB_SWEEP_TRAINER;
  const path = override ? pathToFileURL(override).href : '../trainRun.js';
  const mod = (await import(path)) as { trainRun: TrainRun };
  trainerLoadedMs = nowMs();
  return mod.trainRun;
}

async function runOne(msg: Extract<ToWorker, { type: 'run' }>): Promise<void> {
  const { run } = msg;
  const receivedMs = nowMs();
  const cpuAtReceivedSeconds = cpuSeconds();
  let firstStepMs: number | undefined;
  const abort = new AbortController();
  current = { runKey: run.runKey, abort };
  try {
    trainRunPromise ??= loadTrainer();
    const trainRun = await trainRunPromise;
    let lastSent = 0;
    const result = await trainRun(run.spec, {
      backend: msg.backend,
      signal: abort.signal,
      onProgress: (p) => {
        if (parentGone()) process.exit(0); // parent gone mid-run
        firstStepMs ??= nowMs();
        const now = Date.now();
        if (now - lastSent >= 200 || p.step === p.totalSteps) {
          lastSent = now;
          send({ type: 'progress', runKey: run.runKey, step: p.step, totalSteps: p.totalSteps, tokensSeen: p.tokensSeen, trainLoss: p.trainLoss });
        }
      },
    });
    const timing: WorkerRunTiming = {
      processStartMs: performance.timeOrigin,
      ...(trainerLoadedMs !== undefined ? { trainerLoadedMs } : {}),
      receivedMs,
      ...(firstStepMs !== undefined ? { firstStepMs } : {}),
      endMs: nowMs(),
      cpuAtReceivedSeconds,
      cpuAtEndSeconds: cpuSeconds(),
      runIndex: runsDone++,
    };
    if (abort.signal.aborted) send({ type: 'stopped', runKey: run.runKey });
    else send({ type: 'done', runKey: run.runKey, result, timing });
  } catch (err) {
    if (abort.signal.aborted) send({ type: 'stopped', runKey: run.runKey });
    else send({ type: 'failed', runKey: run.runKey, message: err instanceof Error ? err.message : String(err) });
  } finally {
    current = undefined;
    if (stopping) process.exit(0);
  }
}

process.on('SIGINT', () => {
  /* the parent handles Ctrl-C and sends `stop` */
});
process.on('disconnect', () => process.exit(0));
// Between runs (or in a long evaluation) the event loop is free: poll too, in case 'disconnect' is late.
setInterval(() => {
  if (parentGone()) process.exit(0);
}, 200).unref();
process.on('message', (msg: ToWorker) => {
  if (msg.type === 'stop') {
    stopping = true;
    if (current) current.abort.abort();
    else process.exit(0);
  } else if (msg.type === 'run') {
    void runOne(msg);
  }
});
// Start loading the trainer (TensorFlow.js, the WASM backend's module, the train code: ~0.6 CPU-s, measured
// by `npm run bench sweep`) now rather than when the first run arrives, so it overlaps the IPC round trip and
// the parent's dispatch. A load error is reported by the first run that awaits it (as `failed`); the no-op
// catch only keeps Node from treating the rejection as unhandled and killing the worker before that.
trainRunPromise = loadTrainer();
trainRunPromise.catch(() => {});
send({ type: 'ready', pid: process.pid });
