import { describe, expect, it } from 'vitest';
import { constant } from '../data/constants.js';
import { InputError } from '../errors.js';
import { calculateEstimate } from './calculateEstimate.js';
import { estimateRun } from './estimateRun.js';
import { resolveEstimate } from './resolveEstimate.js';

const H100 = 'nvidia-h100-sxm5-80gb';

describe('resolveEstimate: each input with its origin', () => {
  it('marks the caller\'s fields user, table and constant look-ups default, TDP × fraction derived', () => {
    const r = resolveEstimate({ params: 7e9, tokens: 2e12, hardware: H100, count: 64, pue: 1.2 });
    expect(r.params).toMatchObject({ value: 7e9, origin: 'user', source: 'user' });
    expect(r.pue).toMatchObject({ value: 1.2, origin: 'user' });
    expect(r.mfu).toMatchObject({ value: constant('mfu.default'), origin: 'default' });
    expect(r.hostOverhead).toMatchObject({ value: constant('power.hostOverhead'), origin: 'default' });
    expect(r.usdPerHour?.origin).toBe('default');
    expect(r.gridGCO2ePerKWh.origin).toBe('default');
    expect(r.region?.id).toBe('world');
    expect(r.regionInput).toBeNull();
    expect(r.watts.origin).toBe('derived');
    expect(r.watts.value).toBeCloseTo(r.tdpW!.value * r.powerFraction!.value, 9);
    expect(r.flopsRule).toBe('6ND');
  });

  it('marks a preset\'s stated figures preset, with the paper as source, and the caller\'s replacements user', () => {
    const r = resolveEstimate({ preset: 'llama-2-70b', pue: 1.3 });
    expect(r.acceleratorHours?.origin).toBe('preset');
    expect(r.acceleratorHours?.source).toMatch(/Touvron|Llama/i);
    expect(r.hostOverhead.origin).toBe('preset');
    expect(r.pue).toMatchObject({ value: 1.3, origin: 'user' });
    expect(r.replaced).toContain('pue (given)');
  });

  it('derives params from an architecture, and host overhead 1 from given watts', () => {
    const r = resolveEstimate({ architecture: { layers: 2, dModel: 64, heads: 4, vocab: 100 }, tokens: 1e9, watts: 500 });
    expect(r.architecture?.origin).toBe('user');
    expect(r.params?.origin).toBe('derived');
    expect(r.watts).toMatchObject({ value: 500, origin: 'user' });
    expect(r.hostOverhead).toMatchObject({ value: 1, origin: 'derived' });
    expect(r.powerFraction).toBeNull();
  });

  it('leaves MFU to the calculation when hours and FLOPs fix it, and refuses a given one', () => {
    expect(resolveEstimate({ params: 1e9, tokens: 1e10, acceleratorHours: 100 }).mfu).toBeNull();
    const e = estimateRun({ params: 1e9, tokens: 1e10, acceleratorHours: 100 });
    expect(e.assumptions.find((a) => a.name === 'mfu')?.source).toMatch(/implied/);
    expect(() => resolveEstimate({ params: 1e9, tokens: 1e10, acceleratorHours: 100, mfu: 0.3 })).toThrow(InputError);
  });

  it('estimateRun is the calculation of the resolved spec', () => {
    const spec = { preset: 'bloom-176b', region: 'FRA', embodied: true };
    expect(calculateEstimate(resolveEstimate(spec))).toEqual(estimateRun(spec));
  });
});
