import { describe, expect, it } from 'vitest';
import { createRng } from '../random.js';
import { fitChinchilla } from './fitChinchilla.js';
import { fitIsoflop } from './isoflop.js';
import { chinchillaPoints, type ScalingPoint } from './points.js';

const SIZES = [1e7, 3e7, 1e8, 3e8, 1e9];
const TOKENS = [1e9, 3e9, 1e10, 3e10];
const grid = (loss: (N: number, D: number) => number): ScalingPoint[] => SIZES.flatMap((params) => TOKENS.map((tokens) => ({ params, tokens, loss: loss(params, tokens) })));
// Compute-optimal N for L = 1.8 + 400/N^0.34 + 2000/D^0.28 (Hoffmann et al. 2022, eq. 4).
const nOpt = (C: number) => ((0.34 * 400) / (0.28 * 2000)) ** (1 / 0.62) * (C / 6) ** (0.28 / 0.62);
const lawLoss = (N: number, D: number) => 1.8 + 400 / N ** 0.34 + 2000 / D ** 0.28;
const isoflop = (budgets: number[]) => budgets.flatMap((C) => [0.25, 0.5, 1, 2, 4].map((k) => {
  const N = k * nOpt(C);
  return { params: N, tokens: C / (6 * N), loss: lawLoss(N, C / (6 * N)) };
}));
const codes = (pts: ScalingPoint[]) => fitChinchilla(pts).identification!.issues.map((i) => i.code);

describe('fit identification: a fit that should not claim success says so in words', () => {
  it('losses rising with N: α ≤ 0 → "this fit is not identified: α = … is not positive"', () => {
    const rng = createRng(1);
    const f = fitChinchilla(grid((N, D) => 2 + 0.05 * Math.log(N) + 100 / D ** 0.3 + 0.01 * rng.normal()));
    expect(f.law.alpha).toBeLessThanOrEqual(0);
    expect(f.identification!.identified).toBe(false);
    expect(f.identification!.summary).toMatch(/^this fit is not identified: α = -[\d.]+ is not positive, so loss does not fall with model size/);
  });

  it('random losses: not identified, for several reasons (seeded)', () => {
    for (const seed of [2, 3]) {
      const rng = createRng(seed);
      const c = codes(grid(() => 2 + rng.next()));
      expect(c.length).toBeGreaterThanOrEqual(2);
      expect(c.some((x) => x === 'irreducible' || x === 'exponent' || x === 'ratio')).toBe(true);
    }
  });

  it('constant loss: implausible exponents, E not below the lowest loss, an absurd tokens-per-parameter ratio', () => {
    const c = codes(grid(() => 2.5));
    expect(c).toEqual(expect.arrayContaining(['exponent', 'irreducible', 'ratio']));
  });

  it('two model sizes only: the design is named', () => {
    const pts = [1e8, 1e9].flatMap((params) => TOKENS.map((tokens) => ({ params, tokens, loss: 1.8 + 400 / params ** 0.34 + 2000 / tokens ** 0.28 })));
    expect(fitChinchilla(pts).identification!.summary).toMatch(/only 2 distinct model sizes/);
  });

  it('a well-posed fit is identified: noise-free data from a law, and the Chinchilla data (Besiroglu et al. 2024)', () => {
    expect(fitChinchilla(grid((N, D) => 1.8 + 400 / N ** 0.34 + 2000 / D ** 0.28)).identification).toEqual({ identified: true, issues: [], summary: null });
    expect(fitChinchilla(chinchillaPoints()).identification!.identified).toBe(true);
  });

  it('Approach 2 from two budgets: R² from two points is not evidence', () => {
    const f = fitIsoflop(isoflop([1e18, 1e19]));
    expect(f.profiles).toHaveLength(2);
    expect(f.params.rSquared).toBeCloseTo(1, 6);
    expect(f.identification.identified).toBe(false);
    expect(f.identification.summary).toMatch(/^this fit is not identified: N_opt ∝ C\^a is fitted through 2 compute budgets/);
  });

  it('Approach 2 with three budgets of five sizes each is identified, with a ≈ β/(α+β) = 0.45', () => {
    const f = fitIsoflop(isoflop([1e18, 1e19, 1e20]));
    expect(f.identification).toMatchObject({ identified: true });
    expect(f.a).toBeCloseTo(0.28 / 0.62, 1);
  });
});
