import { describe, expect, it } from 'vitest';
import { GCP_CARBON_YEARS, GCP_CARBON_YEAR_BASIS } from './gridYears.generated.js';

describe('embedded Google per-year region carbon', () => {
  it('holds known values (GoogleCloudPlatform/region-carbon-info data/yearly)', () => {
    // europe-north1 (Finland): 2019 lifecycle 181; 2024 grid 39.32 gCO2e/kWh
    const fi = GCP_CARBON_YEARS.find((r) => r.region === 'europe-north1')!;
    expect(fi.gCO2ePerKWhByYear[2019]).toBe(181);
    expect(fi.gCO2ePerKWhByYear[2024]).toBe(39.32);
    expect(GCP_CARBON_YEAR_BASIS[2019]).toBe('lifecycle');
    expect(GCP_CARBON_YEAR_BASIS[2024]).toMatch(/grid/);
  });
});
