/**
 * Training processes for a queue worker: up to `size` forked copies of the
 * sweep's worker module (sweep/worker.ts — the same child the local runner
 * uses), kept between jobs so the trainer (TensorFlow.js) loads once per
 * process. A crash or an out-of-memory kill of a child fails only its run;
 * the child is replaced on the next run.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { FromWorker, ToWorker } from '../../sweep/protocol.js';
import type { PlannedRun, RunResult, TrainProgress } from '../../sweep/types.js';

interface Child {
  proc: ChildProcess;
  ready: Promise<void>;
  busy: boolean;
  stderr: string;
  onMessage?: (m: FromWorker) => void;
  onExit?: (why: string) => void;
}

export interface TrainerPool {
  /** Trains `run` in a free child; resolves with the result, rejects with the trainer's message (or how the child died). */
  train(run: PlannedRun, opts: { backend?: string; signal?: AbortSignal; onProgress?: (p: TrainProgress) => void }): Promise<RunResult>;
  /** Stops every child (aborting runs in flight). */
  close(): Promise<void>;
}

export class RunAborted extends Error {
  constructor() {
    super('run aborted');
  }
}

export function trainerPool(size: number, workerPath: string, env: NodeJS.ProcessEnv = {}): TrainerPool {
  const children: Child[] = [];
  const spawnChild = (): Child => {
    const proc = fork(workerPath, [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], execArgv: [], env: { ...process.env, ...env } });
    let ready!: () => void;
    const c: Child = { proc, ready: new Promise<void>((r) => (ready = r)), busy: false, stderr: '' };
    const keep = (b: Buffer) => (c.stderr = (c.stderr + b.toString()).slice(-4000));
    proc.stdout!.on('data', keep);
    proc.stderr!.on('data', keep);
    proc.on('message', (m: FromWorker) => {
      if (m.type === 'ready') ready();
      else c.onMessage?.(m);
    });
    proc.on('error', () => {});
    proc.on('exit', (code, sig) => {
      const i = children.indexOf(c);
      if (i >= 0) children.splice(i, 1);
      ready();
      const tail = c.stderr.trim().split('\n').slice(-3).join(' | ');
      c.onExit?.(`training process exited (${sig ?? `code ${code}`})${tail ? `: ${tail}` : ''}`);
    });
    children.push(c);
    return c;
  };

  return {
    async train(run, opts) {
      const c = children.find((x) => !x.busy) ?? (children.length < size ? spawnChild() : undefined);
      if (!c) throw new Error(`no free training process (pool of ${size})`);
      c.busy = true;
      try {
        await c.ready;
        return await new Promise<RunResult>((resolve, reject) => {
          if (c.proc.exitCode !== null || c.proc.signalCode !== null) return reject(new Error(`training process exited before the run`));
          const onAbort = () => c.proc.connected && c.proc.send({ type: 'stop' } satisfies ToWorker);
          opts.signal?.addEventListener('abort', onAbort, { once: true });
          const done = (fn: () => void) => {
            opts.signal?.removeEventListener('abort', onAbort);
            c.onMessage = undefined;
            c.onExit = undefined;
            fn();
          };
          c.onMessage = (m) => {
            if (!('runKey' in m) || m.runKey !== run.runKey) {
              if (m.type === 'stopped') done(() => reject(new RunAborted()));
              return;
            }
            if (m.type === 'progress') opts.onProgress?.(m);
            else if (m.type === 'done') done(() => resolve(m.result));
            else if (m.type === 'failed') done(() => reject(new Error(m.message)));
            else if (m.type === 'stopped') done(() => reject(new RunAborted()));
          };
          c.onExit = (why) => done(() => reject(opts.signal?.aborted ? new RunAborted() : new Error(why)));
          c.proc.send({ type: 'run', run, backend: opts.backend } satisfies ToWorker);
          if (opts.signal?.aborted) onAbort();
        });
      } finally {
        c.busy = false;
      }
    },
    async close() {
      await Promise.all(
        [...children].map(
          (c) =>
            new Promise<void>((resolve) => {
              if (c.proc.exitCode !== null || c.proc.signalCode !== null) return resolve();
              const t = setTimeout(() => c.proc.kill('SIGKILL'), 10_000);
              c.proc.once('exit', () => {
                clearTimeout(t);
                resolve();
              });
              if (c.proc.connected) c.proc.send({ type: 'stop' } satisfies ToWorker);
              else c.proc.kill('SIGKILL');
            }),
        ),
      );
    },
  };
}
