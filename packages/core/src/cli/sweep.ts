/**
 * `scaling-lab sweep <spec.json>`: trains every run of a sweep spec in parallel
 * worker processes, appending each finished run to a JSON-lines results file.
 * Rerunning resumes (finished runs are skipped). Ctrl-C stops cleanly; a second
 * Ctrl-C kills the workers at once. Exit code: 0 all runs recorded, 1 some
 * failed, 2 bad input, 130 stopped. With `--queue URL` the runs go to a Redis
 * queue for `scaling-lab worker`s on any number of machines instead
 * (node/queue/coordinator.ts); this process only plans and collects.
 */
import { existsSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { InputError } from '../errors.js';
import { formatCount, formatFlops } from '../format.js';
import { expandSweep, largestFirst } from '../node/sweep/expand.js';
import { defaultResultsPath, loadSweepSpec } from '../node/sweep/load.js';
import { progressReporter } from '../node/sweep/progress.js';
import { runSweep, defaultWorkerCount, type SweepSummary } from '../node/sweep/runner.js';
import type { PlannedRun } from '../sweep/types.js';
import { parseQueueUrl } from '../node/queue/url.js';
import { action, numberArg, printJson } from './util.js';
import { assertWritable } from './writable.js';
import { expectedSweepSeconds, THROUGHPUT_SOURCE } from '../node/sweep/duration.js';
import { formatDuration } from '../format.js';

export const BACKENDS = ['auto', 'wasm', 'cpu', 'tensorflow', 'tensorflow-gpu'] as const;

export interface SweepCliOptions {
  out?: string;
  queue?: string;
  attempts?: number;
  backoffSeconds?: number;
  workers?: number;
  backend?: string;
  json?: boolean;
  plain?: boolean;
  reuse?: string[];
  maxHours?: number;
}

/**
 * Runs `fn` with Ctrl-C (and SIGTERM) handling: the first aborts its signal (a
 * clean stop), the second stops the display, prints `killed` and exits 130.
 */
async function withCtrlC<T>(reporter: { stop(): void }, killed: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  let interrupts = 0;
  const onSigint = () => {
    if (++interrupts === 1) return abort.abort();
    reporter.stop();
    process.stderr.write(`${killed}\n`);
    process.exit(130);
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  try {
    return await fn(abort.signal);
  } finally {
    reporter.stop();
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}

/**
 * Runs a sweep with progress display and Ctrl-C handling; returns the summary.
 * Shared by `sweep` and `main`.
 */
export async function runSweepWithProgress(runs: PlannedRun[], outPath: string, opts: SweepCliOptions): Promise<SweepSummary> {
  const reporter = progressReporter({ plain: opts.json || opts.plain });
  // On a second Ctrl-C the workers see the IPC channel close and exit.
  return withCtrlC(reporter, 'sweep: killed (runs in flight are lost; finished runs are in the file)', (signal) =>
    runSweep({ runs, outPath, workers: opts.workers, backend: opts.backend, reuse: opts.reuse, signal, onEvent: (e) => reporter.onEvent(e) }),
  );
}

/** The queue coordinator with its progress display; Ctrl-C stops collecting (workers go on; a rerun collects). */
export async function runQueueSweepWithProgress(runs: PlannedRun[], outPath: string, opts: SweepCliOptions): Promise<SweepSummary> {
  // BullMQ loads only when a sweep uses the queue.
  const [{ runSweepOnQueue }, { queueProgress }] = await Promise.all([import('../node/queue/coordinator.js'), import('../node/queue/progress.js')]);
  const reporter = queueProgress({ plain: opts.json || opts.plain });
  return withCtrlC(reporter, 'sweep: coordinator killed (workers go on; rerun the same command to collect)', (signal) =>
    runSweepOnQueue({
      runs,
      outPath,
      queue: parseQueueUrl(opts.queue!),
      attempts: opts.attempts,
      backoffMs: (opts.backoffSeconds ?? 10) * 1000,
      signal,
      onEvent: (e) => reporter.onEvent(e),
    }),
  );
}

/** The summary without the records' learning curves, for --json. */
export function summaryJson(s: SweepSummary) {
  return {
    outPath: s.outPath,
    planned: s.planned,
    skipped: s.skipped,
    reused: s.reused,
    completed: s.completed,
    failed: s.failed,
    notRun: s.notRun,
    stopped: s.stopped,
    wallSeconds: s.wallSeconds,
    runs: s.records.map((r) => ({
      runKey: r.runKey,
      paramsNonEmbedding: r.paramsNonEmbedding,
      paramsTotal: r.paramsTotal,
      tokens: r.tokens,
      flops6ND: r.flops6ND,
      finalValLoss: r.finalValLoss,
      diverged: r.diverged,
      wallSeconds: r.wallSeconds,
      backend: r.backend,
      host: r.host,
      trainerVersion: r.trainerVersion,
    })),
  };
}

function printPlan(runs: PlannedRun[]): void {
  const total = runs.reduce((a, r) => a + r.flopsNominal, 0);
  const lines = [`${runs.length} run(s), ${formatFlops(total)} nominal (6ND), largest first:\n`];
  for (const r of largestFirst(runs)) {
    lines.push(
      `  ${r.runKey.padEnd(40)} N=${formatCount(r.paramsNonEmbeddingNominal).padStart(6)} D=${formatCount(r.spec.tokens).padStart(6)} steps=${String(r.steps).padStart(6)} lr=${r.spec.learningRate.toPrecision(3)}` +
        `${r.sweep.flopsBudget ? ` C=${formatFlops(r.sweep.flopsBudget)}` : ''}\n`,
    );
  }
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0); // e.g. piped into head
  });
  process.stdout.write(lines.join(''));
}

export function registerSweep(program: Command): void {
  program
    .command('sweep')
    .description('train every run of a sweep spec (grid or isoFLOP) in parallel workers; resumable, crash-safe JSON-lines results')
    .argument('<spec>', 'sweep spec JSON file (e.g. sweeps/quick.json)')
    .option('--out <file>', 'results file (JSON lines; default: results/<name>.jsonl beside the spec)')
    .option('--workers <n>', `worker processes (default: one per core, here ${defaultWorkerCount()})`, numberArg('workers', { min: 1, max: 256, integer: true }))
    .addOption(new Option('--backend <name>', 'tfjs backend for training').choices([...BACKENDS]).default('auto'))
    .option('--queue <url>', 'coordinate the sweep on a Redis queue (BullMQ) instead of local workers: redis://[:PASSWORD@]HOST[:PORT][/DB] or rediss:// for TLS; start `scaling-lab worker --queue URL` on each machine')
    .option('--attempts <n>', 'with --queue: tries per run before it is reported failed', numberArg('attempts', { min: 1, max: 100 }), 3)
    .option('--backoff-seconds <s>', 'with --queue: wait before the first retry, doubled each retry', numberArg('backoff-seconds', { min: 0 }), 10)
    .option('--reuse <file...>', 'other results files: runs with the same runKey (same training spec) are copied in instead of retrained')
    .option('--max-hours <h>', 'refuse a sweep expected to take longer than this many hours on the local workers', numberArg('max-hours', { positive: true }), 48)
    .option('--dry-run', 'print the planned runs and exit')
    .option('--plain', 'plain progress lines instead of bars')
    .option('--json', 'print a JSON summary on stdout (progress goes to stderr as plain lines)')
    .addHelpText('after', `
Examples:
  scaling-lab sweep sweeps/quick.json --dry-run
  scaling-lab sweep sweeps/quick.json --workers 2 --out runs.jsonl`)
    .action(
      action(async (specPath: string, opts: SweepCliOptions & { dryRun?: boolean }) => {
        if (opts.workers !== undefined && !Number.isInteger(opts.workers)) {
          throw new InputError('--workers', `must be a whole number, got ${opts.workers}`, 'give e.g. --workers 2');
        }
        const spec = loadSweepSpec(specPath);
        const runs = expandSweep(spec, specPath);
        if (opts.dryRun) {
          if (opts.json) printJson({ name: spec.name, runs });
          else printPlan(runs);
          return;
        }
        if (opts.queue) {
          parseQueueUrl(opts.queue); // a bad URL fails before anything else
          if (opts.workers !== undefined) throw new InputError('--workers', 'is for local workers, not with --queue', 'drop --workers and give each `scaling-lab worker` its --concurrency');
          if (opts.reuse?.length) throw new InputError('--reuse', 'is not supported with --queue', 'drop --reuse, or copy those runs in first with a local sweep');
          if (opts.attempts !== undefined && !Number.isInteger(opts.attempts)) throw new InputError('--attempts', `must be a whole number, got ${opts.attempts}`, 'give e.g. --attempts 3');
        }
        for (const f of opts.reuse ?? []) {
          if (!existsSync(f)) throw new InputError('--reuse', `${f} does not exist`, 'give an existing results file');
        }
        const out = opts.out ?? defaultResultsPath(specPath, spec);
        // The results folder is created when missing (the default results/ beside the spec); a path that
        // is a folder or read-only fails here, before any training.
        assertWritable('--out', out, { createFolder: true });
        if (!opts.queue) {
          const workers = Math.min(opts.workers ?? defaultWorkerCount(), runs.length);
          const hours = expectedSweepSeconds(runs, workers) / 3600;
          process.stderr.write(`sweep: ${runs.length} run(s) expected to take about ${formatDuration(hours)} on ${workers} worker(s) (${THROUGHPUT_SOURCE}); finished runs already in ${out} are skipped\n`);
          if (hours > (opts.maxHours ?? 48)) {
            throw new InputError('--max-hours', `the sweep would take about ${formatDuration(hours)}, over the limit of ${opts.maxHours ?? 48} h`, 'shrink the budgets or models, add --workers, or raise --max-hours');
          }
        }
        const summary = opts.queue ? await runQueueSweepWithProgress(runs, out, opts) : await runSweepWithProgress(runs, out, opts);
        if (opts.json) printJson(summaryJson(summary));
        if (summary.writeError) {
          process.stderr.write(`sweep: stopped: ${summary.writeError}\n`);
          process.exitCode = 1;
        } else if (summary.stopped) process.exitCode = 130;
        else if (summary.failed.length) process.exitCode = 1;
      }),
    );
}
