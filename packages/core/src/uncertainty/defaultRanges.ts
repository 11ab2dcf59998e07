/**
 * Default ranges (distributions) for the uncertain inputs of a run estimate,
 * each with its source and date, plus the bounds every such input must respect.
 *
 * The most likely value (mode/median) of each range is the estimation core's
 * point default (read from its constants table, so the two never drift apart);
 * the ends come from the spread the literature reports:
 *
 * - MFU: triangular(0.20, 0.40, 0.50). Published large dense runs span GPT-3
 *   21.3% → PaLM 46.2% MFU (Chowdhery et al. 2022, arXiv 2204.02311, Table 3;
 *   the same table gives Gopher 32.5%, Megatron-Turing NLG 30.2%); Llama 3
 *   405B 38–43% (Dubey et al. 2024, Table 4). 0.50 leaves a little headroom
 *   above the best published figure.
 * - Power as a fraction of TDP: triangular(0.55, 0.70, 1.00). TPU v3 runs drew
 *   0.54–0.69 × TDP (Patterson et al. 2021, arXiv 2104.10350, Table 4);
 *   StarCoder assumed 0.70 (Li et al. 2023 §5.7); Meta's and BLOOM's reports
 *   use TDP itself (1.0) as an upper-ish convention.
 * - Host overhead: triangular(1.00, 1.10, 1.30): 1.1–1.3 × accelerator power for
 *   host, network and storage; GPT-3 measured 330 W per 300 W V100 (Patterson
 *   et al. 2021, Table 4); 1.00 = accelerator-only accounting.
 * - PUE by provider: see PUE_RANGES below.
 * - Price: the spread across providers in the price table (one price per
 *   provider: its most recent row; see priceRange).
 * - Grid intensity: the spread across a region's recent years (Google's yearly
 *   per-region data 2021–2024) or, where only one year is known, a lognormal
 *   with the typical year-to-year spread of a grid (see gridRange).
 */
import { constant, providerPueKey } from '../data/constants.js';
import { listPrices } from '../data/prices.js';
import { getRegion } from '../data/regions.js';
import type { PriceRow } from '../data/types.js';
import { InputError } from '../errors.js';
import {
  type Distribution, describeDistribution, lognormalDistribution, pointDistribution,
  samplesDistribution, triangularDistribution,
} from './distribution.js';
import { normalQuantile } from './normalQuantile.js';
import { GCP_CARBON_RANGE_YEARS, GCP_CARBON_YEARS, TYPICAL_GRID_LOG_SD } from '../data/gridYears.generated.js';

/** A default range with its provenance (the distribution form of an Assumption). */
export interface RangeDefault {
  name: string;
  distribution: Distribution;
  unit: string;
  /** Citation(s) with dates. */
  source: string;
}

export function mfuRange(): RangeDefault {
  return {
    name: 'mfu',
    distribution: triangularDistribution(0.2, constant('mfu.default'), 0.5),
    unit: '',
    source:
      'triangular(0.20, mode = core default, 0.50): published large runs span GPT-3 21.3% to PaLM 46.2% MFU (Chowdhery et al. 2022, arXiv 2204.02311, Table 3, 2022); Llama 3 405B 38–43% (Dubey et al. 2024, Table 4)',
  };
}

export function powerFractionRange(): RangeDefault {
  return {
    name: 'powerFraction',
    distribution: triangularDistribution(0.55, constant('power.fractionOfTdp'), 1.0),
    unit: '',
    source:
      'triangular(0.55, mode = core default, 1.00): TPU v3 runs drew 0.54–0.69 × TDP (Patterson et al. 2021, arXiv 2104.10350, Table 4); StarCoder assumed 0.70 (Li et al. 2023 §5.7); Meta/BLOOM reports use TDP (1.0)',
  };
}

export function hostOverheadRange(): RangeDefault {
  return {
    name: 'hostOverhead',
    distribution: triangularDistribution(1.0, constant('power.hostOverhead'), 1.3),
    unit: '',
    source:
      'triangular(1.00, mode = core default, 1.30): host, network and storage add 1.1–1.3 × accelerator power (GPT-3: 330 W system per 300 W V100, Patterson et al. 2021, Table 4); 1.00 = accelerator-only accounting',
  };
}

/**
 * PUE ranges by provider: [low, high] around the provider's published fleet
 * figure (the mode, from the core's constants). Ends: best published site or
 * newest design (low) and the public-cloud average 1.25 (IDC 2024) or a wider
 * judgement (high) — see each `why`.
 */
const PUE_RANGES: Record<string, { low: number; high: number; why: string }> = {
  'pue.gcp': { low: 1.08, high: 1.15, why: 'Google fleet 1.12 (2016), 1.11 (2017), 1.10 (2021 Q2 TTM) (Google Environmental Reports 2017/2018; CNBC 2022-04-13), widened slightly for site-to-site variation' },
  'pue.aws': { low: 1.04, high: 1.25, why: 'AWS global 1.15 (2023, 2024), best site 1.04 (aws.amazon.com/sustainability/data-centers, 2025); high end = IDC public-cloud average 1.25 (2024)' },
  'pue.azure': { low: 1.12, high: 1.25, why: 'Microsoft fleet 1.18, newest designs ~1.12 (DatacenterDynamics, ~2023); high end = IDC public-cloud average 1.25 (2024)' },
  'pue.meta': { low: 1.06, high: 1.12, why: 'Meta fleet ~1.08 (DatacenterDynamics, ~2023); ±0.02–0.04 is a judgement for site variation' },
  'pue.oracle': { low: 1.15, high: 1.25, why: 'Oracle "as low as" 1.15 (DatacenterDynamics, ~2024); high end = IDC public-cloud average 1.25 (2024)' },
  'pue.industry-average': { low: 1.1, high: 2.0, why: 'unknown facility: from hyperscale (~1.1) to older enterprise rooms (~2.0; the 2007 industry average was 2.5), mode = Uptime Institute 2025 average 1.54' },
};

/** Default PUE range for a provider (gcp, aws, azure, meta, oracle) or, when unknown, any data centre. */
export function pueRange(provider?: string): RangeDefault {
  const key = (provider && providerPueKey(provider)) || 'pue.industry-average';
  const r = PUE_RANGES[key];
  return {
    name: 'pue',
    distribution: triangularDistribution(r.low, constant(key), r.high),
    unit: '',
    source: `triangular(${r.low}, ${constant(key)}, ${r.high}) for ${key.slice(4)}: ${r.why}; constants.md §1`,
  };
}

/**
 * Price spread across providers for an accelerator: each provider's most
 * recent `pricing` row (lowest when it lists several that day), with the
 * estimation core's filters (no LOW-CONFIDENCE rows, no community-cloud
 * offerings); drawn as explicit samples, one per provider, equally likely.
 * Undefined when the table has no price for the accelerator.
 */
export function priceRange(acceleratorId: string, pricing: PriceRow['pricing'] = 'on-demand'): RangeDefault | undefined {
  const latest = new Map<string, PriceRow>();
  for (const r of listPrices(acceleratorId)) {
    if (r.pricing !== pricing || /low confidence/i.test(r.notes) || /community/i.test(r.offering)) continue;
    const cur = latest.get(r.provider);
    if (!cur || r.date > cur.date || (r.date === cur.date && r.usdPerHour < cur.usdPerHour)) latest.set(r.provider, r);
  }
  const rows = [...latest.values()].sort((a, b) => a.usdPerHour - b.usdPerHour);
  if (rows.length === 0) return undefined;
  return {
    name: 'usdPerHour',
    distribution: rows.length === 1 ? pointDistribution(rows[0].usdPerHour) : samplesDistribution(rows.map((r) => r.usdPerHour)),
    unit: 'USD/h',
    source: `${pricing} price across ${rows.length} provider${rows.length > 1 ? 's' : ''}, each its latest row (packages/core/data/hardware/prices.csv): ${rows
      .map((r) => `${r.provider} ${r.usdPerHour} (${r.date})`)
      .join(', ')}`,
  };
}

/**
 * Grid-intensity range for a region query (as the core's getRegion takes it).
 * GCP regions with ≥ 2 years in 2021–2024: triangular(min, latest, max) over
 * those years of Google's per-region data. Other regions: lognormal with the
 * region's value as median and the typical year-to-year log-spread of a grid
 * (TYPICAL_GRID_LOG_SD, median over GCP regions) as σ.
 */
export function gridRange(regionQuery: string): RangeDefault {
  const region = getRegion(regionQuery);
  const bare = region.id.startsWith('gcp:') ? region.id.slice(4) : undefined;
  const years = bare ? GCP_CARBON_YEARS.find((r) => r.region === bare) : undefined;
  const values = years ? GCP_CARBON_RANGE_YEARS.filter((y) => years.gCO2ePerKWhByYear[y] !== undefined).map((y) => [y, years.gCO2ePerKWhByYear[y]] as const) : [];
  if (values.length >= 2) {
    const vs = values.map(([, v]) => v);
    const latest = values[values.length - 1];
    const d = triangularDistribution(Math.min(...vs), latest[1], Math.max(...vs));
    return {
      name: 'gridGCO2ePerKWh',
      distribution: d,
      unit: 'gCO2e/kWh',
      source: `triangular(min, latest, max) of ${region.id} yearly grid intensity ${values.map(([y, v]) => `${y}: ${v}`).join(', ')} (GoogleCloudPlatform/region-carbon-info data/yearly, Apache-2.0)`,
    };
  }
  const z = normalQuantile(0.95);
  const k = Math.exp(z * TYPICAL_GRID_LOG_SD);
  const v = region.gCO2ePerKWh;
  const d = v > 0 ? lognormalDistribution({ median: v, low: v / k, high: v * k }) : pointDistribution(v);
  return {
    name: 'gridGCO2ePerKWh',
    distribution: d,
    unit: 'gCO2e/kWh',
    source: `${describeDistribution(d)} around ${region.id} (${region.year}: ${v}; ${region.source}); spread = typical year-to-year log-sd ${TYPICAL_GRID_LOG_SD.toFixed(3)} of grid intensity, median over GCP regions 2021–2024 (GoogleCloudPlatform/region-carbon-info)`,
  };
}

/** Throws an InputError when a range default is needed but missing (e.g. no price for this accelerator). */
export function requirePriceRange(acceleratorId: string, pricing: PriceRow['pricing'] = 'on-demand'): RangeDefault {
  const r = priceRange(acceleratorId, pricing);
  if (!r) throw new InputError('price', `no ${pricing} price for ${acceleratorId} in the price table`, 'give --price USD_PER_HOUR (a number or a range such as 2..4)');
  return r;
}
