/**
 * Progress of a sweep on the queue, for the coordinator: one bar for the whole
 * sweep on a terminal (runs done / running / waiting, ETA), with a line per
 * finished run saying which host and backend trained it; plain lines when
 * stderr is not a terminal or output is JSON.
 *
 * ETA = elapsed · (1 − f) / f, with f the share of the sweep's estimated FLOPs
 * done (finished runs plus the trained share of runs in flight), as the local
 * runner's ETA (sweep/progress.ts).
 */
import cliProgress from 'cli-progress';
import { fmtSeconds } from '../sweep/progress.js';
import type { QueueSweepEvent } from './coordinator.js';

export interface QueueProgress {
  onEvent(e: QueueSweepEvent): void;
  stop(): void;
}

function describe(e: QueueSweepEvent, t0: number): string | undefined {
  switch (e.type) {
    case 'start':
      return (
        `sweep: ${e.total} run(s), ${e.skipped} already in ${e.outPath}, ${e.toRun.length} on the queue ${e.queue}` +
        ` (${e.enqueued} enqueued, ${e.alreadyQueued} already there${e.retried ? `, ${e.retried} failed before and retried` : ''}); start workers with: scaling-lab worker --queue ${e.queue}` +
        (e.repaired ? `; repaired the file's torn last line (${e.repaired})` : '')
      );
    case 'run-start':
      return `started ${e.run.runKey} on ${e.host}`;
    case 'run-done': {
      const r = e.record;
      return `done ${e.run.runKey} on ${r.host ?? '?'} (${r.backend}, trainer v${r.trainerVersion ?? 1}): val loss ${r.finalValLoss?.toFixed(4) ?? 'n/a'}${r.diverged ? ' (diverged)' : ''} in ${fmtSeconds(r.wallSeconds)}`;
    }
    case 'run-retry':
      return `retry ${e.run.runKey}: try ${e.attempt} failed (${e.message}); retrying after a backoff`;
    case 'run-failed':
      return `FAILED ${e.run.runKey} after ${e.attempts} tries: ${e.message}`;
    case 'requeued':
      return `requeued ${e.run.runKey} (its job had gone from Redis)`;
    case 'redis':
      return e.up ? 'redis: connected again' : `redis: connection lost (${e.message ?? ''}); retrying…`;
    case 'stopping':
      return 'sweep: stopping the coordinator; workers keep training and their results stay in Redis — rerun the same command to collect them';
    case 'end': {
      const s = e.summary;
      return `sweep: ${s.completed} collected, ${s.skipped} already there, ${s.failed.length} failed, ${s.notRun} not collected${s.stopped ? ' (stopped)' : ''} in ${fmtSeconds((Date.now() - t0) / 1000)} → ${s.outPath}`;
    }
    default:
      return undefined;
  }
}

/**
 * The coordinator's progress display for runSweepOnQueue's `onEvent`: one bar for the whole
 * sweep on a terminal (runs done / running / waiting, ETA = elapsed·(1 − f)/f with f the
 * share of estimated FLOPs done), with a line per finished run naming the host and backend;
 * plain lines when the stream is not a terminal or `plain`.
 *
 * @param opts - `plain` to force lines; `stream`, default process.stderr
 * @returns the display: `onEvent` and `stop`
 * @example
 * ```ts
 * import { Writable } from 'node:stream';
 * import { queueProgress } from '@scaling-lab/core/node/queue';
 * const lines: string[] = [];
 * const stream = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
 * const progress = queueProgress({ plain: true, stream: stream as NodeJS.WriteStream });
 * progress.onEvent({ type: 'redis', up: false, message: 'ECONNRESET' });
 * progress.stop();
 * lines[0].trimEnd(); // → 'redis: connection lost (ECONNRESET); retrying…'
 * ```
 */
export function queueProgress(opts: { plain?: boolean; stream?: NodeJS.WriteStream } = {}): QueueProgress {
  const stream = opts.stream ?? process.stderr;
  const t0 = Date.now();
  let tStart = Date.now();
  const eta = (f: number) => (f > 0 ? ((Date.now() - tStart) / 1000) * ((1 - f) / f) : NaN);
  if (opts.plain || !stream.isTTY) {
    let lastCounts = '';
    return {
      onEvent(e) {
        if (e.type === 'start') tStart = Date.now();
        if (e.type === 'counts') {
          const line = `queue: ${e.done}/${e.total} done, ${e.running} running, ${e.waiting} waiting, ${e.failed} failed`;
          if (line !== lastCounts && (e.type === 'counts' && e.done + e.failed > 0)) {
            lastCounts = line;
            stream.write(`${line}; ETA ${fmtSeconds(eta(e.fraction))}\n`);
          }
          return;
        }
        const line = describe(e, t0);
        if (line) stream.write(`${line}\n`);
      },
      stop() {},
    };
  }
  const multibar = new cliProgress.MultiBar(
    { stream, clearOnComplete: false, hideCursor: true, fps: 5, format: 'sweep [{bar}] {percentage}% | {info}', barsize: 24 },
    cliProgress.Presets.shades_classic,
  );
  let bar: cliProgress.SingleBar | undefined;
  let stopped = false;
  return {
    onEvent(e) {
      if (stopped) return;
      if (e.type === 'start') {
        tStart = Date.now();
        bar = multibar.create(1000, 0, { info: `0/${e.toRun.length} done | ETA ?` });
      }
      if (e.type === 'counts') {
        bar?.update(Math.round(e.fraction * 1000), { info: `${e.done}/${e.total} done, ${e.running} running, ${e.waiting} waiting${e.failed ? `, ${e.failed} failed` : ''} | ETA ${fmtSeconds(eta(e.fraction))}` });
        return;
      }
      const line = describe(e, t0);
      if (e.type === 'end') {
        this.stop();
        if (line) stream.write(`${line}\n`);
      } else if (line) multibar.log(`${line}\n`);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      multibar.stop();
    },
  };
}
