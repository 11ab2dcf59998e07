/**
 * Progress display for a sweep: a cli-progress multibar on a terminal (one bar
 * for the sweep with its ETA, one per worker with the run's steps and loss), or
 * plain lines (one per finished run) when stderr is not a TTY or output is JSON.
 *
 * The sweep ETA weighs runs by their estimated FLOPs (attention and logits
 * included), not by count, since runs differ in cost by orders of magnitude:
 * ETA = elapsed · (remaining / done).
 */
import cliProgress from 'cli-progress';
import { formatFlops } from '../../format.js';
import type { SweepEvent } from './runner.js';
import type { PlannedRun } from '../../sweep/types.js';

export interface ProgressReporter {
  onEvent(e: SweepEvent): void;
  /** Stops the bars (idempotent), leaving the terminal clean. */
  stop(): void;
}

/**
 * A duration for progress lines: seconds with one decimal below 10 s, whole seconds below
 * a minute, then minutes and seconds, then hours and minutes (42s, 3m05s, 1h02m);
 * `?` for a negative or non-finite time (an ETA not known yet).
 *
 * @param s - the duration, seconds
 * @returns the short text
 * @example
 * ```ts
 * import { fmtSeconds } from '@scaling-lab/core/node';
 * fmtSeconds(4.25); // → '4.3s'
 * fmtSeconds(185); // → '3m05s'
 * fmtSeconds(3720); // → '1h02m'
 * fmtSeconds(NaN); // → '?'
 * ```
 */
export function fmtSeconds(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '?';
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(Math.round(s - 60 * m)).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

class FlopsClock {
  total = 0;
  done = 0;
  inFlight = new Map<string, { flops: number; fraction: number }>();
  t0 = Date.now();
  start(runs: PlannedRun[]) {
    this.total = runs.reduce((a, r) => a + r.costEstimate, 0);
    this.t0 = Date.now();
  }
  progress(run: PlannedRun, fraction: number) {
    this.inFlight.set(run.runKey, { flops: run.costEstimate, fraction: Math.min(1, Math.max(0, fraction)) });
  }
  finish(run: PlannedRun, counted: boolean) {
    this.inFlight.delete(run.runKey);
    if (counted) this.done += run.costEstimate;
    else this.total -= run.costEstimate;
  }
  get value(): number {
    let v = this.done;
    for (const r of this.inFlight.values()) v += r.flops * r.fraction;
    return v;
  }
  /** Seconds left, by FLOPs done so far. */
  eta(): number {
    const v = this.value;
    if (v <= 0) return NaN;
    return ((Date.now() - this.t0) / 1000) * ((this.total - v) / v);
  }
}

/** Plain lines on `stream` (one per run finished), for logs, CI and --json. */
export function plainReporter(stream: NodeJS.WritableStream = process.stderr): ProgressReporter {
  const clock = new FlopsClock();
  let total = 0;
  let finished = 0;
  const line = (s: string) => stream.write(`${s}\n`);
  return {
    onEvent(e) {
      switch (e.type) {
        case 'start':
          total = e.toRun.length;
          clock.start(e.toRun);
          line(
            `sweep: ${e.total} run(s), ${e.skipped} already in ${e.outPath}${e.reused ? ` (${e.reused} reused from other results)` : ''}, ${total} to train on ${e.workers} worker(s)` +
              (total ? ` (~${formatFlops(clock.total)})` : '') +
              (e.repaired ? `; repaired the file's torn last line (${e.repaired})` : ''),
          );
          break;
        case 'progress':
          clock.progress(e.run, e.progress.step / e.progress.totalSteps);
          break;
        case 'run-done': {
          clock.finish(e.run, true);
          finished++;
          const r = e.record;
          line(
            `[${finished}/${total}] ${e.run.runKey} N=${r.paramsNonEmbedding} D=${r.tokens} val loss ${r.finalValLoss?.toFixed(4) ?? 'n/a'}` +
              `${r.diverged ? ' (diverged)' : ''} in ${fmtSeconds(r.wallSeconds)}, ${Math.round(r.tokensPerSecond)} tok/s; ETA ${fmtSeconds(clock.eta())}`,
          );
          break;
        }
        case 'run-failed':
          clock.finish(e.run, false);
          finished++;
          line(`[${finished}/${total}] ${e.run.runKey} FAILED: ${e.message}`);
          break;
        case 'stopping':
          line('sweep: stopping (runs in flight are abandoned; rerun the same command to resume)');
          break;
        case 'end': {
          const s = e.summary;
          line(
            `sweep: ${s.completed} trained, ${s.skipped} skipped, ${s.failed.length} failed, ${s.notRun} not run` +
              `${s.stopped ? ' (stopped)' : ''} in ${fmtSeconds(s.wallSeconds)} → ${s.outPath}`,
          );
          break;
        }
      }
    },
    stop() {},
  };
}

/** cli-progress multibar on a terminal. */
export function barReporter(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  const clock = new FlopsClock();
  const multibar = new cliProgress.MultiBar(
    {
      stream,
      clearOnComplete: false,
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
      format: '{label} [{bar}] {percentage}% | {info}',
      barsize: 24,
      autopadding: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let overall: cliProgress.SingleBar | undefined;
  const bars = new Map<number, cliProgress.SingleBar>();
  let total = 0;
  let finished = 0;
  let stopped = false;
  const refreshOverall = () => {
    overall?.update(Math.round((clock.value / Math.max(clock.total, 1)) * 1000), {
      label: 'sweep   ',
      info: `${finished}/${total} runs | ETA ${fmtSeconds(clock.eta())}`,
    });
  };
  const log = (s: string) => multibar.log(`${s}\n`);
  return {
    onEvent(e) {
      if (stopped) return;
      switch (e.type) {
        case 'start':
          total = e.toRun.length;
          clock.start(e.toRun);
          log(`sweep: ${e.total} run(s), ${e.skipped} already in ${e.outPath}${e.reused ? ` (${e.reused} reused)` : ''}, ${total} to train on ${e.workers} worker(s)${e.repaired ? `; repaired torn last line (${e.repaired})` : ''}`);
          overall = multibar.create(1000, 0, { label: 'sweep   ', info: `0/${total} runs | ETA ?` });
          break;
        case 'run-start': {
          let bar = bars.get(e.worker);
          const payload = { label: `worker ${e.worker + 1}`, info: `${e.run.runKey} | starting` };
          if (!bar) {
            bar = multibar.create(e.run.steps, 0, payload);
            bars.set(e.worker, bar);
          } else {
            bar.setTotal(e.run.steps);
            bar.update(0, payload);
          }
          break;
        }
        case 'progress': {
          clock.progress(e.run, e.progress.step / e.progress.totalSteps);
          const bar = bars.get(e.worker);
          if (bar) {
            bar.setTotal(e.progress.totalSteps);
            bar.update(e.progress.step, {
              label: `worker ${e.worker + 1}`,
              info: `${e.run.runKey} | step ${e.progress.step}/${e.progress.totalSteps} | loss ${e.progress.trainLoss.toFixed(3)}`,
            });
          }
          refreshOverall();
          break;
        }
        case 'run-done':
          clock.finish(e.run, true);
          finished++;
          log(`done ${e.run.runKey}: val loss ${e.record.finalValLoss?.toFixed(4) ?? 'n/a'}${e.record.diverged ? ' (diverged)' : ''}, ${fmtSeconds(e.record.wallSeconds)}`);
          refreshOverall();
          break;
        case 'run-failed':
          clock.finish(e.run, false);
          finished++;
          log(`FAILED ${e.run.runKey}: ${e.message}`);
          refreshOverall();
          break;
        case 'stopping':
          log('stopping… (Ctrl-C again to kill the workers now)');
          break;
        case 'end': {
          refreshOverall();
          this.stop();
          const s = e.summary;
          stream.write(
            `sweep: ${s.completed} trained, ${s.skipped} skipped, ${s.failed.length} failed, ${s.notRun} not run${s.stopped ? ' (stopped; rerun to resume)' : ''} in ${fmtSeconds(s.wallSeconds)} → ${s.outPath}\n`,
          );
          break;
        }
      }
    },
    stop() {
      if (stopped) return;
      stopped = true;
      multibar.stop();
    },
  };
}

/**
 * The sweep's progress display for runSweep's `onEvent`: a bar per worker and one for the
 * sweep (ETA weighed by estimated FLOPs) on an interactive terminal, plain lines (one per
 * finished run) otherwise or when `plain`, as logs, CI and `--json` need.
 *
 * @param opts - `plain` to force lines; `stream`, default process.stderr
 * @returns the reporter: `onEvent` and `stop`
 * @example
 * ```ts
 * import { Writable } from 'node:stream';
 * import { progressReporter } from '@scaling-lab/core/node';
 * const lines: string[] = [];
 * const stream = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
 * const reporter = progressReporter({ plain: true, stream: stream as NodeJS.WriteStream });
 * reporter.onEvent({ type: 'stopping' });
 * reporter.stop();
 * lines[0].startsWith('sweep: stopping'); // → true
 * ```
 */
export function progressReporter(opts: { plain?: boolean; stream?: NodeJS.WriteStream } = {}): ProgressReporter {
  const stream = opts.stream ?? process.stderr;
  return !opts.plain && stream.isTTY ? barReporter(stream) : plainReporter(stream);
}
