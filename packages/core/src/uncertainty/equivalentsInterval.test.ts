import { describe, expect, it } from 'vitest';
import { co2eEquivalents } from '../estimate/equivalents.js';
import { equivalentsInterval, formatEquivalentInterval } from './equivalentsInterval.js';
import { estimateRunUncertain } from './runUncertainty.js';

describe('equivalentsInterval', () => {
  const r = estimateRunUncertain({ params: 7e9, tokens: 1e12, count: 256, samples: 2000, seed: 1 });
  const q = equivalentsInterval(r);

  it('is the CO2e interval divided by each factor (a quantile of an increasing function is the function of the quantile)', () => {
    const co2 = r.monteCarlo.outputs.co2eKg;
    for (const [name, at] of [['median', co2.median], ['low', co2.low], ['high', co2.high]] as const) {
      const direct = co2eEquivalents(at);
      expect(q.carKmUs![name]).toBeCloseTo(direct.carKmUs.value, 9);
      expect(q.flightsNySf![name]).toBeCloseTo(direct.flightsNySf.value, 9);
      expect(q.treeYears![name]).toBeCloseTo(direct.treeYears.value, 9);
    }
    // Each equals the quantile of the per-sample equivalents (samples ÷ 251 g/km, then sorted).
    const perSample = Array.from(r.monteCarlo.outputs.co2eKg.samples, (kg) => (kg * 1000) / 251).sort((a, b) => a - b);
    expect(q.carKmUs!.low).toBeGreaterThanOrEqual(perSample[0]);
    expect(q.carKmUs!.high).toBeLessThanOrEqual(perSample[perSample.length - 1]);
    expect(q.carKmUs!.low).toBeLessThan(q.carKmUs!.median);
    expect(q.carKmUs!.median).toBeLessThan(q.carKmUs!.high);
  });

  it('gives household-years from the energy interval and the household constant the point estimate used', () => {
    const e = r.monteCarlo.outputs.energyKWh;
    const k = r.point.energyKWh / r.point.householdYears;
    expect(q.householdYears!.median).toBeCloseTo(e.median / k, 9);
    expect(q.householdYears!.low).toBeCloseTo(e.low / k, 9);
    expect(q.householdYears!.source).toMatch(/\(data ~?\d{4}\)/);
    const eu = equivalentsInterval(estimateRunUncertain({ params: 7e9, tokens: 1e12, count: 256, household: 'eu', samples: 500, seed: 1 }));
    expect(eu.householdYears!.factor).not.toBe(q.householdYears!.factor);
  });

  it('formats the median and the interval', () => {
    expect(formatEquivalentInterval({ unit: 'km by US car', median: 2.8e6, low: 1.2e6, high: 5e6, factor: 251, factorUnit: 'g per unit', source: '' })).toBe('2.8M [1.2M – 5M] km by US car');
    expect(formatEquivalentInterval({ unit: 'tree-years', median: 3, low: 3, high: 3, factor: 11, factorUnit: 'g per unit', source: '' })).toBe('3 tree-years');
  });
});
