import { describe, expect, it } from 'vitest';
import { uniformDistribution } from './distribution.js';
import { sampleDistribution, streamRng, streamSeed } from './sample.js';

describe('per-input random streams', () => {
  it('are deterministic per (seed, name) and differ across names and seeds', () => {
    expect(streamSeed(42, 'mfu')).toBe(streamSeed(42, 'mfu'));
    expect(streamSeed(42, 'mfu')).not.toBe(streamSeed(42, 'pue'));
    expect(streamSeed(42, 'mfu')).not.toBe(streamSeed(43, 'mfu'));
    const a = sampleDistribution(uniformDistribution(0, 1), 5, streamRng(7, 'x'));
    const b = sampleDistribution(uniformDistribution(0, 1), 5, streamRng(7, 'x'));
    expect(Array.from(a)).toEqual(Array.from(b));
  });
  it('are uncorrelated across names (|r| < 4/√n)', () => {
    const n = 20_000;
    const x = sampleDistribution(uniformDistribution(0, 1), n, streamRng(1, 'mfu'));
    const y = sampleDistribution(uniformDistribution(0, 1), n, streamRng(1, 'pue'));
    let sxy = 0, sx = 0, sy = 0, sxx = 0, syy = 0;
    for (let i = 0; i < n; i++) { sx += x[i]; sy += y[i]; sxy += x[i] * y[i]; sxx += x[i] ** 2; syy += y[i] ** 2; }
    const r = (sxy - (sx * sy) / n) / Math.sqrt((sxx - sx ** 2 / n) * (syy - sy ** 2 / n));
    expect(Math.abs(r)).toBeLessThan(4 / Math.sqrt(n));
  });
});
