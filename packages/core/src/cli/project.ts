/**
 * `scaling-lab project`: "what will it take to reach this loss" (or "what does
 * this budget buy") with intervals. The law's fit uncertainty (its bootstrap
 * parameter sets, when the fit file has them) and the run assumptions' ranges
 * (MFU, power, PUE, price, grid…) combine in one seeded Monte Carlo; the
 * output gives the median and a 5–95% interval for N_opt, D_opt, loss,
 * compute, accelerator-hours, wall-clock, cost, energy and CO2e, and the
 * inputs that move cost and CO2e most.
 *
 *   scaling-lab project --law fit.json --target-loss 2.1 --hardware h100 --count 1024
 *   scaling-lab project --law besiroglu2024 --budget-usd 1e6 --mfu 0.3..0.5 --json
 *   scaling-lab project --law sweeps/results/quick.jsonl --bootstrap 200 --target-loss 3.5
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import { InputError } from '../errors.js';
import { bootstrapChinchilla } from '../fit/bootstrap.js';
import { fitChinchilla } from '../fit/fitChinchilla.js';
import { readFitInput } from './fit.js';
import { atRoot, isLawFile, readLawJson, refuseUnidentified } from './lawFile.js';
import { getPublishedLaw } from '../laws/published.js';
import type { ChinchillaLaw, Law } from '../laws/types.js';
import { validateLaw } from '../laws/validate.js';
import { INPUT_BOUNDS } from '../estimate/bounds.js';
import { type Distribution, describeDistribution } from '../uncertainty/distribution.js';
import { DEFAULT_SAMPLES, DEFAULT_SEED } from '../uncertainty/monteCarlo.js';
import { PROJECTION_OUTPUTS, type LawColumns, type LawParams, type ProjectionResult, lawSampleRows, projectUncertain } from '../uncertainty/projection.js';
import { RANGE_SYNTAX_HELP, distributionArg, tornadoLines, uncertainTable } from './ranges.js';
import { action, numberArg, printJson } from './util.js';
import { flagFor, readingFile } from './flags.js';

export interface LoadedLaw {
  law: Law;
  /** Where it came from: a published id or a file path. */
  label: string;
  /** Bootstrap parameter sets found in the fit file, if any. */
  samples?: LawParams[];
}

/**
 * Bootstrap rows in a fit JSON: `bootstrap` as an array of {E, A, B, alpha, beta}
 * (or of {law: {…}}), as an object holding such an array in `samples`/`laws`, or
 * as parameter columns in `bootstrap.params` ({E: [...], A: [...], …}).
 */
export function extractLawSamples(json: unknown): LawParams[] | undefined {
  const j = json as Record<string, unknown>;
  const boot = j?.bootstrap ?? j?.bootstrapSamples;
  // Columns, as the fitting module's bootstrapChinchilla returns them: { params: { E: [...], A: [...], … } }.
  const cols = (boot as { params?: unknown })?.params;
  const key = j?.bootstrap !== undefined ? 'bootstrap' : 'bootstrapSamples';
  if (cols && typeof cols === 'object' && Array.isArray((cols as { E?: unknown }).E)) {
    const rows = lawSampleRows(cols as LawColumns);
    // Checked here, by the file's JSON path (the projection would name them lawSamples[i]).
    rows.forEach((r, i) => {
      try {
        validateLaw({ form: 'chinchilla', ...r } as ChinchillaLaw, 'row');
      } catch (err) {
        throw err instanceof InputError ? err.withField(`${key}.params.${err.field.replace(/^row\.?/, '') || 'E'}[${i}]`) : err;
      }
    });
    return rows;
  }
  const b = boot as Record<string, unknown>;
  const [path, rows] = Array.isArray(boot) ? [key, boot] : Array.isArray(b?.samples) ? [`${key}.samples`, b.samples as unknown[]] : Array.isArray(b?.laws) ? [`${key}.laws`, b.laws as unknown[]] : [key, undefined];
  if (!rows) return undefined;
  return rows.map((r, i) => {
    if (typeof r !== 'object' || r === null) {
      throw new InputError(`${path}[${i}]`, `is ${JSON.stringify(r)}, not a parameter set`, 'give {E, A, B, alpha, beta} per bootstrap sample, as `scaling-lab fit --bootstrap --out` writes');
    }
    const inner = (r as { law?: unknown }).law;
    const o = (inner ?? r) as Record<string, unknown>;
    const row = { E: o.E as number, A: o.A as number, B: o.B as number, alpha: o.alpha as number, beta: o.beta as number };
    // The projection's own check (validateLaw per row), named by where the row sits in the file.
    validateLaw({ form: 'chinchilla', ...row } as ChinchillaLaw, `${path}[${i}]${inner !== undefined ? '.law' : ''}`);
    return row;
  });
}

/**
 * Runs to fit on the fly: sweep results (.jsonl), a CSV of runs, or `chinchilla`
 * (the built-in Hoffmann et al. data). Fitted with Approach 3 and bootstrapped
 * with `bootstrap` resamples — the same code as `scaling-lab fit --bootstrap`.
 */
export function fitLawFromRuns(arg: string, bootstrap: number, seed: number): LoadedLaw {
  const input = readFitInput(arg, {});
  const fit = fitChinchilla(input.points);
  // Projections from a fit that is not identified are refused, with the reason (fit/identification.ts).
  if (!fit.identification!.identified) throw new InputError('--law', `the Approach 3 fit to ${input.source} is not identified, so nothing is projected from it (${fit.identification!.summary!.replace(/^this fit is not identified: /, '')})`, 'add runs at 3 or more model sizes and budgets whose loss falls with size and data');
  const boot = bootstrapChinchilla(input.points, { samples: bootstrap, seed, fit });
  return { law: fit.law, label: `Approach 3 fit to ${input.source} (${input.points.length} runs)`, samples: lawSampleRows(boot.params) };
}

const RUNS_FILE = /\.(jsonl|ndjson|csv)$/i;

/** A published law id, or a fit JSON file `{ "law": {...}, "bootstrap": [...]? }`. */
export function loadLaw(arg: string, opts: { bootstrap?: number; seed?: number } = {}): LoadedLaw {
  if (RUNS_FILE.test(arg) || arg.toLowerCase() === 'chinchilla') {
    if (!existsSync(arg) && arg.toLowerCase() !== 'chinchilla') throw new InputError('law', `no file "${arg}"`, 'give sweep results (.jsonl), a CSV of runs, a fit JSON or a published law id');
    return fitLawFromRuns(arg, opts.bootstrap ?? 200, opts.seed ?? DEFAULT_SEED);
  }
  if (opts.bootstrap !== undefined) throw new InputError('--bootstrap', 'needs runs to resample', 'give --law runs.jsonl / runs.csv / chinchilla, or a fit JSON that already holds a bootstrap');
  if (!isLawFile(arg)) {
    const p = getPublishedLaw(arg);
    return { law: p.law, label: `${p.id} (${p.citation})` };
  }
  const json = readLawJson(arg);
  refuseUnidentified(arg, json);
  const law = json.law !== undefined ? readingFile('--law', arg, () => validateLaw(json.law, 'law')) : readingFile('--law', arg, () => validateLaw(json, 'law'), atRoot);
  const samples = readingFile('--law', arg, () => extractLawSamples(json));
  return { law, label: arg, samples: samples?.length ? samples : undefined };
}

interface ProjectOptions {
  law: string;
  targetLoss?: Distribution;
  budgetFlops?: Distribution;
  budgetUsd?: Distribution;
  hardware?: string;
  precision?: string;
  count?: number;
  region?: string;
  mfu?: Distribution;
  powerFraction?: Distribution;
  watts?: Distribution;
  hostOverhead?: Distribution;
  pue?: Distribution;
  grid?: Distribution;
  price?: Distribution;
  pricing?: 'on-demand' | 'reserved-1yr' | 'reserved-3yr' | 'spot';
  restarts?: Distribution;
  sweep?: Distribution;
  fit?: boolean;
  bootstrap?: number;
  samples: number;
  seed: number;
  level: number;
  defaultRanges: boolean;
  json?: boolean;
  includeSamples?: boolean;
}

/** JSON form of a projection (samples only when asked: they are large). */
export function projectionToJson(r: ProjectionResult, lawLabel: string, includeSamples = false) {
  const outputs: Record<string, unknown> = {};
  for (const [name, o] of Object.entries(r.monteCarlo.outputs)) {
    outputs[name] = {
      median: o.median, low: o.low, high: o.high, mean: o.mean,
      ...(o.infiniteFraction > 0 ? { infiniteFraction: o.infiniteFraction } : {}),
      ...(includeSamples ? { samples: Array.from(o.samples) } : {}),
    };
  }
  return {
    mode: r.mode,
    law: r.law,
    lawSource: lawLabel,
    lawSamples: r.lawSamples,
    unreachableFraction: r.unreachableFraction,
    hardware: r.hardware,
    count: r.count,
    samples: r.monteCarlo.samples,
    seed: r.monteCarlo.seed,
    level: r.monteCarlo.level,
    note: 'Infinite values (a target loss at or below a bootstrap law\'s E) appear as null in JSON; see unreachableFraction.',
    outputs,
    sensitivity: { baseline: r.sensitivity.baseline, bars: r.sensitivity.bars },
    assumptions: r.assumptions.map((a) => ({ name: a.name, range: a.range, distribution: a.distribution, unit: a.unit, source: a.source })),
  };
}

export function registerProject(program: Command): void {
  // Options named by their library field: the flag comes from the one table (cli/flags.ts).
  const dist = (field: string) => distributionArg(flagFor(field).slice(2), INPUT_BOUNDS[field] ?? {});
  program
    .command('project')
    .description('what it takes to reach a loss (or what a budget buys), with intervals from the fit and the assumptions')
    .requiredOption('--law <id|file>', 'published law id (e.g. besiroglu2024); a fit JSON (`scaling-lab fit --bootstrap N --out`), whose bootstrap samples carry the fit uncertainty; or runs to fit here (.jsonl sweep results, .csv, chinchilla)')
    .option('--bootstrap <n>', 'with runs as --law: bootstrap resamples (default 200)', numberArg('bootstrap', { min: 2, max: 100000, integer: true }))
    .option('--target-loss <L>', `loss to reach, nats/token (${RANGE_SYNTAX_HELP})`, dist('targetLoss'))
    .option('--budget-flops <C>', 'training budget in FLOPs (number or range)', dist('budgetFlops'))
    .option('--budget-usd <USD>', 'training budget in USD (number or range)', dist('budgetUsd'))
    .option('--hardware <id>', 'accelerator id or name (see `scaling-lab hardware`); default H100 SXM')
    .option('--precision <p>', 'bf16, fp16, tf32, fp32, fp8')
    .option('--count <n>', 'accelerators sharing the run (for wall-clock time)', numberArg('count', { min: 1, integer: true }))
    .option('--region <id>', 'grid region: country, cloud region (gcp:us-central1) or world')
    .option('--mfu <range>', 'model FLOPs utilisation, e.g. 0.3..0.5', dist('mfu'))
    .option('--power-fraction <range>', 'average draw as a fraction of TDP', dist('powerFraction'))
    .option('--watts <range>', 'average power per accelerator, W (instead of TDP × fraction)', dist('watts'))
    .option('--host-overhead <range>', 'host/network power multiplier (≥ 1)', dist('hostOverhead'))
    .option('--pue <range>', 'power usage effectiveness (≥ 1), e.g. 1.1..1.6', dist('pue'))
    .option('--grid <range>', 'grid intensity, gCO2e/kWh', dist('gridGCO2ePerKWh'))
    .option('--price <range>', 'USD per accelerator-hour', dist('usdPerHour'))
    .addOption(new Option('--pricing <kind>', 'price kind for the default price range').choices(['on-demand', 'reserved-1yr', 'reserved-3yr', 'spot']))
    .option('--restarts <range>', 'restarts and failed runs as a fraction of the run (as in estimate)', dist('restartOverhead'))
    .option('--sweep <range>', 'the sweep before the run as a fraction of it (as in estimate)', dist('sweepOverhead'))
    .option('--no-fit', 'ignore the fit file\'s bootstrap samples (law fixed at its central fit)')
    .option('--no-default-ranges', 'keep inputs you leave out at the core\'s point defaults instead of their default ranges')
    .option('--samples <n>', 'Monte Carlo samples', numberArg('samples', { min: 1, max: 1e7, integer: true }), DEFAULT_SAMPLES)
    .option('--seed <s>', 'random seed', numberArg('seed', { integer: true }), DEFAULT_SEED)
    .option('--level <p>', 'central interval probability (0.9 → 5–95%)', numberArg('level', { positive: true, max: 0.999 }), 0.9)
    .option('--json', 'print JSON')
    .option('--include-samples', 'with --json: include every sample of every output (for plotting)')
    .addHelpText('after', `
Examples:
  scaling-lab project --law besiroglu2024 --target-loss 2.1 --hardware h100 --count 1024 --samples 2000
  scaling-lab project --law besiroglu2024 --budget-usd 1e6 --mfu 0.3..0.5 --samples 2000 --json
  scaling-lab project --law sweeps/results/quick.jsonl --bootstrap 50 --target-loss 3.5 --samples 2000`)
    .action(action((opts: ProjectOptions) => runProject(opts), 'project'));
}

function runProject(opts: ProjectOptions): void {
  if (!Number.isInteger(opts.samples)) throw new InputError('--samples', `must be a whole number, got ${opts.samples}`, 'use e.g. 10000');
  if (!Number.isInteger(opts.seed)) throw new InputError('--seed', `must be a whole number, got ${opts.seed}`, 'use e.g. 42');
  const loaded = loadLaw(opts.law, { bootstrap: opts.bootstrap, seed: opts.seed });
  const lawSamples = opts.fit === false ? undefined : loaded.samples;
  const r = projectUncertain({
    law: loaded.law,
    lawSamples,
    targetLoss: opts.targetLoss,
    budgetFlops: opts.budgetFlops,
    budgetUsd: opts.budgetUsd,
    hardware: opts.hardware,
    precision: opts.precision as never,
    count: opts.count,
    region: opts.region,
    mfu: opts.mfu,
    powerFraction: opts.powerFraction,
    watts: opts.watts,
    hostOverhead: opts.hostOverhead,
    pue: opts.pue,
    gridGCO2ePerKWh: opts.grid,
    usdPerHour: opts.price,
    pricing: opts.pricing,
    restartOverhead: opts.restarts,
    sweepOverhead: opts.sweep,
    samples: opts.samples,
    seed: opts.seed,
    level: opts.level,
    defaultRanges: opts.defaultRanges,
  });
  if (opts.json) {
    printJson(projectionToJson(r, loaded.label, opts.includeSamples));
    return;
  }
  const out: string[] = [];
  const goal = r.mode === 'targetLoss' ? `reach loss ${describeDistribution(opts.targetLoss!)} nats/token` : r.mode === 'budgetFlops' ? `spend ${describeDistribution(opts.budgetFlops!)} FLOPs` : `spend $${describeDistribution(opts.budgetUsd!)}`;
  out.push(`Projection: ${goal} on ${r.count ? `${r.count} × ` : ''}${r.hardware.name}`);
  out.push(`Law: ${loaded.label}; ${r.lawSamples ? `fit uncertainty from ${r.lawSamples} bootstrap parameter sets` : 'fixed (no bootstrap samples: only the assumptions vary)'}`);
  out.push(`${r.monteCarlo.samples.toLocaleString('en-US')} Monte Carlo samples, seed ${r.monteCarlo.seed}`);
  out.push('');
  out.push(...uncertainTable(r.monteCarlo.outputs, PROJECTION_OUTPUTS, r.monteCarlo.level));
  if (r.unreachableFraction > 0) {
    out.push('');
    out.push(`Unreachable in ${(r.unreachableFraction * 100).toFixed(1)}% of samples: those fits' irreducible loss E is at or above the target, so no compute reaches it (∞).`);
  }
  for (const o of ['flops', 'costUsd', 'co2eKg'] as const) {
    const lines = tornadoLines(r.sensitivity, o);
    if (lines.length === 0) continue;
    out.push('');
    out.push(`What moves ${o === 'flops' ? 'compute' : o === 'costUsd' ? 'cost' : 'CO2e'} most (each input over its interval, others at their medians):`);
    out.push(...lines);
  }
  out.push('');
  out.push('Inputs:');
  for (const a of r.assumptions) out.push(`  ${a.name.padEnd(16)} ${a.range}${a.unit ? ` ${a.unit}` : ''} — ${a.source}`);
  process.stdout.write(`${out.join('\n')}\n`);
}
