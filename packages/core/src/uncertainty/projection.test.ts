import { describe, expect, it } from 'vitest';
import { computeForLoss, computeOptimal } from '../laws/decisions.js';
import { getPublishedLaw } from '../laws/published.js';
import type { ChinchillaLaw } from '../laws/types.js';
import { createRng } from '../random.js';
import { uniformDistribution } from './distribution.js';
import { projectUncertain, type LawParams } from './projection.js';

const H100 = 'nvidia-h100-sxm5-80gb';
const law = getPublishedLaw('besiroglu2024').law as ChinchillaLaw;
const fixedRun = { mfu: 0.4, powerFraction: 0.7, hostOverhead: 1.1, pue: 1.1, usdPerHour: 2, gridGCO2ePerKWh: 400 };

describe('projectUncertain', () => {
  it('with a fixed law and fixed inputs reproduces computeForLoss exactly', () => {
    const r = projectUncertain({ law, targetLoss: 2.1, hardware: H100, ...fixedRun, samples: 50 });
    const o = computeForLoss(law, 2.1);
    expect(r.monteCarlo.outputs.flops.median).toBeCloseTo(o.flops, -Math.log10(o.flops) + 9);
    expect(r.monteCarlo.outputs.params.high).toBe(r.monteCarlo.outputs.params.low);
    expect(r.unreachableFraction).toBe(0);
    expect(r.lawSamples).toBe(0);
  });

  it('budget mode gives N_opt, D_opt and the loss a budget buys', () => {
    const r = projectUncertain({ law, budgetFlops: 1e23, hardware: H100, ...fixedRun, samples: 20 });
    const o = computeOptimal(law, 1e23);
    expect(r.monteCarlo.outputs.params.median / o.params).toBeCloseTo(1, 12);
    expect(r.monteCarlo.outputs.tokens.median / o.tokens).toBeCloseTo(1, 12);
    expect(r.monteCarlo.outputs.loss.median).toBeCloseTo(o.loss, 12);
    // USD budget: $1M at $2/h on H100 at 40% MFU
    const u = projectUncertain({ law, budgetUsd: 1e6, hardware: H100, ...fixedRun, samples: 20 });
    expect(u.monteCarlo.outputs.costUsd.median).toBeCloseTo(1e6, 3);
  });

  it('carries bootstrap rows as joint samples and flags unreachable targets', () => {
    // rows around the central law; a third of them have E above the target 1.9
    const rng = createRng(4);
    const rows: LawParams[] = Array.from({ length: 300 }, (_, i) => ({
      E: i % 3 === 0 ? 1.95 : 1.8 + 0.01 * rng.normal(),
      A: law.A * Math.exp(0.05 * rng.normal()),
      B: law.B * Math.exp(0.05 * rng.normal()),
      alpha: law.alpha,
      beta: law.beta,
    }));
    const r = projectUncertain({ law, lawSamples: rows, targetLoss: 1.9, hardware: H100, ...fixedRun, samples: 3000, seed: 3 });
    expect(r.unreachableFraction).toBeGreaterThan(0.28);
    expect(r.unreachableFraction).toBeLessThan(0.39);
    expect(r.monteCarlo.outputs.costUsd.high).toBe(Infinity);
    expect(r.sensitivity.bars.flops[0].input).toBe('fit');
    // the per-row cache (fixed target) gives exactly what per-sample evaluation gives
    const uncached = projectUncertain({ law, lawSamples: rows, targetLoss: uniformDistribution(1.9, 1.9), hardware: H100, ...fixedRun, samples: 3000, seed: 3 });
    expect(Array.from(uncached.monteCarlo.outputs.costUsd.samples)).toEqual(Array.from(r.monteCarlo.outputs.costUsd.samples));
    // same seed → same answer
    const again = projectUncertain({ law, lawSamples: rows, targetLoss: 1.9, hardware: H100, ...fixedRun, samples: 3000, seed: 3 });
    expect(again.monteCarlo.outputs.flops.median).toBe(r.monteCarlo.outputs.flops.median);
  });

  it('rejects ambiguous or missing goals and bad bootstrap rows', () => {
    expect(() => projectUncertain({ law, hardware: H100 })).toThrow(/nothing to project/);
    expect(() => projectUncertain({ law, hardware: H100, targetLoss: 2, budgetFlops: 1e20 })).toThrow(/only one/);
    expect(() => projectUncertain({ law, hardware: H100, targetLoss: 2, lawSamples: [{ E: 1, A: -1, B: 1, alpha: 0.3, beta: 0.3 }] })).toThrow(/lawSamples\[0\]\.A/);
  });
});

describe('projectUncertain over random bootstrap families (fast-check)', () => {
  it('never yields NaN: finite outputs, or ∞ counted as unreachable', async () => {
    const fc = (await import('fast-check')).default;
    const row = fc.record({
      E: fc.double({ min: 0.5, max: 3, noNaN: true }),
      A: fc.double({ min: 10, max: 1e5, noNaN: true }),
      B: fc.double({ min: 10, max: 1e5, noNaN: true }),
      alpha: fc.double({ min: 0.05, max: 1, noNaN: true }),
      beta: fc.double({ min: 0.05, max: 1, noNaN: true }),
    });
    const goal = fc.oneof(fc.record({ targetLoss: fc.double({ min: 0.6, max: 5, noNaN: true }) }), fc.record({ budgetFlops: fc.double({ min: 1e15, max: 1e27, noNaN: true }) }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), goal, (rows, g) => {
        let r;
        try {
          r = projectUncertain({ law, lawSamples: rows, ...g, hardware: H100, ...fixedRun, samples: 300, seed: 1 });
        } catch (err) {
          // the only allowed refusal: a target no bootstrap law can reach
          expect((err as Error).message).toMatch(/targetLoss: no sample reaches it/);
          return;
        }
        expect(r.unreachableFraction).toBeGreaterThanOrEqual(0);
        expect(r.unreachableFraction).toBeLessThan(1);
        for (const o of Object.values(r.monteCarlo.outputs)) {
          expect(Number.isNaN(o.median) || Number.isNaN(o.low) || Number.isNaN(o.high)).toBe(false);
          expect(o.low <= o.median && o.median <= o.high).toBe(true);
        }
      }),
      { numRuns: 60, seed: 3 },
    );
  });
});
