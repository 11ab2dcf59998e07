// The plain-number functions the Monte Carlo calls, against hand arithmetic.
import { describe, expect, it } from 'vitest';
import { acceleratorHours, acceleratorsForDeadline, flopsForBudget, flopsFromHours, impliedMfu, wallClockHours } from './time.js';
import { costUsd, overheadFraction } from './cost.js';
import { averageWatts, energyKWh, householdYears } from './energy.js';
import { co2eKg, embodiedCo2eKg, waterLitres } from './carbon.js';

describe('time', () => {
  it('1e21 FLOPs on 312 TFLOP/s at 50 % → 1780.6 h; inverses round-trip', () => {
    const h = acceleratorHours(1e21, 312e12, 0.5);
    expect(h).toBeCloseTo(1e21 / (312e12 * 0.5 * 3600), 9);
    expect(flopsFromHours(h, 312e12, 0.5)).toBeCloseTo(1e21, -6);
    expect(impliedMfu(1e21, h, 312e12)).toBeCloseTo(0.5, 12);
    expect(wallClockHours(h, 8)).toBeCloseTo(h / 8, 12);
  });
  it('accelerators for a deadline is the smallest count that makes it', () => {
    const n = acceleratorsForDeadline(1e24, 989.4e12, 0.4, 720);
    expect(wallClockHours(acceleratorHours(1e24, 989.4e12, 0.4), n)).toBeLessThanOrEqual(720);
    expect(wallClockHours(acceleratorHours(1e24, 989.4e12, 0.4), n - 1)).toBeGreaterThan(720);
  });
  it('a $1M budget at $2/h on 989.4 TFLOP/s at 40 % buys 7.12e23 FLOPs', () => {
    expect(flopsForBudget(1e6, 2, 989.4e12, 0.4)).toBeCloseTo(5e5 * 3600 * 989.4e12 * 0.4, -10);
  });
});

describe('cost, energy, carbon', () => {
  it('cost with overheads', () => {
    expect(costUsd(1000, 2)).toBe(2000);
    expect(costUsd(1000, 2, overheadFraction(0.1, 0.2))).toBeCloseTo(2600, 9);
  });
  it('Llama-2-70B arithmetic: 1,720,320 h × 400 W × 1.1 = 756,940.8 kWh; × 385 g = 291,422 kg (Touvron et al. 2023, Table 2)', () => {
    const kWh = energyKWh({ acceleratorHours: 1_720_320, watts: 400, pue: 1.1 });
    expect(kWh).toBeCloseTo(756_940.8, 6);
    expect(co2eKg(kWh, 385)).toBeCloseTo(291_422.2, 0);
  });
  it('power, households, embodied, water', () => {
    expect(averageWatts(700, 0.7)).toBeCloseTo(490, 9);
    expect(householdYears(10_715, 10_715)).toBe(1);
    expect(embodiedCo2eKg(6 * 8760 * 0.85, 150, 6, 0.85)).toBeCloseTo(150, 9);
    expect(waterLitres(1000, 0.55, 1100, 3.1)).toBeCloseTo(550 + 3410, 9);
  });
});
