// Parameter recovery: data drawn from a known law with 1 % noise must give the law back, and the
// bootstrap interval (not the point) must cover the truth in most seeds. A and B are weakly identified
// against α and β (they trade off along a ridge), so for them the interval is what is checked.
import { describe, expect, it } from 'vitest';
import { createRng } from '../random.js';
import { bootstrapChinchilla } from './bootstrap.js';
import { fitChinchilla } from './fitChinchilla.js';
import type { ScalingPoint } from './points.js';

// Besiroglu et al. 2024 Table 1's replication of Chinchilla Approach 3.
const TRUTH = { E: 1.82, A: 482, B: 2085, alpha: 0.3478, beta: 0.3658 } as const;

/** 10 model sizes (1e7–1e10) × 20 token counts (1e9–1e12), log-spaced: 200 runs, loss × e^(0.01·z). */
function draw(seed: number): ScalingPoint[] {
  const rng = createRng(seed);
  const pts: ScalingPoint[] = [];
  for (let i = 0; i < 10; i++) {
    for (let j = 0; j < 20; j++) {
      const params = 10 ** (7 + (3 * i) / 9);
      const tokens = 10 ** (9 + (3 * j) / 19);
      const loss = TRUTH.E + TRUTH.A / params ** TRUTH.alpha + TRUTH.B / tokens ** TRUTH.beta;
      pts.push({ params, tokens, loss: loss * Math.exp(0.01 * rng.normal()) });
    }
  }
  return pts;
}

describe('parameter recovery from a known law (200 runs, 1 % noise, 5 seeds)', () => {
  const seeds = [1, 2, 3, 4, 5];
  const results = seeds.map((seed) => {
    const pts = draw(seed);
    const fit = fitChinchilla(pts);
    const b = bootstrapChinchilla(pts, { samples: 200, seed, fit });
    return { seed, fit, b };
  });

  it('E, α and β come back within a few percent in every seed, and every fit says it is identified', () => {
    for (const { fit } of results) {
      expect(Math.abs(fit.law.E / TRUTH.E - 1)).toBeLessThan(0.03);
      expect(Math.abs(fit.law.alpha / TRUTH.alpha - 1)).toBeLessThan(0.05);
      expect(Math.abs(fit.law.beta / TRUTH.beta - 1)).toBeLessThan(0.05);
      expect(fit.identification!.identified).toBe(true);
    }
  });

  it('the 95 % bootstrap interval covers the true E, A, B, α and β in at least 4 of 5 seeds', () => {
    for (const k of ['E', 'A', 'B', 'alpha', 'beta'] as const) {
      const covered = results.filter(({ b }) => b.intervals[k].lower <= TRUTH[k] && TRUTH[k] <= b.intervals[k].upper).length;
      expect(covered, `${k} covered in ${covered} of 5`).toBeGreaterThanOrEqual(4);
    }
  });

  it('the intervals are informative: α and β within ±15 %, so a fit that recovers nothing would fail', () => {
    for (const { b } of results) {
      for (const k of ['alpha', 'beta'] as const) {
        expect(b.intervals[k].upper / b.intervals[k].lower).toBeLessThan(1.35);
      }
      expect(b.identification.identified).toBe(true);
    }
  });
});
