import { describe, expect, it } from 'vitest';
import { distributionQuantile } from './distribution.js';
import { gridRange, mfuRange, priceRange, pueRange } from './defaultRanges.js';
import { TYPICAL_GRID_LOG_SD } from '../data/gridYears.generated.js';

describe('default ranges', () => {
  it('centre on the estimation core defaults', () => {
    const mfu = mfuRange().distribution;
    expect(mfu).toMatchObject({ kind: 'triangular', low: 0.2, mode: 0.4, high: 0.5 });
    // AWS global PUE 1.15 (2023–24), best site 1.04
    expect(pueRange('aws').distribution).toMatchObject({ kind: 'triangular', low: 1.04, mode: 1.15 });
    expect(pueRange().source).toMatch(/Uptime/);
  });
  it('spans a GCP region across its 2021–2024 grid intensities (Google region-carbon-info)', () => {
    // us-central1: 2021 394, 2022 460, 2023 430, 2024 412.72 gCO2e/kWh
    expect(gridRange('gcp:us-central1').distribution).toEqual({ kind: 'triangular', low: 394, mode: 412.72, high: 460 });
  });
  it('uses the typical year-to-year spread where only one year is known', () => {
    const d = gridRange('FRA').distribution;
    expect(d.kind).toBe('lognormal');
    const ratio = distributionQuantile(d, 0.95) / distributionQuantile(d, 0.5);
    expect(Math.log(ratio) / 1.6448536).toBeCloseTo(TYPICAL_GRID_LOG_SD, 6);
    expect(TYPICAL_GRID_LOG_SD).toBeGreaterThan(0.05);
    expect(TYPICAL_GRID_LOG_SD).toBeLessThan(0.3);
  });
  it('spreads the price across providers, one row each', () => {
    const r = priceRange('nvidia-h100-sxm5-80gb')!;
    expect(r.distribution.kind).toBe('samples');
    const vs = (r.distribution as { values: number[] }).values;
    expect(vs.length).toBeGreaterThanOrEqual(4);
    expect(new Set(vs).size).toBeGreaterThan(2);
    expect(priceRange('no-such-accelerator')).toBeUndefined();
  });
});
