import { describe, expect, it } from 'vitest';
import { estimateRun, type EstimateSpec } from '../estimate/estimateRun.js';
import { estimateRunUncertain } from './runUncertainty.js';
import { uniformDistribution } from './distribution.js';

// With no ranges and default ranges off, every Monte Carlo sample must equal the
// estimation core's point estimate: the per-sample model follows estimateRun's rules.
const specs: EstimateSpec[] = [
  { params: 70e9, tokens: 1.4e12, hardware: 'nvidia-h100-sxm5-80gb', count: 2048, region: 'gcp:us-central1' },
  { flops: 3e23, hardware: 'nvidia-a100-sxm4-80gb', count: 512, restartOverhead: 0.1, sweepOverhead: 0.2, region: 'FRA' },
  { params: 1e9, tokens: 2e10, hardware: 'google-tpu-v4', count: 64 },
  { params: 7e9, tokens: 2e12, hardware: 'nvidia-h100-sxm5-80gb', watts: 600, pue: 1.2, gridGCO2ePerKWh: 300, usdPerHour: 3 },
  { params: 671e9, activeParams: 37e9, tokens: 14.8e12, hardware: 'nvidia-h100-sxm5-80gb', count: 2048 },
  { acceleratorHours: 1e6, hardware: 'nvidia-a100-sxm4-80gb', watts: 400, region: 'DEU' },
  { acceleratorHours: 1e6, hardware: 'nvidia-a100-sxm4-80gb', mfu: 0.35, count: 512 },
  { preset: 'llama-2-70b' },
  { preset: 'deepseek-v3' },
  { preset: 'bloom-176b' },
  { preset: 'gpt-3' },
  { preset: 'opt-175b' },
  { preset: 'palm-540b', region: 'gcp:us-central1' },
];

describe('estimateRunUncertain agrees with estimateRun', () => {
  for (const spec of specs) {
    it(JSON.stringify(spec), () => {
      const e = estimateRun(spec);
      const r = estimateRunUncertain({ ...spec, defaultRanges: false, samples: 3 });
      const o = r.monteCarlo.outputs;
      const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
      expect(rel(o.acceleratorHours.median, e.acceleratorHours)).toBeLessThan(1e-12);
      expect(rel(o.energyKWh.median, e.energyKWh)).toBeLessThan(1e-12);
      expect(rel(o.co2eKg.median, e.co2eKg)).toBeLessThan(1e-12);
      if (e.flops !== null) expect(rel(o.flops.median, e.flops)).toBeLessThan(1e-12);
      else expect(o.flops).toBeUndefined();
      if (e.costUsd !== null) expect(rel(o.costUsd.median, e.costUsd)).toBeLessThan(1e-12);
      if (e.wallClockHours !== null) expect(rel(o.wallClockHours.median, e.wallClockHours)).toBeLessThan(1e-12);
      expect(o.co2eKg.low).toBe(o.co2eKg.high);
    });
  }

  it('keeps a preset’s paper values fixed and ranges only what the core defaulted', () => {
    // Llama 2 70B states GPU-hours, 400 W, PUE 1.1 and 385 g/kWh; no price (core default).
    const r = estimateRunUncertain({ preset: 'llama-2-70b', samples: 500 });
    const byName = Object.fromEntries(r.assumptions.map((a) => [a.name, a]));
    expect(byName.acceleratorHours.distribution.kind).toBe('point');
    expect(byName.watts.distribution.kind).toBe('point');
    expect(r.monteCarlo.outputs.acceleratorHours.low).toBe(r.monteCarlo.outputs.acceleratorHours.high);
    expect(byName.pue.distribution).toEqual({ kind: 'point', value: 1.1 });
    expect(byName.usdPerHour.distribution.kind).toBe('samples');
    expect(r.monteCarlo.outputs.costUsd.low).toBeLessThan(r.monteCarlo.outputs.costUsd.high);
    expect(r.monteCarlo.outputs.co2eKg.low).toBe(r.monteCarlo.outputs.co2eKg.high);
  });

  it('medians of the ranges feed the point estimate', () => {
    const r = estimateRunUncertain({ params: 7e9, tokens: 2e12, hardware: 'nvidia-h100-sxm5-80gb', mfu: uniformDistribution(0.3, 0.5), samples: 10 });
    expect(r.point.mfu).toBeCloseTo(0.4, 12);
  });
});
