import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listAccelerators } from '../data/hardware.js';
import { listPublishedRuns } from '../data/publishedRuns.js';
import { estimateRun, type EstimateSpec } from '../estimate/estimateRun.js';
import { estimateRunUncertain } from './runUncertainty.js';

// Property tests over the estimation core's input space (fast-check): for any valid spec,
// (1) with default ranges off, every Monte Carlo sample equals estimateRun's figure, and
// (2) with default ranges on, every output is a finite, ordered interval (low ≤ median ≤ high).
const hardware = listAccelerators().map((a) => a.id);
const presets = listPublishedRuns().map((r) => r.id);
const regions = ['world', 'FRA', 'USA', 'gcp:us-central1', 'gcp:europe-west4', 'us-east-1', 'IND'];

const size = fc.oneof(
  fc.record({ params: fc.double({ min: 1e6, max: 1e12, noNaN: true }), tokens: fc.double({ min: 1e8, max: 3e13, noNaN: true }) }),
  fc.record({ flops: fc.double({ min: 1e15, max: 1e26, noNaN: true }) }),
  fc.record({ acceleratorHours: fc.double({ min: 1, max: 1e8, noNaN: true }) }),
  fc.record({ preset: fc.constantFrom(...presets) }),
);
const spec = fc
  .record(
    {
      hardware: fc.constantFrom(...hardware),
      count: fc.integer({ min: 1, max: 100_000 }),
      mfu: fc.double({ min: 0.05, max: 0.7, noNaN: true }),
      region: fc.constantFrom(...regions),
      restartOverhead: fc.double({ min: 0, max: 0.5, noNaN: true }),
      usdPerHour: fc.double({ min: 0.2, max: 20, noNaN: true }),
    },
    { requiredKeys: [] },
  )
  .chain((rest) => size.map((s) => ({ ...rest, ...s }) as EstimateSpec))
  .filter((s) => {
    try {
      estimateRun(s);
      return true;
    } catch {
      return false; // specs the core itself rejects (e.g. a TPU without power data) are out of scope
    }
  });

describe('estimateRunUncertain over the input space', () => {
  it('equals estimateRun sample by sample with ranges off', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const e = estimateRun(s);
        const o = estimateRunUncertain({ ...s, defaultRanges: false, samples: 2 }).monteCarlo.outputs;
        const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.abs(b);
        expect(close(o.acceleratorHours.median, e.acceleratorHours)).toBe(true);
        expect(close(o.energyKWh.median, e.energyKWh)).toBe(true);
        expect(close(o.co2eKg.median, e.co2eKg)).toBe(true);
        if (e.costUsd !== null) expect(close(o.costUsd.median, e.costUsd)).toBe(true);
        if (e.wallClockHours !== null) expect(close(o.wallClockHours.median, e.wallClockHours)).toBe(true);
        if (e.flops !== null) expect(close(o.flops.median, e.flops)).toBe(true);
      }),
      { numRuns: 60, seed: 7 },
    );
  });
  it('gives finite ordered intervals with default ranges on', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const r = estimateRunUncertain({ ...s, samples: 200 });
        for (const o of Object.values(r.monteCarlo.outputs)) {
          expect(Number.isFinite(o.low) && Number.isFinite(o.high)).toBe(true);
          expect(o.low <= o.median && o.median <= o.high).toBe(true);
        }
      }),
      { numRuns: 40, seed: 11 },
    );
  });
});
