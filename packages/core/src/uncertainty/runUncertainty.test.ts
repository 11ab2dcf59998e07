import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { getAccelerator, peakFlopsPerSecond } from '../data/hardware.js';
import { lognormalDistribution, uniformDistribution } from './distribution.js';
import { normalQuantile } from './normalQuantile.js';
import { estimateRunUncertain } from './runUncertainty.js';

const H100 = 'nvidia-h100-sxm5-80gb';
const fixed = { powerFraction: 0.7, hostOverhead: 1.1, usdPerHour: 4, gridGCO2ePerKWh: 400, mfu: 0.4 };

describe('estimateRunUncertain', () => {
  it('carries a lognormal PUE through the linear energy estimate to the analytic interval', () => {
    // energy = accH · W · host · PUE / 1000 is linear in PUE, so its 5/50/95% points are
    // those of PUE (1.2, 1.4, 1.7) times the fixed factor. PUE's truncation at 1 removes
    // ~0.02% of the lower tail (z = ln(1/1.4)/σ ≈ −3.6), far below the tolerance:
    // 4 standard errors of a sample quantile, √(p(1−p)/n)/f(q), f the lognormal density.
    const n = 10_000;
    const r = estimateRunUncertain({ ...fixed, params: 7e9, tokens: 2e12, hardware: H100, pue: lognormalDistribution({ median: 1.4, low: 1.2, high: 1.7 }), samples: n, seed: 5 });
    const acc = getAccelerator(H100);
    const accH = (6 * 7e9 * 2e12) / (peakFlopsPerSecond(acc).flopsPerSecond * 0.4 * 3600);
    const k = (accH * acc.tdpW! * 0.7 * 1.1) / 1000;
    const e = r.monteCarlo.outputs.energyKWh;
    const z = normalQuantile(0.95);
    for (const [got, q, p, sigma] of [[e.low, 1.2, 0.05, Math.log(1.4 / 1.2) / z], [e.median, 1.4, 0.5, Math.log(1.7 / 1.4) / z], [e.high, 1.7, 0.95, Math.log(1.7 / 1.4) / z]] as const) {
      const density = Math.exp(-((Math.log(q / 1.4) / sigma) ** 2) / 2) / (q * sigma * Math.sqrt(2 * Math.PI));
      const se = (k * Math.sqrt((p * (1 - p)) / n)) / density;
      expect(Math.abs(got - k * q)).toBeLessThan(4 * se);
    }
    // outputs that do not depend on PUE stay fixed
    expect(r.monteCarlo.outputs.costUsd.low).toBeCloseTo(r.monteCarlo.outputs.costUsd.high, 6);
    expect(r.sensitivity.bars.energyKWh.map((b) => b.input)).toEqual(['pue']);
  });

  it('uses sourced default ranges for inputs left out and ranks them', () => {
    const r = estimateRunUncertain({ params: 70e9, tokens: 1.4e12, hardware: H100, count: 2048, region: 'gcp:us-central1', samples: 2000 });
    const names = r.assumptions.map((a) => a.name);
    expect(names).toEqual(expect.arrayContaining(['mfu', 'powerFraction', 'hostOverhead', 'pue', 'usdPerHour', 'gridGCO2ePerKWh']));
    for (const a of r.assumptions) expect(a.source.length).toBeGreaterThan(3);
    const pue = r.assumptions.find((a) => a.name === 'pue')!;
    expect(pue.source).toMatch(/gcp/);
    const o = r.monteCarlo.outputs;
    for (const k of ['acceleratorHours', 'costUsd', 'energyKWh', 'co2eKg'] as const) {
      expect(o[k].low).toBeLessThan(o[k].median);
      expect(o[k].median).toBeLessThan(o[k].high);
    }
    expect(o.wallClockHours.median).toBeCloseTo(o.acceleratorHours.median / 2048, 6);
    // price spread across providers dominates cost; MFU dominates accelerator-hours
    expect(r.sensitivity.bars.acceleratorHours[0].input).toBe('mfu');
    expect(['usdPerHour', 'mfu']).toContain(r.sensitivity.bars.costUsd[0].input);
  });

  it('is reproducible with a seed', () => {
    const spec = { params: 1e9, tokens: 2e10, hardware: H100, samples: 1000 };
    const a = estimateRunUncertain({ ...spec, seed: 9 }).monteCarlo.outputs.co2eKg;
    const b = estimateRunUncertain({ ...spec, seed: 9 }).monteCarlo.outputs.co2eKg;
    const c = estimateRunUncertain({ ...spec, seed: 10 }).monteCarlo.outputs.co2eKg;
    expect(Array.from(a.samples)).toEqual(Array.from(b.samples));
    expect(c.median).not.toBe(a.median);
  });

  it('gives clear errors for impossible ranges', () => {
    const base = { params: 1e9, tokens: 2e10, hardware: H100, samples: 10 };
    expect(() => estimateRunUncertain({ ...base, mfu: 1.2 })).toThrow(/mfu: must be at most 1/);
    expect(() => estimateRunUncertain({ ...base, mfu: uniformDistribution(0.5, 0.3) })).toThrow(/mfu: range low 0.5 is above high 0.3/);
    expect(() => estimateRunUncertain({ ...base, pue: uniformDistribution(0.9, 1.2) })).toThrow(/pue: must be at least 1.*PUE is facility energy/);
    expect(() => estimateRunUncertain({ ...base, pue: -1.3 })).toThrow(InputError);
    expect(() => estimateRunUncertain({ ...base, tokens: undefined })).toThrow(/tokens/);
    expect(() => estimateRunUncertain({ ...base, samples: -5 })).toThrow(/samples/);
  });
  it('reads each input\'s origin from the resolve step: a preset\'s figure stays a point, a default gets its range', () => {
    const kept = estimateRunUncertain({ preset: 'llama-2-70b', samples: 200 });
    const host = kept.assumptions.find((a) => a.name === 'hostOverhead')!;
    expect(host.distribution.kind).toBe('point');
    expect(host.source).toMatch(/Llama|GPU power/);
    // Another accelerator drops the paper's power figures: host overhead is then the dated default, with its range.
    const moved = estimateRunUncertain({ preset: 'llama-2-70b', hardware: H100, samples: 200 });
    expect(moved.assumptions.find((a) => a.name === 'hostOverhead')!.distribution.kind).not.toBe('point');
    expect(moved.assumptions.find((a) => a.name === 'powerFraction')!.distribution.kind).not.toBe('point');
  });
});
