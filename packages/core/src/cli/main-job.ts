/**
 * `scaling-lab main` (what `npm start` runs): trains the quick sweep
 * (sweeps/quick.json) on this machine in two phases — every isoFLOP budget but
 * the largest, then (after predicting the largest budget's optimum from those
 * runs alone, main-job-plan.ts) the largest, with a model of the predicted size
 * added — fits scaling laws (Approaches 2 and 3) with bootstrap intervals,
 * prints predicted vs measured for the held-out budget (verify/heldOut.ts), the
 * law, the frontier and a projection for a large target (default: 1e24 FLOPs on
 * H100s — size, tokens, GPU-hours, cost, energy, tCO2e, each with an interval,
 * and warnings when the projection means little: verify/honestProjection.ts),
 * and writes a report folder (SVG charts, report.json, report.md, runs.jsonl)
 * under results/<timestamp>/, printing its path and the wall time.
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
import { trustAnalysis } from '../verify/trust.js';
import type { BudgetPoint } from '../verify/heldOut.js';
import { guessOptimum, heldOutBudget, withPredictedModel } from './main-job-plan.js';
import type { SweepSummary } from '../node/sweep/runner.js';

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
  bootstrap: number;
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
    .option('--bootstrap <n>', 'bootstrap replicates for every interval (90 %)', numberArg('bootstrap', { min: 10, max: 100000 }), 400)
    .option('--plain', 'plain progress lines instead of bars')
    .option('--json', 'print the analysis as JSON on stdout (progress and the report path go to stderr)')
    .action(
      action(async (opts: MainOptions) => {
        if (opts.workers !== undefined && !Number.isInteger(opts.workers)) {
          throw new InputError('--workers', `must be a whole number, got ${opts.workers}`, 'give e.g. --workers 2');
        }
        if (!Number.isInteger(opts.bootstrap)) throw new InputError('--bootstrap', `must be a whole number, got ${opts.bootstrap}`, 'give e.g. --bootstrap 400');
        if (!opts.train && !opts.results) throw new InputError('--no-train', 'needs a results file to fit', 'add --results sweeps/results/quick.jsonl');
        getAccelerator(opts.hardware); // a bad --hardware fails now, not after the sweep
        const specPath = opts.spec ?? defaultSpecPath();
        const spec = loadSweepSpec(specPath);
        const baseRuns = expandSweep(spec, specPath);
        const started = new Date();
        const reportDir = join(opts.outDir, stamp(started));
        const resultsPath = opts.results ?? join(reportDir, 'runs.jsonl');
        const log = (s: string) => process.stderr.write(`${s}\n`);
        if (!opts.train && !existsSync(resultsPath)) {
          throw new InputError('--results', `${resultsPath} does not exist`, 'give an existing results file, or drop --no-train');
        }
        const sweepOpts = { workers: opts.workers, backend: opts.backend, json: opts.json, plain: opts.plain };
        const summaries: SweepSummary[] = [];
        const stopped = (s: SweepSummary) => {
          if (!s.stopped) return false;
          log(`main: stopped. Resume with: npm start -- --results ${resultsPath}`);
          process.exitCode = 130;
          return true;
        };

        // Phase 1: every budget but the largest, which is held out to be predicted first.
        const held = heldOutBudget(spec);
        let planSpec = spec;
        let prediction: { budgetFlops: number; params: number; source: string; loss?: number; added?: { name: string; params: number } } | undefined;
        if (held !== undefined) {
          const phase1 = baseRuns.filter((r) => r.sweep.flopsBudget !== held);
          if (opts.train) {
            log(`main: phase 1 of 2: training the ${phase1.length} runs below the held-out budget ${held.toExponential(0)} FLOPs → ${resultsPath}`);
            const s1 = await runSweepWithProgress(phase1, resultsPath, sweepOpts);
            summaries.push(s1);
            if (stopped(s1)) return;
          }
          const heldIn = existsSync(resultsPath) ? recordsForRuns(readResults(resultsPath), phase1, resultsPath).records : [];
          const guess = guessOptimum(heldIn, held, opts.params);
          if (guess) {
            const w = withPredictedModel(spec, held, guess.params);
            planSpec = w.spec;
            prediction = { budgetFlops: held, params: guess.params, source: guess.source, loss: guess.loss, added: w.added };
            log(
              `main: predicted before training ${held.toExponential(0)} FLOPs: N_opt ≈ ${Math.round(guess.params)} (${guess.source})` +
                (guess.loss !== undefined ? `, loss ≈ ${guess.loss.toFixed(3)} (approach3)` : '') +
                (w.added ? `; adding ${w.added.name} (N = ${w.added.params}) to that budget` : '; the spec already has a model of that size there'),
            );
          }
        }
        const runs = expandSweep(planSpec, specPath);
        if (opts.train) {
          log(`main: ${held !== undefined ? 'phase 2 of 2: ' : ''}training the remaining runs of ${specPath} → ${resultsPath}`);
          const s = await runSweepWithProgress(runs, resultsPath, sweepOpts);
          summaries.push(s);
          if (stopped(s)) return;
        }
        let sweepMeta;
        if (summaries.length) {
          const failed = summaries[summaries.length - 1].failed.length;
          if (failed) process.exitCode = 1; // still fit and report what there is
          const last = summaries[summaries.length - 1];
          sweepMeta = { trained: summaries.reduce((t, s) => t + s.completed, 0), skipped: last.skipped - (summaries.length > 1 ? summaries[0].completed : 0), failed, wallSeconds: summaries.reduce((t, s) => t + s.wallSeconds, 0), workers: opts.workers, backend: opts.backend };
        }
        const { records, notes } = recordsForRuns(readResults(resultsPath), runs, resultsPath);
        const missing = runs.length - records.length;
        const analysis = analyse(records, { paramsKind: opts.params, targetFlops: opts.target, hardware: opts.hardware });
        analysis.notes.unshift(...notes);
        if (missing > 0) analysis.notes.unshift(`${missing} of the spec's ${runs.length} runs are missing from ${resultsPath} (failed or not trained); the fit uses the rest`);
        const budgetPoints: BudgetPoint[] = analysis.points.filter((p) => p.flopsBudget !== undefined).map((p) => ({ id: p.runKey, params: p.params, tokens: p.tokens, loss: p.loss, flopsBudget: p.flopsBudget! }));
        const trust = trustAnalysis(budgetPoints, { targetFlops: opts.target, hardware: opts.hardware, samples: opts.bootstrap, seed: 42 });
        const meta = {
          specPath,
          specName: spec.name,
          resultsPath,
          createdAt: started.toISOString(),
          targetFlops: opts.target,
          sweep: sweepMeta,
          heldOutPrediction: prediction,
        };
        const written = writeReport(reportDir, analysis, meta, trust);
        const wallSeconds = (Date.now() - started.getTime()) / 1000;
        if (opts.json) {
          printJson({ reportDir: written.dir, meta, verification: trust.verification ?? null, trust, analysis, wallSeconds });
          log(`main: report written to ${written.dir} (${wallSeconds.toFixed(1)} s wall time)`);
        } else {
          process.stdout.write(`\n${summaryText(analysis, meta, trust)}\n\nReport: ${written.dir}\nWall time: ${wallSeconds.toFixed(1)} s\n`);
        }
      }, 'main'),
    );
}
