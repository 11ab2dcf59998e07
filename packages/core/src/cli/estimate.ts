/**
 * `scaling-lab estimate`: time, cost, energy and carbon of a training run from
 * its size (params × tokens, FLOPs, an architecture or a published preset),
 * hardware and site. Options arrive as raw strings and are parsed in
 * `specFromOptions`, so other modules (ranges, uncertainty) can intercept
 * them; bad input exits 2 with one line naming the flag and the fix.
 */
import { formatRepeatedData, repeatedDataFor, type RepeatedData } from './repeatedData.js';
import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { DEFAULT_ACCELERATOR, type Estimate, type EstimateSpec } from '../estimate/estimateRun.js';
import { formatEquivalents } from '../estimate/equivalents.js';
import type { Architecture } from '../estimate/params.js';
import type { LoraTarget, OptimizerKind, Recompute, TrainingPrecision } from '../estimate/memory.js';
import type { MemorySpec } from '../estimate/runMemory.js';
import { estimatePlanned, type PlannedEstimate } from '../estimate/plan.js';
import type { Precision, PriceRow } from '../data/types.js';
import { formatBytes, formatCO2eKg, formatCount, formatDuration, formatEnergyKWh, formatFlops, formatUsd, sig } from '../format.js';
import { action, parseNumber, printJson } from './util.js';
import { inFile, withFlag } from './flags.js';
import { addArchitectureOptions, applyArchitectureFlags, ARCHITECTURE_FLAGS, architectureFlagValues } from './architectureFlags.js';
import { getPublishedRun } from '../data/publishedRuns.js';
import { runRangeEstimate, wantsRanges, withRangeOptions } from './ranges.js';
import { oneLineErrors } from './oneLineErrors.js';
import { readConfigArchitecture } from './configFile.js';
import { assumption } from '../assumption.js';

/** Raw option strings as commander hands them over. */
export interface EstimateCliOptions {
  preset?: string;
  config?: string;
  uniqueTokens?: string;
  params?: string;
  activeParams?: string;
  tokens?: string;
  flops?: string;
  layers?: string;
  dModel?: string;
  heads?: string;
  kvHeads?: string;
  headDim?: string;
  ffn?: string;
  ffnType?: string;
  vocab?: string;
  context?: string;
  tied?: boolean;
  experts?: string;
  activeExperts?: string;
  detailed?: boolean;
  /** `true` (bare flag) = full, or none/selective/full. */
  recompute?: boolean | string;
  hardware?: string;
  precision?: string;
  peak?: string;
  count?: string;
  mfu?: string;
  hours?: string;
  deadline?: string;
  budget?: string;
  watts?: string;
  powerFraction?: string;
  hostOverhead?: string;
  energy?: string;
  price?: string;
  pricing?: string;
  pue?: string;
  region?: string;
  grid?: string;
  restarts?: string;
  sweep?: string;
  embodied?: boolean;
  water?: string | boolean;
  household?: string;
  optimizer?: string;
  trainPrecision?: string;
  zero?: string;
  tp?: string;
  pp?: string;
  microBatch?: string;
  seq?: string;
  loraRank?: string;
  loraTargets?: string;
  json?: boolean;
}

/** Parses one numeric option ("1e9", "70B", "1.4T"); InputError naming the flag otherwise. */
export function numberOption(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const v = parseNumber(raw);
  if (v === undefined) throw new InputError(flag, `"${raw}" is not a number`, 'write e.g. 1e9, 70B or 0.4');
  return v;
}

const PRECISIONS = ['fp32', 'tf32', 'bf16', 'fp16', 'fp8', 'int8'];
const PRICINGS = ['on-demand', 'reserved-1yr', 'reserved-3yr', 'spot'];
const OPTIMIZERS = ['sgd', 'sgd-momentum', 'adam', 'adamw'];
const TRAIN_PRECISIONS = ['fp32', 'bf16', 'mixed'];
const RECOMPUTES = ['none', 'selective', 'full'];
const LORA_TARGETS = ['q', 'k', 'v', 'o', 'gate', 'up', 'down'];

/** The memory flags (--optimizer, --zero, --tp, --pp, --micro-batch, --seq, --recompute, --lora-*) → MemorySpec; undefined when none is given. */
export function memoryFromOptions(o: EstimateCliOptions): MemorySpec | undefined {
  const oneOf = (flag: string, raw: string | undefined, allowed: string[]) => {
    if (raw !== undefined && !allowed.includes(raw)) throw new InputError(flag, `unknown "${raw}"`, `use one of ${allowed.join(', ')}`);
    return raw;
  };
  const m: MemorySpec = {
    optimizer: oneOf('--optimizer', o.optimizer, OPTIMIZERS) as OptimizerKind | undefined,
    precision: oneOf('--train-precision', o.trainPrecision, TRAIN_PRECISIONS) as TrainingPrecision | undefined,
    zeroStage: numberOption('--zero', o.zero) as MemorySpec['zeroStage'],
    tensorParallel: numberOption('--tp', o.tp),
    pipelineParallel: numberOption('--pp', o.pp),
    microBatch: numberOption('--micro-batch', o.microBatch),
    sequence: numberOption('--seq', o.seq),
    recompute: typeof o.recompute === 'string' ? (oneOf('--recompute', o.recompute, RECOMPUTES) as Recompute) : undefined,
    loraRank: numberOption('--lora-rank', o.loraRank),
  };
  if (o.loraTargets !== undefined) {
    const targets = o.loraTargets.split(',').map((t) => t.trim()).filter(Boolean);
    if (!targets.length) throw new InputError('--lora-targets', 'is empty', `give a comma-separated list of ${LORA_TARGETS.join(', ')}`);
    for (const t of targets) oneOf('--lora-targets', t, LORA_TARGETS);
    m.loraTargets = targets as LoraTarget[];
  }
  for (const k of Object.keys(m) as (keyof MemorySpec)[]) if (m[k] === undefined) delete m[k];
  return Object.keys(m).length ? m : undefined;
}

/** The preset architecture's fields each architecture flag replaced ("layers 32 → 40"), per spec built by specFromOptions. */
const architectureReplaced = new WeakMap<EstimateSpec, string[]>();

/** Builds the EstimateSpec from raw options (without --deadline/--budget, which the action handles). */
export function specFromOptions(o: EstimateCliOptions): EstimateSpec {
  const n = (flag: string, raw: string | undefined) => numberOption(flag, raw);
  const spec: EstimateSpec = {
    preset: o.preset,
    params: n('--params', o.params),
    activeParams: n('--active-params', o.activeParams),
    tokens: n('--tokens', o.tokens),
    flops: n('--flops', o.flops),
    hardware: o.hardware,
    peakFlopsPerSecond: n('--peak', o.peak),
    count: n('--count', o.count),
    mfu: n('--mfu', o.mfu),
    acceleratorHours: n('--hours', o.hours),
    watts: n('--watts', o.watts),
    powerFraction: n('--power-fraction', o.powerFraction),
    hostOverhead: n('--host-overhead', o.hostOverhead),
    energyKWh: n('--energy', o.energy),
    usdPerHour: n('--price', o.price),
    pue: n('--pue', o.pue),
    region: o.region,
    gridGCO2ePerKWh: n('--grid', o.grid),
    restartOverhead: n('--restarts', o.restarts),
    sweepOverhead: n('--sweep', o.sweep),
    embodied: o.embodied,
  };
  if (o.precision !== undefined) {
    if (!PRECISIONS.includes(o.precision)) throw new InputError('--precision', `unknown "${o.precision}"`, `use one of ${PRECISIONS.join(', ')}`);
    spec.precision = o.precision as Precision;
  }
  if (o.pricing !== undefined) {
    if (!PRICINGS.includes(o.pricing)) throw new InputError('--pricing', `unknown "${o.pricing}"`, `use one of ${PRICINGS.join(', ')}`);
    spec.pricing = o.pricing as PriceRow['pricing'];
  }
  if (o.household !== undefined) {
    if (o.household !== 'us' && o.household !== 'eu') throw new InputError('--household', `unknown "${o.household}"`, 'use us or eu');
    spec.household = o.household;
  }
  if (o.water !== undefined) spec.water = o.water === true ? true : n('--water', o.water as string);
  const archValues = architectureFlagValues(o as unknown as Record<string, unknown>);
  // The base the architecture flags override: a Hugging Face config, else a preset's architecture.
  const base = o.config !== undefined ? readConfigArchitecture(o.config).architecture : archValues.size && o.preset !== undefined ? getPublishedRun(o.preset).architecture?.value : undefined;
  if (base) {
    if (archValues.size || o.config !== undefined) {
      const { architecture, replaced } = applyArchitectureFlags(base, archValues);
      spec.architecture = architecture as Architecture;
      if (o.config === undefined) architectureReplaced.set(spec, replaced);
    }
  } else if (archValues.size) {
    // Architecture flags without a base must give the whole shape; otherwise name the first one missing.
    if (!archValues.has('layers') && !archValues.has('dModel')) {
      const stray = ARCHITECTURE_FLAGS.find((f) => archValues.has(f.field))!.flag;
      throw new InputError(stray, `is an architecture flag and needs --layers and --d-model${o.preset !== undefined ? ` (preset "${o.preset}" states no architecture to override)` : ''}`, 'give the whole architecture with --layers, --d-model, --heads and --vocab, or --config, or a --preset with an architecture');
    }
    for (const flag of ['--layers', '--d-model', '--heads', '--vocab']) {
      if (!archValues.has(ARCHITECTURE_FLAGS.find((f) => f.flag === flag)!.field)) throw new InputError(flag, 'is needed with --layers/--d-model', `give ${flag}`);
    }
    // Fields in the order the library's Architecture lists them (the JSON of the estimate shows it).
    const order = ['layers', 'dModel', 'heads', 'vocab', 'kvHeads', 'headDim', 'ffnDim', 'ffnType', 'context', 'tiedEmbeddings', 'experts', 'activeExperts'];
    const values = new Map([...archValues].sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99)));
    const arch = applyArchitectureFlags(undefined, values).architecture as Architecture;
    spec.architecture = { ...arch, ffnType: arch.ffnType ?? 'gelu' };
  } else if (o.detailed) {
    throw new InputError('--detailed', 'needs an architecture', 'give --config, or --layers, --d-model, --heads, --vocab and --context');
  }
  if (o.detailed) spec.flopsMethod = 'detailed';
  // A bare --recompute (or --recompute full) is full recomputation, for FLOPs and memory alike.
  if (o.recompute === true || o.recompute === 'full') spec.recompute = true;
  spec.memory = memoryFromOptions(o);
  for (const k of Object.keys(spec) as (keyof EstimateSpec)[]) if (spec[k] === undefined) delete spec[k];
  return spec;
}

export interface CliEstimate extends PlannedEstimate {
  repeatedData?: RepeatedData;
}

/** Runs the estimate for parsed options, applying --deadline (sets the count) and --budget (sets the FLOPs). */
export function runEstimateOptions(o: EstimateCliOptions): CliEstimate {
  try {
    const spec = specFromOptions(o);
    const deadlineHours = numberOption('--deadline', o.deadline);
    const budgetUsd = numberOption('--budget', o.budget);
    const e: CliEstimate = estimatePlanned(spec, { deadlineHours, budgetUsd });
    const archReplaced = architectureReplaced.get(spec);
    if (archReplaced?.length && e.preset) {
      // Say which of the preset architecture's fields the flags replaced, not just "architecture".
      e.preset.replaced = e.preset.replaced.map((r) => (r === 'architecture (given)' ? `architecture (given: ${archReplaced.join(', ')})` : r));
      const a = e.assumptions.find((x) => x.name === 'presetReplaced');
      if (a) a.value = e.preset.replaced.join(', ');
    }
    if (o.config !== undefined) {
      const notes = readConfigArchitecture(o.config).notes;
      e.assumptions.push(assumption('config', o.config, '', `Hugging Face config read by architectureFromHfConfig${notes.length ? `; ${notes.join('; ')}` : ''}`));
    }
    const unique = numberOption('--unique-tokens', o.uniqueTokens);
    if (unique !== undefined) e.repeatedData = repeatedDataFor(e.tokens, unique);
    return e;
  } catch (err) {
    throw estimateError(o)(err);
  }
}

/**
 * Names an estimate's InputError as the user sees it: a value read from the --config file by its key
 * (`--config config.json: num_key_value_heads`), unless a flag overrode it; otherwise by its flag.
 */
export function estimateError(o: EstimateCliOptions): (err: unknown) => unknown {
  return (err) => {
    if (o.config !== undefined && err instanceof InputError && !err.field.startsWith('--')) {
      let given: Map<string, unknown> = new Map();
      try {
        given = architectureFlagValues(o as unknown as Record<string, unknown>);
      } catch {
        /* a bad flag was reported before the estimate ran */
      }
      const field = err.field === 'architecture.mla' ? 'mla' : err.field;
      const sources = readConfigArchitecture(o.config).sources;
      if (!given.has(field) && Object.hasOwn(sources, field)) return inFile(err, '--config', o.config, () => sources[field]);
    }
    return withFlag(err);
  };
}

/** The JSON printed by --json: the whole estimate (flops, acceleratorHours, wallClockHours, costUsd, energyKWh, co2eKg, assumptions, …). */
export function estimateJson(e: CliEstimate): Record<string, unknown> {
  return { ...e };
}

/** Labels a figure computed with every input at one value (no Monte Carlo). */
export const POINT_ESTIMATE_NOTE = 'Point estimate: every input at its stated or default value (add --uncertain for the headline: the median with its 5–95 % interval)';

/** Human-readable report. */
export function formatEstimate(e: CliEstimate): string {
  const lines: string[] = [];
  const title = e.preset ? `${e.preset.name} (preset ${e.preset.id})` : 'Training run estimate';
  lines.push(title);
  // The project's one-central-figure convention (site, CLI, report): medians with intervals are the headline;
  // a run without ranges is a point estimate and says so.
  lines.push(`  ${POINT_ESTIMATE_NOTE}`);
  const size = [e.params !== null ? `${formatCount(e.params)} params` : '', e.activeParams !== null && e.activeParams !== e.params ? `${formatCount(e.activeParams)} active` : '', e.tokens !== null ? `${formatCount(e.tokens)} tokens` : ''].filter(Boolean).join(', ');
  if (e.flops !== null) lines.push(`  Compute   ${formatFlops(e.flops)} (${e.flopsMethod})${size ? `; ${size}` : ''}`);
  else if (size) lines.push(`  Model     ${size}`);
  const mfuSrc = e.assumptions.find((a) => a.name === 'mfu')?.source ?? '';
  const mfu = e.mfu !== null ? `, MFU ${sig(e.mfu * 100, 3)} %${mfuSrc.startsWith('implied') ? ' (implied)' : ''}` : '';
  lines.push(`  Hardware  ${e.accelerator.name}, peak ${sig(e.peakFlopsPerSecond / 1e12, 4)} TFLOP/s${e.precision ? ` ${e.precision}` : ''}${mfu}`);
  const wall = e.wallClockHours !== null ? `; wall-clock ${formatDuration(e.wallClockHours)} on ${e.count!.toLocaleString('en-US')} accelerators` : '; give --count or --deadline for wall-clock time';
  const overhead = e.acceleratorHours !== e.computeAcceleratorHours ? ` (${formatCount(e.computeAcceleratorHours)} for the run itself)` : '';
  lines.push(`  Time      ${formatCount(e.acceleratorHours)} accelerator-hours${overhead}${wall}`);
  if (e.deadlineHours !== undefined) lines.push(`  Deadline  ${formatDuration(e.deadlineHours)} needs ${e.count} accelerators`);
  lines.push(`  Cost      ${e.costUsd !== null ? `${formatUsd(e.costUsd)} at $${sig(e.usdPerHour!, 3)}/accelerator-hour` : 'unknown: no default price for this accelerator (give --price)'}${e.budgetUsd !== undefined ? ` (budget ${formatUsd(e.budgetUsd)})` : ''}`);
  lines.push(`  Energy    ${formatEnergyKWh(e.energyKWh)} (${formatEnergyKWh(e.itEnergyKWh)} IT × PUE ${sig(e.pue, 3)}; ${sig(e.watts, 4)} W per accelerator × host ${sig(e.hostOverhead, 3)}) ≈ ${sig(e.householdYears, 3)} household-years`);
  const where = e.region ? ` (${e.region.name})` : '';
  lines.push(`  Carbon    ${formatCO2eKg(e.co2eKg)} at ${sig(e.gridGCO2ePerKWh, 4)} gCO2e/kWh${where}, location-based`);
  lines.push(`            ≈ ${formatEquivalents(e.equivalents)}; Green Algorithms reference values, Lannelongue et al. 2021`);
  if (e.embodiedCo2eKg !== null) lines.push(`  Embodied  ${formatCO2eKg(e.embodiedCo2eKg)} (hardware manufacturing, amortised${e.embodied ? `: accelerators ${formatCO2eKg(e.embodied.acceleratorsKg)} + servers ${formatCO2eKg(e.embodied.serversKg)}; networking and storage not included` : ''})`);
  if (e.waterLitres !== null) lines.push(`  Water     ${sig(e.waterLitres / 1000, 3)} m³ on site`);
  if (e.repeatedData) lines.push(formatRepeatedData(e.repeatedData));
  if (e.memory) lines.push(...formatMemory(e.memory));
  if (e.preset) {
    const r = e.preset.reported;
    const parts = [r.energyKWh ? `energy ${formatEnergyKWh(r.energyKWh.value)}` : '', r.co2eKg ? `${formatCO2eKg(r.co2eKg.value)}` : '', r.costUsd ? `cost ${formatUsd(r.costUsd.value)}` : '', r.flops ? formatFlops(r.flops.value) : ''].filter(Boolean);
    if (parts.length) lines.push(`  Paper     ${parts.join(', ')}`);
    if (e.preset.notes) lines.push(`  Note      ${e.preset.notes}`);
    if (e.preset.replaced.length) lines.push(`  Replaced  preset values: ${e.preset.replaced.join(', ')}`);
  }
  lines.push('Assumptions');
  for (const a of e.assumptions) {
    const v = typeof a.value !== 'number' ? a.value : Number.isInteger(a.value) && Math.abs(a.value) < 1e15 ? a.value.toLocaleString('en-US') : sig(a.value, 6);
    lines.push(`  ${a.name} = ${v}${a.unit ? ` ${a.unit}` : ''} — ${a.source}`);
  }
  return lines.join('\n');
}

/** The "Memory" lines of the human report. */
export function formatMemory(m: NonNullable<Estimate['memory']>): string[] {
  const parts = [`weights ${formatBytes(m.weightsBytes)}`, `gradients ${formatBytes(m.gradientsBytes)}`, `optimizer ${formatBytes(m.optimizerBytes)}`,
    m.activationsBytes !== null ? `activations ${formatBytes(m.activationsBytes)}` : 'activations not counted (needs an architecture and sequence length)'];
  const layout = `${m.precision} ${m.optimizer}, ZeRO ${m.zeroStage}, TP ${m.tensorParallel} × PP ${m.pipelineParallel} × DP ${m.dataParallel}${m.microBatch !== null ? `, micro-batch ${m.microBatch} × ${m.sequence} tokens, recompute ${m.recompute}` : ''}`;
  const lines = [`  Memory    ${formatBytes(m.totalBytes)} per accelerator of ${formatBytes(m.acceleratorBytes)}: ${parts.join(', ')}`, `            ${layout}`];
  if (m.lora) lines.push(`  LoRA      rank ${m.lora.rank} on ${m.lora.targets.join(',')}: ${formatCount(m.lora.trainableParams)} trainable params; saves ${formatBytes(m.lora.savedBytes)} against full fine-tuning (${formatBytes(m.lora.fullFineTuneBytes)})`);
  if (m.fits) lines.push('  Fits      yes');
  else {
    const fixes = [m.toFit?.zeroStage != null ? `ZeRO stage ${m.toFit.zeroStage} (--zero ${m.toFit.zeroStage})` : '', m.toFit?.tensorParallel != null ? `tensor parallel ${m.toFit.tensorParallel} (--tp ${m.toFit.tensorParallel})` : ''].filter(Boolean);
    lines.push(`  Fits      NO${fixes.length ? `; smallest that fit: ${fixes.join(' or ')}` : '; neither a higher ZeRO stage nor more tensor parallelism alone fits (try --pp, --recompute, LoRA or more accelerators)'}`);
  }
  return lines;
}

export function registerEstimate(program: Command): void {
  const cmd = oneLineErrors(withRangeOptions(program.command('estimate'))) // ranges: --uncertain, --samples, --seed (src/cli/ranges.ts)
    .description('estimate FLOPs, time, cost, energy and CO2e of a training run')
    .option('--preset <id>', 'start from a published run (see `scaling-lab presets`)')
    .option('--config <config.json>', 'architecture from a Hugging Face config.json (MoE, MLA, sliding windows, …); architecture flags override it')
    .option('--params <n>', 'total parameters, e.g. 7e9 or 70B')
    .option('--active-params <n>', 'parameters active per token (mixture of experts)')
    .option('--tokens <n>', 'training tokens, e.g. 1.4T')
    .option('--unique-tokens <n>', 'unique tokens in the training set: report epochs and the effective data of repeated tokens (Muennighoff et al. 2023)')
    .option('--flops <n>', 'training FLOPs (instead of --params and --tokens)');
  // Architecture flags: one table (cli/architectureFlags.ts).
  addArchitectureOptions(cmd)
    .option('--detailed', 'count FLOPs layer by layer (needs an architecture) instead of 6ND')
    .option('--recompute [kind]', 'activation recomputation: full (bare flag; also in --detailed FLOPs), selective or none')
    .option('--hardware <id>', `accelerator id (see \`scaling-lab hardware\`; default ${DEFAULT_ACCELERATOR})`)
    .option('--precision <p>', 'peak rate to use: bf16 (default), fp16, fp8, tf32, fp32')
    .option('--peak <flops/s>', 'override the accelerator peak, FLOP/s')
    .option('--count <n>', 'number of accelerators (for wall-clock time)')
    .option('--deadline <hours>', 'wall-clock hours available: sets --count to what the deadline needs')
    .option('--budget <usd>', 'what FLOPs (and energy, CO2e) a budget buys, at --price and --mfu')
    .option('--mfu <fraction>', 'model FLOPs utilisation, 0-1 (default 0.4)')
    .option('--hours <n>', 'accelerator-hours of the run (instead of FLOPs ÷ throughput)')
    .option('--watts <W>', 'average power per accelerator (default TDP × 0.7, plus host overhead 1.1)')
    .option('--power-fraction <f>', 'average power as a fraction of TDP')
    .option('--host-overhead <x>', 'host/network power multiplier (default 1.1, or 1 with --watts)')
    .option('--energy <kWh>', 'measured facility energy (replaces hours × power × PUE)')
    .option('--price <usd>', 'USD per accelerator-hour (default: dated price table)')
    .option('--pricing <kind>', 'default price kind: on-demand, reserved-1yr, reserved-3yr, spot')
    .option('--pue <x>', 'power usage effectiveness (default: provider or industry average)')
    .option('--region <id>', 'country (FRA, France) or cloud region (us-east-1, gcp:europe-west1); see `scaling-lab regions`')
    .option('--grid <g>', 'grid carbon intensity, gCO2e/kWh (instead of --region)')
    .option('--restarts <fraction>', 'restarts and failed runs, as a fraction of the run (e.g. 0.1)')
    .option('--sweep <fraction>', 'the hyper-parameter sweep before the run, as a fraction of it')
    .option('--embodied', 'add embodied (manufacturing) carbon')
    .option('--water [L/kWh]', 'add on-site water use (default WUE 0.55 L/kWh)')
    .option('--household <us|eu>', 'household for the equivalent-homes figure (default us)')
    .option('--optimizer <name>', 'memory: sgd, sgd-momentum, adam or adamw (default adamw)')
    .option('--train-precision <p>', 'memory: fp32, bf16 or mixed (default mixed: 16 bytes/param with Adam)')
    .option('--zero <stage>', 'memory: ZeRO stage 0-3 (default 0)')
    .option('--tp <n>', 'memory: tensor-parallel degree (default 1)')
    .option('--pp <n>', 'memory: pipeline-parallel degree (default 1)')
    .option('--micro-batch <n>', 'memory: sequences per accelerator per micro-step (default 1)')
    .option('--seq <n>', 'memory: sequence length in tokens (default the architecture context)')
    .option('--lora-rank <r>', 'memory: fine-tune LoRA adapters of rank r (needs an architecture)')
    .option('--lora-targets <list>', 'memory: matrices to adapt, comma-separated from q,k,v,o,gate,up,down (default q,v)')
    .option('--json', 'print JSON')
    .addHelpText('after', `
Examples:
  scaling-lab estimate --params 7B --tokens 1.4T --hardware nvidia-h100-sxm5-80gb --count 256
  scaling-lab estimate --preset llama-2-70b
  scaling-lab estimate --hours 1720320 --hardware nvidia-a100-sxm4-80gb --watts 400 --pue 1.1 --grid 385
  scaling-lab estimate --flops 1e24 --deadline 720 --region us-east-1 --json
  scaling-lab estimate --preset llama-2-70b --count 2048 --zero 1 --tp 8 --recompute selective
  scaling-lab estimate --config config.json --tokens 15T --detailed --context 8192
  scaling-lab estimate --preset llama-2-7b --kv-heads 8 --tokens 1T
  scaling-lab estimate --preset deepseek-v3 --mtp 0 --dense-layers 5
  scaling-lab estimate --layers 61 --d-model 7168 --heads 128 --vocab 129280 --ffn 18432 --ffn-type swiglu --experts 256 --active-experts 8 --shared-experts 1 --expert-ffn 2048 --dense-layers 3 --kv-lora-rank 512 --q-lora-rank 1536 --qk-nope-dim 128 --qk-rope-dim 64 --v-head-dim 128 --mtp 1 --tokens 14.8T
  scaling-lab estimate --layers 32 --d-model 4096 --heads 32 --kv-heads 8 --ffn 14336 --ffn-type swiglu --vocab 32000 --context 8192 --sliding-window 4096 --tokens 8T --detailed
  scaling-lab estimate --layers 24 --d-model 2048 --heads 16 --vocab 151936 --ffn 11008 --ffn-type swiglu --qkv-bias --norm rmsnorm --moe-every 2 --experts 8 --active-experts 2 --tokens 2T`)
    .action(
      action((opts: EstimateCliOptions) => {
        if (wantsRanges(opts)) return runRangeEstimate(opts, specFromOptions, estimateError(opts));
        const e = runEstimateOptions(opts);
        if (opts.json) printJson(estimateJson(e));
        else process.stdout.write(`${formatEstimate(e)}\n`);
      }),
    );
}
