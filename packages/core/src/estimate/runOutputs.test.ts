import { describe, expect, it } from 'vitest';
import { runOutputs } from './runOutputs.js';

const base = { computeHours: 1_720_320, restartOverhead: 0, sweepOverhead: 0, count: null, usdPerHour: null, watts: 400, hostOverhead: 1, pue: 1.1, gridGCO2ePerKWh: 385 };

describe('runOutputs (the one run formula)', () => {
  it('Llama 2 70B: 1,720,320 A100-hours at 400 W, PUE 1.1, 385 gCO2e/kWh → 291.42 tCO2e (Touvron et al. 2023, Table 2)', () => {
    const r = runOutputs(base);
    expect(r.itEnergyKWh).toBeCloseTo(688_128, 6);
    expect(r.energyKWh).toBeCloseTo(756_940.8, 6);
    expect(r.co2eKg / 1000).toBeCloseTo(291.42, 2);
    expect(r.wallClockHours).toBeNull();
    expect(r.costUsd).toBeNull();
  });
  it('restarts lengthen the run and its wall-clock; the sweep adds hours and cost but no wall-clock', () => {
    const r = runOutputs({ ...base, computeHours: 1000, restartOverhead: 0.1, sweepOverhead: 0.2, count: 10, usdPerHour: 2 });
    expect(r.totalHours).toBeCloseTo(1300, 9);
    expect(r.wallClockHours).toBeCloseTo(110, 9);
    expect(r.costUsd).toBeCloseTo(2600, 9);
  });
  it('a measured energy replaces power × hours and scales with the overheads', () => {
    const r = runOutputs({ ...base, measuredEnergyKWh: 1000, restartOverhead: 0.5 });
    expect(r.energyKWh).toBeCloseTo(1500, 9);
    expect(r.itEnergyKWh).toBeCloseTo(1500 / 1.1, 9);
  });
});
