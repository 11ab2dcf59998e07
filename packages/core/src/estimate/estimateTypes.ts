/**
 * The types of `estimateRun`: what the caller gives (`EstimateSpec`), what the
 * resolve step makes of it (each input's value with its origin as data,
 * `ResolvedInput`), and what the calculation returns (`Estimate`).
 */
import type { Assumption } from '../assumption.js';
import type { AcceleratorRow, Precision, PriceRow } from '../data/types.js';
import type { GridRegion } from '../data/regions.js';
import type { PublishedRun } from '../data/publishedRuns.js';
import type { Architecture } from './params.js';
import type { Co2eEquivalents } from './equivalents.js';
import type { EmbodiedEstimate } from './embodied.js';
import type { MemoryEstimate, MemorySpec } from './runMemory.js';

/** The accelerator assumed when the caller names none. */
export const DEFAULT_ACCELERATOR = 'nvidia-h100-sxm5-80gb';

export interface EstimateSpec {
  /** Published run id (see listPublishedRuns); its stated inputs fill the fields not given here. */
  preset?: string;
  /** Total parameters. */
  params?: number;
  /** Parameters active per token (MoE); FLOPs use these. */
  activeParams?: number;
  tokens?: number;
  /** Training FLOPs (instead of params × tokens). */
  flops?: number;
  architecture?: Architecture;
  /** `6ND` (default) or `detailed` (needs `architecture` with a context). */
  flopsMethod?: '6ND' | 'detailed';
  /** With `flopsMethod: 'detailed'`: full activation recomputation. */
  recompute?: boolean;
  /** Accelerator id (forgiving look-up). */
  hardware?: string;
  precision?: Precision;
  /** Override the accelerator's dense peak, FLOP/s. */
  peakFlopsPerSecond?: number;
  count?: number;
  mfu?: number;
  /** Accelerator-hours of the main run (instead of FLOPs ÷ throughput). */
  acceleratorHours?: number;
  /** Average power per accelerator, W. */
  watts?: number;
  /** Fraction of TDP drawn on average (when watts are not given). */
  powerFraction?: number;
  /** Host/network power multiplier on top of the accelerators. */
  hostOverhead?: number;
  pue?: number;
  /** Country (ISO3 or name), cloud region (`gcp:us-central1`, `us-east-1`) or `world`. */
  region?: string;
  gridGCO2ePerKWh?: number;
  /** USD per accelerator-hour (instead of the dated default). */
  usdPerHour?: number;
  pricing?: PriceRow['pricing'];
  /** Restarts and failed runs, as a fraction of the main run's accelerator-hours. */
  restartOverhead?: number;
  /** The sweep before the run, as a fraction of the main run's accelerator-hours. */
  sweepOverhead?: number;
  /** Facility energy measured or stated elsewhere, kWh (replaces hours × power × PUE). */
  energyKWh?: number;
  /** Add embodied (manufacturing) carbon, amortised per accelerator-hour. */
  embodied?: boolean;
  /** Add on-site water use (WUE, L per IT kWh); `true` uses the default WUE. */
  water?: boolean | number;
  /** Household for the "equivalent homes" figure. Default `us`. */
  household?: 'us' | 'eu';
  /** Training-memory inputs (optimizer, ZeRO stage, TP/PP, micro-batch, sequence, recomputation, LoRA); see runMemory.ts. */
  memory?: MemorySpec;
}

export interface Estimate {
  preset?: { id: string; name: string; citation: string; reported: PublishedRun['reported']; notes?: string; replaced: string[] };
  params: number | null;
  activeParams: number | null;
  tokens: number | null;
  flops: number | null;
  flopsMethod: 'given' | '6ND' | 'detailed' | 'from hours' | null;
  accelerator: { id: string; name: string };
  precision: Precision | null;
  peakFlopsPerSecond: number;
  mfu: number | null;
  count: number | null;
  /** Main run only, before overheads. */
  computeAcceleratorHours: number;
  /** Including restarts and the sweep: what is paid for and powered. */
  acceleratorHours: number;
  /** Main run including restarts, on `count` accelerators; null without a count. */
  wallClockHours: number | null;
  usdPerHour: number | null;
  /** Null when no price is known for the accelerator and none was given. */
  costUsd: number | null;
  watts: number;
  hostOverhead: number;
  pue: number;
  /** IT energy (accelerators + host), kWh. */
  itEnergyKWh: number;
  /** Facility energy (IT × PUE), kWh. */
  energyKWh: number;
  gridGCO2ePerKWh: number;
  region: { id: string; name: string; kind: GridRegion['kind'] } | null;
  /** Operational, location-based. */
  co2eKg: number;
  embodiedCo2eKg: number | null;
  /** Embodied carbon by part (accelerators, servers); null unless asked for. */
  embodied: EmbodiedEstimate | null;
  waterLitres: number | null;
  householdYears: number;
  /** Operational CO2e as car-km, flights and tree-years, each with its source. */
  equivalents: Co2eEquivalents;
  /** Training memory per accelerator; null when the parameter count is unknown. */
  memory: MemoryEstimate | null;
  assumptions: Assumption[];
}

/**
 * Where a resolved input came from: the caller (`user`), the preset's paper
 * (`preset`), a dated reference value (`default`: a constant, the price table,
 * the region's grid, the accelerator's datasheet), or a rule applied to other
 * inputs (`derived`: params from an architecture, watts from TDP × fraction,
 * MFU implied by FLOPs and hours).
 */
export type InputOrigin = 'user' | 'preset' | 'default' | 'derived';

/** One input as the resolve step settled it; `unit` and `source` are what its assumption lists. */
export interface ResolvedInput<T = number> {
  value: T;
  origin: InputOrigin;
  unit: string;
  source: string;
}

/** How FLOPs are obtained: given, 6·N·D, the detailed count, or none (hours alone). */
export type FlopsRule = 'given' | '6ND' | 'detailed' | null;

/**
 * A spec after the resolve step: the preset merged under the caller's fields,
 * every field validated, every look-up and default done. What is left is
 * arithmetic (calculateEstimate.ts).
 */
export interface ResolvedEstimate {
  /** The caller's spec as given (the overflow check names its most extreme field). */
  input: EstimateSpec;
  /** The caller's fields over the preset's. */
  spec: EstimateSpec;
  preset: PublishedRun | undefined;
  /** Preset values the caller's fields replaced (`mfu (given)`) or made moot (`acceleratorHours (recomputed)`). */
  replaced: string[];
  architecture: ResolvedInput<Architecture> | null;
  params: ResolvedInput | null;
  activeParams: ResolvedInput | null;
  tokens: ResolvedInput | null;
  flopsRule: FlopsRule;
  /** Given FLOPs (flopsRule `given`). */
  flops: ResolvedInput | null;
  accelerator: AcceleratorRow;
  hardware: ResolvedInput<string>;
  peakFlopsPerSecond: ResolvedInput;
  /** The datasheet precision of the peak; null when the caller gave the peak. */
  precision: Precision | null;
  /** Given main-run hours (the caller's or the preset's); null when computed from FLOPs. */
  acceleratorHours: ResolvedInput | null;
  /** Null when hours and FLOPs are both known (the calculation implies it) or neither needs it. */
  mfu: ResolvedInput | null;
  restartOverhead: ResolvedInput | null;
  sweepOverhead: ResolvedInput | null;
  count: ResolvedInput | null;
  /** Null (and listed as unknown) when no price is given or in the table. */
  usdPerHour: ResolvedInput | null;
  pricing: PriceRow['pricing'] | undefined;
  /** The accelerator's TDP when watts come from it. */
  tdpW: ResolvedInput | null;
  /** The fraction of TDP drawn, when watts come from the TDP. */
  powerFraction: ResolvedInput | null;
  watts: ResolvedInput;
  hostOverhead: ResolvedInput;
  /** The caller's region, or the world when neither a region nor a grid intensity was given. */
  region: GridRegion | null;
  /** The region the caller named (null without one, even when the grid falls back to the world average). */
  regionInput: ResolvedInput<string> | null;
  pue: ResolvedInput;
  /** A measured facility energy for the main run (replaces hours × power × PUE). */
  energyKWh: ResolvedInput | null;
  gridGCO2ePerKWh: ResolvedInput;
}
