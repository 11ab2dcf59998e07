/**
 * The calculation step of `estimateRun`: from resolved inputs (resolveEstimate.ts)
 * to the estimate, through the named formulas the Monte Carlo also calls:
 *
 *   FLOPs        = given, trainingFlops(N_active ?? N, D) (6·N·D), the detailed count, or
 *                  flopsFromHours(hours, peak, MFU)
 *   hours        = given, or acceleratorHours(FLOPs, peak, MFU); MFU = impliedMfu when both are known
 *   then runOutputs (runOutputs.ts): total hours, wall-clock, cost, energy, CO2e;
 *   embodied carbon, water, household-years and everyday equivalents on top.
 *
 * Every input is listed in `assumptions` with its unit and source, in a fixed order.
 */
import { assumption, type Assumption } from '../assumption.js';
import { InputError } from '../errors.js';
import { constant, constantAssumption } from '../data/constants.js';
import { detailedTrainingFlops, trainingFlops } from './flops.js';
import { acceleratorHours as hoursFor, flopsFromHours, impliedMfu } from './time.js';
import { householdYears } from './energy.js';
import { co2eEquivalents } from './equivalents.js';
import { waterLitres } from './carbon.js';
import { runOutputs } from './runOutputs.js';
import { embodiedForRun, type EmbodiedEstimate } from './embodied.js';
import { memoryRequested, runMemory, type MemoryEstimate, type MemorySpec } from './runMemory.js';
import type { Estimate, EstimateSpec, ResolvedEstimate, ResolvedInput } from './estimateTypes.js';

const listed = (name: string, r: ResolvedInput<number | string>): Assumption => assumption(name, r.value, r.unit, r.source);

/** The estimate of a resolved spec (see the module comment). */
export function calculateEstimate(r: ResolvedEstimate): Estimate {
  const { spec, preset: run, replaced, accelerator: acc } = r;
  const A: Assumption[] = [];
  const add = (name: string, x: ResolvedInput<number | string> | null) => {
    if (x) A.push(listed(name, x));
  };
  if (run) A.push(assumption('preset', run.id, '', run.citation));
  if (run && replaced.length) A.push(assumption('presetReplaced', replaced.join(', '), '', 'preset values replaced by the fields given, or recomputed from them'));

  // Model size and FLOPs.
  if (r.architecture) A.push(assumption('architecture', JSON.stringify(r.architecture.value), '', r.architecture.source));
  add('params', r.params);
  add('activeParams', r.activeParams);
  add('tokens', r.tokens);
  const params = r.params?.value ?? null;
  const activeParams = r.activeParams?.value ?? null;
  const tokens = r.tokens?.value ?? null;
  let flops: number | null = null;
  let flopsMethod: Estimate['flopsMethod'] = null;
  if (r.flopsRule === 'given') {
    flops = r.flops!.value;
    flopsMethod = 'given';
    add('flops', r.flops);
  } else if (r.flopsRule === 'detailed') {
    flops = detailedTrainingFlops(r.architecture!.value, tokens!, { recompute: spec.recompute }).total;
    flopsMethod = 'detailed';
    A.push(assumption('flopsMethod', `detailed transformer count${spec.recompute ? ' with full recomputation' : ''}`, '', 'Narayanan et al. 2021, eq. 3 (see detailedTrainingFlops)'));
  } else if (r.flopsRule === '6ND') {
    flops = trainingFlops((activeParams ?? params)!, tokens!);
    flopsMethod = '6ND';
    A.push(assumption('flopsMethod', activeParams !== null ? '6 × active params × tokens' : '6 × params × tokens', '', 'Kaplan et al. 2020 §2.1 (C ≈ 6ND)'));
  }

  add('hardware', r.hardware);
  add('peakFlopsPerSecond', r.peakFlopsPerSecond);
  const peak = r.peakFlopsPerSecond.value;

  // Hours.
  let computeHours: number;
  let mfu: number | null = r.mfu?.value ?? null;
  if (r.acceleratorHours) {
    computeHours = r.acceleratorHours.value;
    add('acceleratorHours', r.acceleratorHours);
    if (flops !== null) {
      mfu = impliedMfu(flops, computeHours, peak);
      A.push(assumption('mfu', mfu, '', 'implied by FLOPs ÷ (hours × peak)'));
    } else if (mfu !== null) {
      add('mfu', r.mfu);
      flops = flopsFromHours(computeHours, peak, mfu);
      flopsMethod = 'from hours';
    }
  } else {
    add('mfu', r.mfu);
    computeHours = hoursFor(flops!, peak, mfu!);
  }

  add('restartOverhead', r.restartOverhead);
  add('sweepOverhead', r.sweepOverhead);
  add('count', r.count);
  const count = r.count?.value ?? null;

  // Training memory per accelerator.
  let memory: MemoryEstimate | null = null;
  if (params !== null) {
    const m = runMemory({
      params, architecture: spec.architecture, architectureSource: r.architecture?.source ?? 'user', accelerator: acc, count,
      peakPrecision: spec.precision ?? r.precision, recomputeFull: spec.recompute === true, memory: spec.memory,
    });
    memory = m.memory;
    A.push(...m.assumptions);
  } else if (memoryRequested(spec.memory) || spec.recompute) {
    const field = memoryRequested(spec.memory) ? Object.keys(spec.memory!).find((k) => spec.memory![k as keyof MemorySpec] !== undefined)! : 'recompute';
    throw new InputError(field, 'needs the parameter count to size memory', 'give params, an architecture or a preset');
  }

  if (r.usdPerHour) add('usdPerHour', r.usdPerHour);
  else A.push(assumption('usdPerHour', 'unknown', 'USD/h', `no ${r.pricing ?? 'on-demand'} price for ${acc.id} in the price table; give --price`));
  add('tdpW', r.tdpW);
  add('powerFraction', r.powerFraction);
  // Watts from TDP × fraction are listed through those two.
  if (r.watts.origin !== 'derived') add('watts', r.watts);
  add('hostOverhead', r.hostOverhead);
  add('region', r.regionInput);
  add('pue', r.pue);
  add('energyKWh', r.energyKWh);
  add('gridGCO2ePerKWh', r.gridGCO2ePerKWh);

  // The calculation: the same formula the Monte Carlo evaluates per sample.
  const restart = r.restartOverhead?.value ?? 0;
  const sweep = r.sweepOverhead?.value ?? 0;
  const usdPerHour = r.usdPerHour?.value ?? null;
  const out = runOutputs({
    computeHours, restartOverhead: restart, sweepOverhead: sweep, count, usdPerHour, watts: r.watts.value, hostOverhead: r.hostOverhead.value,
    pue: r.pue.value, gridGCO2ePerKWh: r.gridGCO2ePerKWh.value, measuredEnergyKWh: r.energyKWh?.value,
  });

  let embodied: EmbodiedEstimate | null = null;
  if (spec.embodied) {
    const e = embodiedForRun(out.totalHours, acc.id);
    embodied = e.embodied;
    A.push(...e.assumptions);
  }
  let water: number | null = null;
  if (spec.water !== undefined && spec.water !== false) {
    const wue = typeof spec.water === 'number' ? spec.water : constant('water.wue.onsite.us');
    water = waterLitres(out.itEnergyKWh, wue);
    A.push(typeof spec.water === 'number' ? assumption('wueLPerKWh', wue, 'L/kWh', 'user') : constantAssumption('wueLPerKWh', 'water.wue.onsite.us'));
  }

  const hhKey = `household.${spec.household ?? 'us'}.kwhPerYear`;
  A.push(constantAssumption('householdKWhPerYear', hhKey));

  refuseOverflow(r.input, { flops, acceleratorHours: out.totalHours, costUsd: out.costUsd, energyKWh: out.energyKWh, co2eKg: out.co2eKg });

  const region = r.region;
  return {
    preset: run ? { id: run.id, name: run.name, citation: run.citation, reported: run.reported, notes: run.notes, replaced } : undefined,
    params, activeParams, tokens, flops, flopsMethod,
    accelerator: { id: acc.id, name: acc.name }, precision: r.precision, peakFlopsPerSecond: peak, mfu, count,
    computeAcceleratorHours: computeHours, acceleratorHours: out.totalHours, wallClockHours: out.wallClockHours,
    usdPerHour, costUsd: out.costUsd,
    watts: r.watts.value, hostOverhead: r.hostOverhead.value, pue: r.pue.value, itEnergyKWh: out.itEnergyKWh, energyKWh: out.energyKWh,
    gridGCO2ePerKWh: r.gridGCO2ePerKWh.value, region: region ? { id: region.id, name: region.name, kind: region.kind } : null,
    co2eKg: out.co2eKg, embodiedCo2eKg: embodied ? embodied.totalKg : null, embodied, waterLitres: water,
    householdYears: householdYears(out.energyKWh, constant(hhKey)),
    equivalents: co2eEquivalents(out.co2eKg),
    memory,
    assumptions: A,
  };
}

/**
 * Each input is finite, but extreme ones together (params and tokens of 1e200, an MFU of 1e-300)
 * overflow: refuse them rather than return Infinity, naming the most extreme input the caller gave
 * (not an output such as flops, which the caller may not have given).
 */
function refuseOverflow(input: EstimateSpec, outputs: Record<string, number | null>): void {
  for (const [output, value] of Object.entries(outputs)) {
    if (value !== null && !Number.isFinite(value)) {
      const given = (['params', 'activeParams', 'tokens', 'flops', 'acceleratorHours', 'mfu', 'peakFlopsPerSecond', 'usdPerHour', 'watts', 'energyKWh'] as const)
        .filter((k) => typeof input[k] === 'number' && (input[k] as number) > 0)
        .sort((a, b) => Math.abs(Math.log10(input[b] as number)) - Math.abs(Math.log10(input[a] as number)));
      const culprit = given[0] ?? output;
      throw new InputError(culprit, `${given[0] ? `${input[culprit as keyof EstimateSpec]} makes ` : ''}${output} come out as ${value}: the inputs are beyond any real training run`, `check the magnitudes of ${given.length ? given.join(', ') : 'params, tokens, flops, MFU and hours'}`);
    }
  }
}
