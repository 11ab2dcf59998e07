/**
 * Grid carbon intensity by country (ISO3 or name), by cloud region
 * (`gcp:us-central1`, `us-east-1`, `East US`) or `world`. Location-based
 * yearly averages only; see packages/core/data/carbon/PROVENANCE.md.
 */
import { COUNTRY_CARBON } from './countryCarbon.generated.js';
import { CLOUD_REGION_CARBON } from './cloudRegionCarbon.generated.js';
import { constantRow, constantSource, providerPueKey } from './constants.js';
import { fuzzyGet, normalizeKey, type Candidate } from '../lookup.js';

export interface GridRegion {
  kind: 'country' | 'cloud' | 'world';
  /** `FRA`, `gcp:europe-west1`, `world`. */
  id: string;
  name: string;
  provider?: 'gcp' | 'aws' | 'azure';
  gCO2ePerKWh: number;
  /** Year of the grid data. */
  year: string;
  basis: string;
  source: string;
  /** Constant key of the provider's fleet PUE, for cloud regions. */
  pueKey?: string;
}

const world = constantRow('grid.world.gPerKWh');

const REGIONS: GridRegion[] = [
  {
    kind: 'world', id: 'world', name: 'World average', gCO2ePerKWh: world.value, year: world.date,
    basis: 'location-based, lifecycle', source: constantSource(world),
  },
  ...COUNTRY_CARBON.map((c): GridRegion => ({
    kind: 'country', id: c.iso3, name: c.country, gCO2ePerKWh: c.gCO2ePerKWh, year: String(c.year),
    basis: 'location-based yearly average, lifecycle', source: c.source,
  })),
  ...CLOUD_REGION_CARBON.map((r): GridRegion => ({
    kind: 'cloud', id: `${r.provider}:${normalizeRegionId(r.region)}`, name: `${r.provider.toUpperCase()} ${r.region} (${r.location})`,
    provider: r.provider, gCO2ePerKWh: r.gCO2ePerKWh, year: r.dataYear, basis: r.basis, source: r.source, pueKey: providerPueKey(r.provider),
  })),
];

/** Azure names regions "East US"; ids use "eastus" like Azure's own CLI. */
function normalizeRegionId(region: string): string {
  return region.includes(' ') ? region.toLowerCase().replace(/\s+/g, '') : region;
}

// Keys: the id, the bare region name for cloud regions, ISO3 and name for countries.
// Locations ("Ireland") are not keys: several regions share one; search finds them.
const CANDIDATES: Candidate<GridRegion>[] = REGIONS.map((r) => {
  const keys = [r.id];
  if (r.kind === 'country') keys.push(r.name);
  if (r.kind === 'cloud') {
    const bare = r.id.slice(r.id.indexOf(':') + 1);
    keys.push(bare, `${r.provider} ${bare}`);
    const raw = CLOUD_REGION_CARBON.find((x) => `${x.provider}:${normalizeRegionId(x.region)}` === r.id)!;
    if (raw.region !== bare) keys.push(raw.region);
  }
  return { id: r.id, keys, value: r };
});

// A few everyday aliases for the largest grids (ISO2 codes people type).
const ALIASES: Record<string, string> = { us: 'USA', usa: 'USA', uk: 'GBR', gb: 'GBR', fr: 'FRA', de: 'DEU', cn: 'CHN', in: 'IND', jp: 'JPN', ca: 'CAN', se: 'SWE', no: 'NOR', ie: 'IRL', nl: 'NLD', au: 'AUS', br: 'BRA', sg: 'SGP', kr: 'KOR' };

/**
 * A grid region and its carbon intensity: a country (ISO 3166 alpha-3, from Our World in
 * Data via CodeCarbon) or a cloud region (`gcp:europe-west1`, from Google and Cloud Carbon
 * Footprint); see data/carbon/PROVENANCE.md. Bare cloud region names shared by providers
 * are ambiguous and need the `provider:` prefix.
 *
 * @param query - a country code or name, or `provider:region`
 * @returns the region with gCO2e/kWh, its year, basis and source
 * @throws InputError for field `region` with suggestions when nothing matches
 * @example
 * ```ts
 * import { getRegion } from '@scaling-lab/core';
 * getRegion('FRA').gCO2ePerKWh; // → 56.039
 * ```
 */
export function getRegion(query: string): GridRegion {
  if (query === 'world') return REGIONS[0];
  // Own keys only: "constructor" must not reach Object.prototype.
  const key = normalizeKey(query);
  const alias = Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
  return fuzzyGet('region', 'region', alias ?? query, CANDIDATES, 'list them with `scaling-lab regions [search]`').value;
}

/**
 * The grid carbon intensity of a region in gCO2e/kWh ({@link getRegion}'s `gCO2ePerKWh`).
 *
 * @param query - a country code or name, or `provider:region`
 * @returns gCO2e/kWh
 * @throws InputError for field `region` with suggestions when nothing matches
 * @example
 * ```ts
 * import { gridIntensity } from '@scaling-lab/core';
 * gridIntensity('FRA'); // → 56.039
 * ```
 */
export function gridIntensity(query: string): number {
  return getRegion(query).gCO2ePerKWh;
}

/**
 * The grid regions with carbon intensity (world, countries, cloud regions), all of them or those whose
 * id, name, provider or location contains `search`, case and punctuation ignored.
 *
 * @param search - text to filter by; omit for every region
 * @returns the matching regions
 * @example
 * ```ts
 * import { listRegions } from '@scaling-lab/core';
 * listRegions().length; // → 307
 * listRegions('france').map((r) => r.id).join(', '); // → 'FRA, aws:eu-west-3, azure:francecentral'
 * ```
 */
export function listRegions(search?: string): GridRegion[] {
  if (!search) return REGIONS.slice();
  const q = normalizeKey(search);
  return REGIONS.filter((r) => normalizeKey(`${r.id} ${r.name} ${r.provider ?? ''}`).includes(q));
}
