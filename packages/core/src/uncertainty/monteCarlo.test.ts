import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { lognormalDistribution, normalDistribution, uniformDistribution } from './distribution.js';
import { monteCarlo } from './monteCarlo.js';
import { normalQuantile } from './normalQuantile.js';

describe('monteCarlo', () => {
  it('carries a lognormal input through a linear model to the analytic interval', () => {
    // y = 3.2e3 · x with x lognormal(median 0.4, 90% interval 0.25–0.64): y's 5/50/95%
    // points are exactly 3.2e3 × (0.25, 0.4, 0.64). Tolerance: 4 standard errors of a
    // sample quantile, √(p(1−p)/n) / f(q), with f the lognormal density at q.
    const n = 10_000;
    const d = lognormalDistribution({ median: 0.4, low: 0.25, high: 0.64 });
    const r = monteCarlo({ inputs: { x: d }, model: ({ x }) => ({ y: 3.2e3 * x }), samples: n, seed: 11 });
    const sigma = Math.log(0.64 / 0.4) / normalQuantile(0.95);
    const density = (q: number) => Math.exp(-((Math.log(q / 0.4) / sigma) ** 2) / 2) / (q * sigma * Math.sqrt(2 * Math.PI));
    for (const [got, q, p] of [[r.outputs.y.low, 0.25, 0.05], [r.outputs.y.median, 0.4, 0.5], [r.outputs.y.high, 0.64, 0.95]] as const) {
      const se = (3.2e3 * Math.sqrt((p * (1 - p)) / n)) / density(q);
      expect(Math.abs(got - 3.2e3 * q)).toBeLessThan(4 * se);
    }
  });

  it('adds independent normals: interval ± z·√(σ1² + σ2²)', () => {
    const z = normalQuantile(0.95);
    const r = monteCarlo({
      inputs: { a: normalDistribution({ median: 10, low: 10 - 2 * z, high: 10 + 2 * z }), b: normalDistribution({ median: 5, low: 5 - z, high: 5 + z }) },
      model: ({ a, b }) => ({ s: a + b }),
      samples: 40_000,
      seed: 2,
    });
    const sd = Math.sqrt(5);
    expect(r.outputs.s.median).toBeCloseTo(15, 1);
    expect(Math.abs(r.outputs.s.high - (15 + z * sd))).toBeLessThan(0.08);
    expect(Math.abs(r.outputs.s.low - (15 - z * sd))).toBeLessThan(0.08);
  });

  it('is reproducible with a seed and changes with it', () => {
    const spec = { inputs: { x: uniformDistribution(1, 2), y: 3 }, model: ({ x, y }: Record<string, number>) => ({ z: x * y }), samples: 500 };
    const a = monteCarlo({ ...spec, seed: 7 });
    const b = monteCarlo({ ...spec, seed: 7 });
    const c = monteCarlo({ ...spec, seed: 8 });
    expect(Array.from(a.outputs.z.samples)).toEqual(Array.from(b.outputs.z.samples));
    expect(a.outputs.z.median).not.toBe(c.outputs.z.median);
  });

  it('keeps an input stream unchanged when another input is added', () => {
    const a = monteCarlo({ inputs: { x: uniformDistribution(0, 1) }, model: ({ x }) => ({ x }), samples: 100 });
    const b = monteCarlo({ inputs: { w: uniformDistribution(0, 1), x: uniformDistribution(0, 1) }, model: ({ x }) => ({ x }), samples: 100 });
    expect(Array.from(b.inputs.x)).toEqual(Array.from(a.inputs.x));
  });

  it('resamples joint rows together', () => {
    const r = monteCarlo({ inputs: {}, joint: { fit: { p: [1, 2, 3], q: [10, 20, 30] } }, model: ({ p, q }) => ({ ratio: q / p }), samples: 300 });
    expect(r.outputs.ratio.low).toBe(10);
    expect(r.outputs.ratio.high).toBe(10);
    expect(new Set(r.inputs.p).size).toBe(3);
  });

  it('rejects impossible ranges, bad sample counts and NaN outputs', () => {
    expect(() => monteCarlo({ inputs: { pue: uniformDistribution(1.6, 1.1) }, model: ({ pue }) => ({ e: pue }) })).toThrow(/pue: range low 1.6 is above high 1.1/);
    expect(() => monteCarlo({ inputs: { pue: -1 }, bounds: { pue: { min: 1 } }, model: ({ pue }) => ({ e: pue }) })).toThrow(InputError);
    expect(() => monteCarlo({ inputs: { x: 1 }, model: ({ x }) => ({ y: x }), samples: 0 })).toThrow(/samples/);
    expect(() => monteCarlo({ inputs: { x: uniformDistribution(-1, 1) }, model: ({ x }) => ({ y: Math.sqrt(x) }), samples: 100 })).toThrow(/output y is NaN/);
  });

  it('reports the share of infinite outputs and keeps them in the quantiles', () => {
    const r = monteCarlo({ inputs: { x: uniformDistribution(0, 1) }, model: ({ x }) => ({ y: x > 0.8 ? Infinity : x }), samples: 10_000, seed: 1 });
    expect(r.outputs.y.infiniteFraction).toBeGreaterThan(0.17);
    expect(r.outputs.y.infiniteFraction).toBeLessThan(0.23);
    expect(r.outputs.y.high).toBe(Infinity);
    expect(r.outputs.y.median).toBeCloseTo(0.5, 1);
  });
});
