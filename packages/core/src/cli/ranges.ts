/**
 * Range flags of the CLI (`--mfu 0.3..0.5`): the commander option parser, the
 * estimate with ranges and its printing. The syntax itself is the pure core's
 * uncertainty/parseDistribution.ts.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { InputError } from '../errors.js';
import type { EstimateSpec } from '../estimate/estimateRun.js';
import { INPUT_BOUNDS } from '../estimate/bounds.js';
import { DEFAULT_SAMPLES, DEFAULT_SEED } from '../uncertainty/monteCarlo.js';
import { RUN_OUTPUTS, type UncertainField, type UncertainRunResult, type UncertainRunSpec, estimateRunUncertain } from '../uncertainty/runUncertainty.js';
import {
  type Distribution, describeDistribution, distributionQuantile,
} from '../uncertainty/distribution.js';
import { parseNumber, printJson } from './util.js';
import { flagFor } from './flags.js';
import { formatCO2eKg, formatCount, formatDuration, formatEnergyKWh, formatFlops, formatUsd, sig } from '../format.js';
import type { OutputResult } from '../uncertainty/monteCarlo.js';
import type { SensitivityResult } from '../uncertainty/sensitivity.js';
import type { Bounds } from '../estimate/bounds.js';
import { RANGE_SYNTAX_HELP, parseDistribution, requireQuantity } from '../uncertainty/parseDistribution.js';
import { equivalentsInterval, formatEquivalentInterval } from '../uncertainty/equivalentsInterval.js';

export { RANGE_SYNTAX_HELP, parseDistribution };

/** Commander option parser for a number-or-distribution flag (bad input → one-line error, exit 2). */
export function distributionArg(flag: string, bounds: Bounds = {}) {
  return (raw: string): Distribution => {
    try {
      return parseDistribution(`--${flag}`, raw, bounds);
    } catch (err) {
      if (err instanceof InputError) throw new InvalidArgumentError(err.message);
      throw err;
    }
  };
}

/** The point value of a distribution flag, or undefined when it is a real range. */
export function pointValue(d: Distribution | undefined): number | undefined {
  return d?.kind === 'point' ? d.value : undefined;
}

/** True when any of the values is a distribution other than a point. */
export function hasRange(values: readonly (Distribution | undefined)[]): boolean {
  return values.some((d) => d !== undefined && d.kind !== 'point');
}

// ---------------------------------------------------------------------------
// Printing uncertain results (shared by `estimate` with ranges and `project`).


/** Label and formatter of each output the uncertainty module produces. */
export const OUTPUT_FORMATS: Record<string, { label: string; format: (x: number) => string }> = {
  params: { label: 'params (N_opt)', format: (x) => formatCount(x) },
  tokens: { label: 'tokens (D_opt)', format: (x) => formatCount(x) },
  loss: { label: 'loss (nats/token)', format: (x) => sig(x, 4) },
  flops: { label: 'training compute', format: (x) => formatFlops(x) },
  acceleratorHours: { label: 'accelerator-hours', format: (x) => `${formatCount(x)} h` },
  wallClockHours: { label: 'wall-clock', format: (x) => formatDuration(x) },
  costUsd: { label: 'cost', format: (x) => formatUsd(x) },
  energyKWh: { label: 'energy (facility)', format: (x) => formatEnergyKWh(x) },
  co2eKg: { label: 'CO2e (operational)', format: (x) => formatCO2eKg(x) },
};

/** Formats one value of output `name` (∞ for an unreachable target). */
export function formatOutput(name: string, x: number): string {
  if (x === Infinity) return '∞';
  return (OUTPUT_FORMATS[name]?.format ?? ((v: number) => sig(v)))(x);
}

/** Lines "label   median   [low – high]" for the outputs, aligned. */
export function uncertainTable(outputs: Record<string, OutputResult>, order: readonly string[], level: number): string[] {
  const pct = `${Math.round(((1 - level) / 2) * 100)}–${Math.round(((1 + level) / 2) * 100)}%`;
  const rows = order
    .filter((n) => outputs[n] !== undefined)
    .map((n) => {
      const o = outputs[n];
      const fixed = Math.abs(o.high - o.low) <= 1e-9 * Math.abs(o.median); // float noise only, e.g. a USD budget's cost
      return [OUTPUT_FORMATS[n]?.label ?? n, formatOutput(n, o.median), fixed ? '(fixed)' : `${formatOutput(n, o.low)} – ${formatOutput(n, o.high)}`];
    });
  const w0 = Math.max(...rows.map((r) => r[0].length), 6);
  const w1 = Math.max(...rows.map((r) => r[1].length), 6);
  return [`${'output'.padEnd(w0)}  ${'median'.padEnd(w1)}  ${pct} interval`, ...rows.map((r) => `${r[0].padEnd(w0)}  ${r[1].padEnd(w1)}  ${r[2]}`)];
}

/** Lines naming the inputs that move `output` most (one-at-a-time swing), largest first. */
export function tornadoLines(sens: SensitivityResult, output: string, top = 4): string[] {
  const bars = (sens.bars as Record<string, SensitivityResult['bars'][string]>)[output] ?? [];
  return bars.slice(0, top).map((b) => {
    const lo = formatOutput(output, Math.min(b.outputAtLow, b.outputAtHigh));
    const hi = formatOutput(output, Math.max(b.outputAtLow, b.outputAtHigh));
    return `  ${b.input.padEnd(16)} ${lo} – ${hi}   (${b.range})`;
  });
}

// ---------------------------------------------------------------------------
// `scaling-lab estimate` with ranges: wired into the estimate command by
// `withRangeOptions(program.command('estimate'))` and one line in its action.


/** estimate's option key → the EstimateSpec field of the flags that accept ranges (the flag itself: cli/flags.ts). */
export const RANGE_FIELDS: Readonly<Record<string, UncertainField>> = {
  params: 'params',
  activeParams: 'activeParams',
  tokens: 'tokens',
  flops: 'flops',
  mfu: 'mfu',
  hours: 'acceleratorHours',
  watts: 'watts',
  powerFraction: 'powerFraction',
  hostOverhead: 'hostOverhead',
  energy: 'energyKWh',
  price: 'usdPerHour',
  pue: 'pue',
  grid: 'gridGCO2ePerKWh',
  restarts: 'restartOverhead',
  sweep: 'sweepOverhead',
};

export interface RangeCliOptions {
  samples?: string;
  seed?: string;
  level?: string;
  uncertain?: boolean;
  defaultRanges?: boolean;
  includeSamples?: boolean;
  json?: boolean;
  deadline?: string;
  budget?: string;
  [key: string]: unknown;
}

/** Adds --uncertain, --samples, --seed, --level, --no-default-ranges, --include-samples to a command. */
export function withRangeOptions(cmd: Command): Command {
  // Added before the command's own options, so they lead its --help.
  return cmd
    .option('--uncertain', `report medians and intervals: numeric flags then also take ranges (${RANGE_SYNTAX_HELP}); inputs left out get sourced default ranges`)
    .option('--samples <n>', `Monte Carlo samples with ranges (default ${DEFAULT_SAMPLES})`)
    .option('--seed <s>', `random seed with ranges (default ${DEFAULT_SEED})`)
    .option('--level <p>', 'central interval probability with ranges (default 0.9 → 5–95%)')
    .addOption(new Option('--no-default-ranges', 'with ranges: keep inputs you leave out at their point defaults'))
    .option('--include-samples', 'with ranges and --json: include every sample (for plotting)');
}

/** True when the options ask for the uncertain estimate: a range in a numeric flag, or --uncertain/--samples/--seed/--level. */
export function wantsRanges(opts: object): boolean {
  const o = opts as RangeCliOptions;
  if (o.uncertain || o.samples !== undefined || o.seed !== undefined || o.level !== undefined) return true;
  return Object.keys(RANGE_FIELDS).some((k) => typeof o[k] === 'string' && parseNumber(o[k] as string) === undefined);
}

/**
 * Runs the estimate with ranges. `specFromOptions` is the estimate command's own
 * parser (given the flags' medians, so its checks and look-ups apply unchanged);
 * `relabel` turns core field names into flags in errors.
 */
export function runRangeEstimate<O extends object>(opts: O, specFromOptions: (o: O) => EstimateSpec, relabel: (err: unknown) => unknown): void {
  const o = opts as RangeCliOptions;
  let result: UncertainRunResult;
  const level = o.level !== undefined ? requireQuantity('--level', o.level, 'value') : 0.9;
  try {
    if (o.deadline !== undefined || o.budget !== undefined) {
      throw new InputError(o.deadline !== undefined ? '--deadline' : '--budget', 'is not supported with ranges', o.budget !== undefined ? 'use `scaling-lab project --law … --budget-usd` for what a budget buys, with intervals' : 'give --count instead');
    }
    const dists: Partial<Record<UncertainField, Distribution>> = {};
    const medians: Record<string, unknown> = { ...o };
    for (const [key, field] of Object.entries(RANGE_FIELDS)) {
      const raw = o[key];
      if (typeof raw !== 'string') continue;
      const d = parseDistribution(flagFor(field), raw, INPUT_BOUNDS[field]);
      dists[field] = d;
      medians[key] = String(distributionQuantile(d, 0.5));
    }
    const spec: UncertainRunSpec = { ...specFromOptions(medians as O), ...dists };
    const samples = o.samples !== undefined ? requireQuantity('--samples', o.samples, 'value') : DEFAULT_SAMPLES;
    const seed = o.seed !== undefined ? requireQuantity('--seed', o.seed, 'value') : DEFAULT_SEED;
    if (!(level > 0 && level < 1)) throw new InputError('--level', `must be between 0 and 1, got ${o.level}`, 'use e.g. 0.9 for a 5–95% interval');
    result = estimateRunUncertain({ ...spec, samples, seed, level, defaultRanges: o.defaultRanges !== false });
  } catch (err) {
    throw relabel(err);
  }
  if (o.json) {
    printJson(uncertainEstimateJson(result, o.includeSamples === true));
    return;
  }
  process.stdout.write(`${formatUncertainEstimate(result)}\n`);
}

/** JSON of an estimate with ranges: the point estimate, the intervals, the tornado data and the inputs. */
export function uncertainEstimateJson(r: UncertainRunResult, includeSamples = false) {
  const outputs: Record<string, unknown> = {};
  for (const [name, o] of Object.entries(r.monteCarlo.outputs)) {
    outputs[name] = { median: o.median, low: o.low, high: o.high, mean: o.mean, ...(includeSamples ? { samples: Array.from(o.samples) } : {}) };
  }
  return {
    samples: r.monteCarlo.samples,
    seed: r.monteCarlo.seed,
    level: r.monteCarlo.level,
    outputs,
    sensitivity: { baseline: r.sensitivity.baseline, bars: r.sensitivity.bars },
    // Car-km, flights, tree-years (from co2eKg) and household-years (from energyKWh): median, low, high and the factor's source.
    equivalents: equivalentsInterval(r),
    inputs: r.assumptions.map((a) => ({ name: a.name, range: a.range, distribution: a.distribution, unit: a.unit, source: a.source })),
    point: r.point,
  };
}

/** Human-readable estimate with ranges. */
export function formatUncertainEstimate(r: UncertainRunResult): string {
  const p = r.point;
  const lines: string[] = [];
  lines.push(`${p.preset ? `${p.preset.name} (preset ${p.preset.id})` : 'Training run estimate'} with uncertainty: ${p.accelerator.name}${p.count ? ` × ${p.count.toLocaleString('en-US')}` : ''}`);
  lines.push(`${r.monteCarlo.samples.toLocaleString('en-US')} Monte Carlo samples, seed ${r.monteCarlo.seed}`);
  lines.push('');
  lines.push(...uncertainTable(r.monteCarlo.outputs, RUN_OUTPUTS, r.monteCarlo.level));
  // One central figure per output: the median above is the headline; the point estimate is named as such.
  lines.push(`Headline: the median with its ${Math.round(r.monteCarlo.level * 100)} % interval. Point estimate (every input at its stated or default value, not the headline): ${p.costUsd !== null ? `cost ${formatUsd(p.costUsd)}, ` : ''}${formatCO2eKg(p.co2eKg)}.`);
  if (p.wallClockHours === null) lines.push('(give --count for wall-clock time)');
  const eq = Object.values(equivalentsInterval(r));
  if (eq.length) {
    const pct = `${Math.round(((1 - r.monteCarlo.level) / 2) * 100)}–${Math.round(((1 + r.monteCarlo.level) / 2) * 100)}%`;
    lines.push('');
    lines.push(`The CO2e and energy as everyday equivalents (median [${pct} interval]; Green Algorithms reference values, Lannelongue et al. 2021, and the household electricity constant):`);
    for (const q of eq) lines.push(`  ≈ ${formatEquivalentInterval(q)}`);
  }
  for (const o of ['acceleratorHours', 'costUsd', 'co2eKg'] as const) {
    const t = tornadoLines(r.sensitivity, o);
    if (!t.length) continue;
    lines.push('');
    lines.push(`What moves ${OUTPUT_FORMATS[o].label} most (each input over its interval, others at their medians):`);
    lines.push(...t);
  }
  lines.push('');
  lines.push('Inputs:');
  for (const a of r.assumptions) lines.push(`  ${a.name.padEnd(16)} ${describeDistribution(a.distribution)}${a.unit ? ` ${a.unit}` : ''} — ${a.source}`);
  return lines.join('\n');
}
