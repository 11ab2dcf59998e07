import { describe, expect, it } from 'vitest';
import { INPUT_BOUNDS } from './bounds.js';
import { estimateRun } from './estimateRun.js';
import { checkDistribution, uniformDistribution } from '../uncertainty/distribution.js';

// One table, two readers: a point value estimateRun rejects is a range the Monte Carlo rejects.
describe('INPUT_BOUNDS is the limit estimateRun and the Monte Carlo both apply', () => {
  const base = { params: 7e9, tokens: 1e12, hardware: 'nvidia-h100-sxm5-80gb', count: 64 };
  const cases: [string, keyof typeof INPUT_BOUNDS, number][] = [
    ['mfu', 'mfu', (INPUT_BOUNDS.mfu.max as number) + 0.01],
    ['pue', 'pue', (INPUT_BOUNDS.pue.min as number) - 0.01],
    ['hostOverhead', 'hostOverhead', (INPUT_BOUNDS.hostOverhead.max as number) + 0.01],
    ['powerFraction', 'powerFraction', (INPUT_BOUNDS.powerFraction.max as number) + 0.01],
    ['restartOverhead', 'restartOverhead', (INPUT_BOUNDS.restartOverhead.max as number) + 1],
  ];
  for (const [field, key, bad] of cases) {
    it(`${field} = ${bad} is out of bounds for both`, () => {
      expect(() => estimateRun({ ...base, [field]: bad })).toThrow(new RegExp(`^${field}: `));
      expect(() => checkDistribution(field, uniformDistribution(bad - 1e-3, bad), INPUT_BOUNDS[key])).toThrow(new RegExp(`^${field}: `));
    });
  }
  it('values inside the bounds pass', () => {
    expect(estimateRun({ ...base, mfu: INPUT_BOUNDS.mfu.max, pue: INPUT_BOUNDS.pue.min }).pue).toBe(1);
  });
  it('the grid is checked against the same table (field named grid, as the flag)', () => {
    expect(() => estimateRun({ ...base, gridGCO2ePerKWh: 2001 })).toThrow(/^grid: must be at most 2000 gCO2e\/kWh/);
  });
});
