/**
 * `scaling-lab main` (what `npm start` runs): trains the quick sweep
 * (sweeps/quick.json) on this machine, fits scaling laws to it (Approaches 2
 * and 3), prints the law, the compute-optimal frontier and a projection for a
 * large target (default: 1e24 FLOPs on H100s — size, tokens, GPU-hours, cost,
 * energy, tCO2e), and writes a report folder (SVG charts, report.json,
 * report.md, runs.jsonl) under results/<timestamp>/, printing its path.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Option, type Command } from 'commander';
import { InputError } from '../errors.js';
import { getAccelerator } from '../data/hardware.js';
import { analyse, type ParamsKind } from '../report/analyse.js';
import { summaryText, writeReport } from '../node/report/write.js';
import { expandSweep } from '../node/sweep/expand.js';
import { loadSweepSpec } from '../node/sweep/load.js';
import { readResults } from '../node/sweep/results-file.js';
import { recordsForRuns } from '../node/sweep/current.js';
import { BACKENDS, runSweepWithProgress } from './sweep.js';
import { action, numberArg, printJson } from './util.js';

interface MainOptions {
  spec?: string;
  results?: string;
  outDir: string;
  workers?: number;
  backend: string;
  target: number;
  hardware: string;
  params: ParamsKind;
  train: boolean;
  json?: boolean;
  plain?: boolean;
}

/** sweeps/quick.json in the working directory, else in the repository this CLI was built in. */
function defaultSpecPath(): string {
  const local = resolve('sweeps/quick.json');
  if (existsSync(local)) return local;
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../sweeps/quick.json');
  if (existsSync(repo)) return repo;
  throw new InputError('--spec', 'sweeps/quick.json not found', 'run from the scaling-lab repository or give --spec <sweep.json>');
}

/** 2026-11-29T11-30-05Z: sortable, and valid in file names everywhere. */
function stamp(d = new Date()): string {
  return d.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
}

export function registerMainJob(program: Command): void {
  program
    .command('main')
    .description('the main job: run the quick sweep, fit scaling laws, project a large training run, write a report folder')
    .option('--spec <file>', 'sweep spec (default: sweeps/quick.json)')
    .option('--results <file>', 'results file to resume or reuse (default: a fresh runs.jsonl in the report folder)')
    .option('--out-dir <dir>', 'parent folder of the report folder', 'results')
    .option('--workers <n>', 'worker processes (default: one per core)', numberArg('workers', { min: 1, max: 256, integer: true }))
    .addOption(new Option('--backend <name>', 'tfjs backend for training').choices([...BACKENDS]).default('auto'))
    .option('--target <flops>', 'training compute to project to (FLOPs)', numberArg('target', { positive: true }), 1e24)
    .option('--hardware <id>', 'accelerator for the projection (see `scaling-lab hardware`)', 'nvidia-h100-sxm5-80gb')
    .addOption(new Option('--params <kind>', 'which N to fit with').choices(['nonEmbedding', 'total']).default('nonEmbedding'))
    .option('--no-train', 'fit the results file as it is, without training missing runs (needs --results)')
    .option('--plain', 'plain progress lines instead of bars')
    .option('--json', 'print the analysis as JSON on stdout (progress and the report path go to stderr)')
    .action(
      action(async (opts: MainOptions) => {
        if (opts.workers !== undefined && !Number.isInteger(opts.workers)) {
          throw new InputError('--workers', `must be a whole number, got ${opts.workers}`, 'give e.g. --workers 2');
        }
        if (!opts.train && !opts.results) throw new InputError('--no-train', 'needs a results file to fit', 'add --results sweeps/results/quick.jsonl');
        getAccelerator(opts.hardware); // a bad --hardware fails now, not after the sweep
        const specPath = opts.spec ?? defaultSpecPath();
        const spec = loadSweepSpec(specPath);
        const runs = expandSweep(spec, specPath);
        const started = new Date();
        const reportDir = join(opts.outDir, stamp(started));
        const resultsPath = opts.results ?? join(reportDir, 'runs.jsonl');
        const log = (s: string) => process.stderr.write(`${s}\n`);

        let sweepMeta;
        if (opts.train) {
          log(`main: training ${runs.length} runs of ${specPath} → ${resultsPath}`);
          const s = await runSweepWithProgress(runs, resultsPath, { workers: opts.workers, backend: opts.backend, json: opts.json, plain: opts.plain });
          if (s.stopped) {
            log(`main: stopped. Resume with: npm start -- --results ${resultsPath}`);
            process.exitCode = 130;
            return;
          }
          if (s.failed.length) process.exitCode = 1; // still fit and report what there is
          sweepMeta = { trained: s.completed, skipped: s.skipped, failed: s.failed.length, wallSeconds: s.wallSeconds, workers: opts.workers, backend: opts.backend };
        } else if (!existsSync(resultsPath)) {
          throw new InputError('--results', `${resultsPath} does not exist`, 'give an existing results file, or drop --no-train');
        }
        const { records, notes } = recordsForRuns(readResults(resultsPath), runs, resultsPath);
        const missing = runs.length - records.length;
        const analysis = analyse(records, { paramsKind: opts.params, targetFlops: opts.target, hardware: opts.hardware });
        analysis.notes.unshift(...notes);
        if (missing > 0) analysis.notes.unshift(`${missing} of the spec's ${runs.length} runs are missing from ${resultsPath} (failed or not trained); the fit uses the rest`);
        const meta = {
          specPath,
          specName: spec.name,
          resultsPath,
          createdAt: started.toISOString(),
          targetFlops: opts.target,
          sweep: sweepMeta,
        };
        const written = writeReport(reportDir, analysis, meta);
        if (opts.json) {
          printJson({ reportDir: written.dir, meta, analysis });
          log(`main: report written to ${written.dir}`);
        } else {
          process.stdout.write(`\n${summaryText(analysis, meta)}\n\nReport: ${written.dir}\n`);
        }
      }),
    );
}
