// Property tests (fast-check) of the estimator's scaling laws of its own.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { estimateRun } from './estimateRun.js';
import { acceleratorHours, wallClockHours } from './time.js';
import { costUsd } from './cost.js';
import { energyKWh } from './energy.js';

const flopsArb = fc.double({ min: 1e18, max: 1e26, noNaN: true });
const countArb = fc.integer({ min: 1, max: 100_000 });
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('estimator properties', () => {
  it('more accelerators → less wall time and the same accelerator-hours', () => {
    fc.assert(fc.property(flopsArb, countArb, countArb, (flops, c1, c2) => {
      fc.pre(c1 !== c2);
      const a = estimateRun({ flops, count: c1 });
      const b = estimateRun({ flops, count: c2 });
      expect(rel(a.acceleratorHours, b.acceleratorHours)).toBeLessThan(1e-12);
      expect(c1 < c2 ? a.wallClockHours! > b.wallClockHours! : a.wallClockHours! < b.wallClockHours!).toBe(true);
    }), { numRuns: 200 });
  });

  it('cost is linear in price', () => {
    fc.assert(fc.property(flopsArb, fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: 0.1, max: 10, noNaN: true }), (flops, price, k) => {
      const a = estimateRun({ flops, usdPerHour: price });
      const b = estimateRun({ flops, usdPerHour: price * k });
      expect(rel(b.costUsd!, a.costUsd! * k)).toBeLessThan(1e-9);
    }), { numRuns: 200 });
  });

  it('energy and CO2e are linear in PUE', () => {
    fc.assert(fc.property(flopsArb, fc.double({ min: 1, max: 1.5, noNaN: true }), fc.double({ min: 1, max: 2, noNaN: true }), (flops, pue1, k) => {
      const a = estimateRun({ flops, pue: pue1 });
      const b = estimateRun({ flops, pue: pue1 * k });
      expect(rel(b.energyKWh, a.energyKWh * k)).toBeLessThan(1e-9);
      expect(rel(b.co2eKg, a.co2eKg * k)).toBeLessThan(1e-9);
    }), { numRuns: 200 });
  });

  it('higher MFU → fewer accelerator-hours, inversely proportional', () => {
    fc.assert(fc.property(flopsArb, fc.double({ min: 0.05, max: 0.5, noNaN: true }), (flops, mfu) => {
      const a = estimateRun({ flops, mfu });
      const b = estimateRun({ flops, mfu: mfu * 2 });
      expect(rel(a.acceleratorHours, 2 * b.acceleratorHours)).toBeLessThan(1e-12);
    }), { numRuns: 100 });
  });

  it('the small hot-path functions agree with estimateRun', () => {
    fc.assert(fc.property(flopsArb, countArb, (flops, count) => {
      const e = estimateRun({ flops, count, usdPerHour: 3, watts: 500, pue: 1.2, hardware: 'nvidia-a100-sxm4-80gb' });
      const h = acceleratorHours(flops, 312e12, 0.4);
      expect(rel(e.acceleratorHours, h)).toBeLessThan(1e-12);
      expect(rel(e.wallClockHours!, wallClockHours(h, count))).toBeLessThan(1e-12);
      expect(rel(e.costUsd!, costUsd(h, 3))).toBeLessThan(1e-12);
      expect(rel(e.energyKWh, energyKWh({ acceleratorHours: h, watts: 500, pue: 1.2 }))).toBeLessThan(1e-12);
    }), { numRuns: 100 });
  });
});
