/**
 * Row types of the reference data embedded in the core. The rows themselves
 * live in `*.generated.ts`, written by `scripts/gen-data.mjs` from the CSVs
 * under `packages/core/data/` (see the PROVENANCE.md files there).
 */

/** Dense peak rates in TFLOP/s (TOPS for int8); absent where the vendor publishes none. */
export interface PeakRates {
  fp32?: number;
  tf32?: number;
  bf16?: number;
  fp16?: number;
  fp8?: number;
  int8?: number;
}

export type Precision = keyof PeakRates;

export interface AcceleratorRow {
  id: string;
  name: string;
  vendor: string;
  year: number;
  tflops: PeakRates;
  memoryGB: number;
  memoryBandwidthTBs: number;
  /** Thermal design power; null where the vendor publishes none (TPU v4 and later). */
  tdpW: number | null;
  /** Vendor-measured mean power where published (TPU docs give min/mean/max). */
  measuredMeanW: number | null;
  interconnect: string;
  source: string;
  verification: string;
  notes: string;
}

export interface PriceRow {
  acceleratorId: string;
  provider: string;
  offering: string;
  region: string;
  pricing: 'on-demand' | 'reserved-1yr' | 'reserved-3yr' | 'spot';
  usdPerHour: number;
  acceleratorsPerInstance: number;
  /** ISO date the price was seen. */
  date: string;
  sourceUrl: string;
  transcribedBy: string;
  notes: string;
}

export interface CountryCarbonRow {
  iso3: string;
  country: string;
  year: number;
  gCO2ePerKWh: number;
  source: string;
}

export interface CloudRegionCarbonRow {
  provider: 'gcp' | 'aws' | 'azure';
  region: string;
  location: string;
  gCO2ePerKWh: number;
  /** Year of the underlying grid data, e.g. "2024" or "~2019-2020". */
  dataYear: string;
  basis: string;
  source: string;
}

export interface ConstantRow {
  key: string;
  value: number;
  unit: string;
  date: string;
  /** `seen`, `seen (secondary)`, `seen (quoted)` or `memory` (not re-read; check before relying on it). */
  status: string;
  source: string;
}

/** One GCP region's yearly grid intensity (Google's region-carbon-info, gridYears.generated.ts). */
export interface RegionCarbonYears {
  /** GCP region id, e.g. `us-central1`. */
  region: string;
  location: string;
  /** Yearly average grid intensity, gCO2e/kWh, by year. */
  gCO2ePerKWhByYear: Readonly<Record<number, number>>;
}
