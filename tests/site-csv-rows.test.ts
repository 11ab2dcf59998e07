// The site's CSV export carries the CO2e equivalents as raw numbers with the unit counted.
import { describe, expect, it } from 'vitest';
import { estimateRun } from '@scaling-lab/core';
import { estimateCsvRows } from '../packages/site/src/lib/csv-rows.js';

describe('site CSV rows', () => {
  it('include car-km, flights and tree-years equal to core, unformatted', () => {
    const e = estimateRun({ params: 7e9, tokens: 1e12, hardware: 'nvidia-h100-sxm5-80gb', gridGCO2ePerKWh: 400 });
    const rows = estimateCsvRows({ params: '7B' }, e);
    const row = (name: string) => rows.find((r) => r.name === name);
    expect(row('equivalent.carKmUs')).toEqual({ kind: 'output', name: 'equivalent.carKmUs', value: (e.co2eKg * 1000) / 251, unit: 'km by US car' });
    expect(row('equivalent.flightsNySf')?.value).toBeCloseTo(e.co2eKg / 570, 9);
    expect(row('equivalent.flightsNySf')?.unit).toBe('NY–SF flights (one passenger)');
    expect(row('equivalent.treeYears')?.value).toBeCloseTo(e.co2eKg / 11, 9);
    expect(rows.filter((r) => r.name.startsWith('equivalent.'))).toHaveLength(5);
  });
});
