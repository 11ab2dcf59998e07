import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { createRng } from '../random.js';
import {
  checkDistribution, distributionQuantile, lognormalDistribution, normalDistribution, pointDistribution,
  samplesDistribution, triangularDistribution, uniformDistribution,
} from './distribution.js';
import { sampleDistribution } from './sample.js';
import { summarize } from './summary.js';

describe('checkDistribution', () => {
  it('names the field and the fix for impossible ranges', () => {
    expect(() => checkDistribution('mfu', uniformDistribution(0.5, 0.3))).toThrow(/mfu: range low 0.5 is above high 0.3/);
    expect(() => checkDistribution('pue', uniformDistribution(0.9, 1.2), { min: 1 })).toThrow(InputError);
    expect(() => checkDistribution('pue', pointDistribution(-1.2), { min: 1 })).toThrow(/pue: must be at least 1/);
    expect(() => checkDistribution('mfu', triangularDistribution(0.3, 0.5, 1.2), { exclusiveMin: 0, max: 1 })).toThrow(/mfu: must be at most 1/);
    expect(() => checkDistribution('x', triangularDistribution(0.3, 0.9, 0.5))).toThrow(/mode 0.9 is outside/);
    expect(() => checkDistribution('x', lognormalDistribution({ low: -1, high: 2, median: 1 }))).toThrow(/positive/);
    expect(() => checkDistribution('x', normalDistribution({ low: 1, high: 2, median: 3 }))).toThrow(/median 3 is outside/);
    expect(() => checkDistribution('x', samplesDistribution([]))).toThrow(/empty/);
    expect(() => checkDistribution('x', pointDistribution(NaN))).toThrow(/finite/);
  });
  it('accepts well-formed distributions inside their bounds', () => {
    expect(checkDistribution('pue', uniformDistribution(1.1, 1.6), { min: 1 }).kind).toBe('uniform');
    expect(checkDistribution('mfu', lognormalDistribution({ median: 0.4, low: 0.3, high: 0.55 }), { exclusiveMin: 0, max: 1 }).kind).toBe('lognormal');
  });
});

describe('distributionQuantile', () => {
  it('puts normal/lognormal interval ends at the 5th and 95th percentiles, even when asymmetric', () => {
    const ln = lognormalDistribution({ median: 1.3, low: 1.1, high: 1.9 });
    expect(distributionQuantile(ln, 0.05)).toBeCloseTo(1.1, 10);
    expect(distributionQuantile(ln, 0.5)).toBeCloseTo(1.3, 10);
    expect(distributionQuantile(ln, 0.95)).toBeCloseTo(1.9, 10);
    const n = normalDistribution({ median: 10, low: 8, high: 15, level: 0.8 });
    expect(distributionQuantile(n, 0.1)).toBeCloseTo(8, 10);
    expect(distributionQuantile(n, 0.9)).toBeCloseTo(15, 10);
  });
  it('gives the closed-form triangular and uniform quantiles', () => {
    // triangular(0, 1, 2) is symmetric: median 1; P(X ≤ 0.5) = 0.125
    expect(distributionQuantile(triangularDistribution(0, 1, 2), 0.5)).toBeCloseTo(1, 12);
    expect(distributionQuantile(triangularDistribution(0, 1, 2), 0.125)).toBeCloseTo(0.5, 12);
    expect(distributionQuantile(uniformDistribution(2, 4), 0.25)).toBe(2.5);
  });
});

describe('sampleDistribution', () => {
  const n = 100_000;
  it('draws samples whose quantiles match the distribution to sampling error', () => {
    const rng = createRng(3);
    for (const d of [
      uniformDistribution(1, 3),
      triangularDistribution(0.2, 0.4, 0.55),
      normalDistribution({ median: 1.35, low: 1.1, high: 1.6 }),
      lognormalDistribution({ median: 400, low: 300, high: 700 }),
    ]) {
      const s = summarize(sampleDistribution(d, n, rng));
      const width = distributionQuantile(d, 0.95) - distributionQuantile(d, 0.05);
      // with n = 1e5 a percentile's standard error is well under 1% of the 90% width
      for (const [got, p] of [[s.low, 0.05], [s.median, 0.5], [s.high, 0.95]] as const) {
        expect(Math.abs(got - distributionQuantile(d, p))).toBeLessThan(0.02 * width);
      }
    }
  });
  it('truncates unbounded tails at the bounds', () => {
    const s = sampleDistribution(normalDistribution({ median: 1.1, low: 0.95, high: 1.25 }), 20_000, createRng(1), { min: 1 });
    expect(Math.min(...s)).toBeGreaterThanOrEqual(1);
  });
  it('draws explicit samples with replacement', () => {
    const s = sampleDistribution(samplesDistribution([1, 2, 3]), 3000, createRng(5));
    expect(new Set(s)).toEqual(new Set([1, 2, 3]));
    expect(Math.abs(s.filter((v) => v === 2).length / 3000 - 1 / 3)).toBeLessThan(0.05);
  });
});
