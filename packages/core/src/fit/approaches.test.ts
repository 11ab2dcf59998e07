/**
 * Known parameters recovered from synthetic data generated from them (with seeded noise),
 * for Approaches 1, 2, 3, the single-variable power laws and the diagnostics; plus the
 * bad-input contract. Reference law: Hoffmann et al. 2022 rounded (E 1.69, A 406.4,
 * B 410.7, α 0.34, β 0.28), frontier exponent a = 0.28/0.62.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { computeOptimal, lossAtUnchecked } from '../laws/decisions.js';
import type { ChinchillaLaw } from '../laws/types.js';
import { createRng } from '../random.js';
import { logRmse, holdoutExtrapolation } from './diagnostics.js';
import { fitEnvelope, fitEnvelopePoints } from './envelope.js';
import { fitChinchilla, type ChinchillaGrid } from './fitChinchilla.js';
import { fitIsoflop } from './isoflop.js';
import { fitLogLinear, fitPowerLaw, fitSaturatingPowerLaw, powerLawLoss } from './powerLaw.js';
import type { ScalingPoint } from './points.js';
import { bootstrapChinchilla } from './bootstrap.js';

const LAW: ChinchillaLaw = { form: 'chinchilla', E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };
const A_TRUE = 0.28 / 0.62;
const SMALL_GRID: ChinchillaGrid = { alpha: [0.5, 1], beta: [0.5, 1], e: [0, 0.5], a: [5, 10], b: [5, 10] };

/** isoFLOP-style sweep: at each budget, 9 sizes from 1/8× to 8× the optimum; multiplicative noise σ. */
function synthetic(sigma: number, seed = 7): ScalingPoint[] {
  const rng = createRng(seed);
  const pts: ScalingPoint[] = [];
  for (const C of [1e18, 3e18, 1e19, 3e19, 1e20, 3e20, 1e21]) {
    const nOpt = computeOptimal(LAW, C).params;
    for (let k = -3; k <= 3; k++) {
      const params = nOpt * 2 ** k;
      const tokens = C / (6 * params);
      const loss = lossAtUnchecked(LAW, params, tokens) * Math.exp(sigma * rng.normal());
      pts.push({ params, tokens, flops: C, loss });
    }
  }
  return pts;
}

describe('Approach 3 recovers known parameters', () => {
  it('noiseless: exact to 1e-4', () => {
    const f = fitChinchilla(synthetic(0), { grid: SMALL_GRID });
    expect(f.converged).toBe(true);
    for (const k of ['E', 'A', 'B', 'alpha', 'beta'] as const) expect(Math.abs(f.law[k] / LAW[k] - 1)).toBeLessThan(1e-4);
  });
  it('a fit that did not converge says so (iteration limit), instead of passing as a result', () => {
    const f = fitChinchilla(synthetic(0), { grid: SMALL_GRID, lbfgs: { maxIterations: 2 }, polishLbfgs: { maxIterations: 2 } });
    expect(f.converged).toBe(false);
    expect(f.stopReason).toBe('max-iterations');
  });
  it('0.5% noise: E within 1%, α and β within 5%', () => {
    const f = fitChinchilla(synthetic(0.005), { grid: SMALL_GRID });
    expect(Math.abs(f.law.E / LAW.E - 1)).toBeLessThan(0.01);
    expect(Math.abs(f.law.alpha / LAW.alpha - 1)).toBeLessThan(0.05);
    expect(Math.abs(f.law.beta / LAW.beta - 1)).toBeLessThan(0.05);
  });
  it('the bootstrap is seeded: same seed same samples, other seed other samples; 90% interval of α covers the truth', () => {
    const pts = synthetic(0.005);
    const fit = fitChinchilla(pts, { grid: SMALL_GRID });
    const b1 = bootstrapChinchilla(pts, { samples: 60, seed: 1, fit, level: 0.9 });
    const b2 = bootstrapChinchilla(pts, { samples: 60, seed: 1, fit, level: 0.9 });
    const b3 = bootstrapChinchilla(pts, { samples: 60, seed: 2, fit, level: 0.9 });
    expect(Array.from(b1.params.alpha)).toEqual(Array.from(b2.params.alpha));
    expect(Array.from(b1.params.alpha)).not.toEqual(Array.from(b3.params.alpha));
    expect(b1.intervals.alpha.lower).toBeLessThan(LAW.alpha);
    expect(b1.intervals.alpha.upper).toBeGreaterThan(LAW.alpha);
  });
});

describe('Approach 2 (isoFLOP profiles)', () => {
  it('recovers a = β/(α+β) within 0.01 and finds one profile per budget', () => {
    const f = fitIsoflop(synthetic(0));
    expect(f.profiles).toHaveLength(7);
    expect(f.a).toBeCloseTo(A_TRUE, 2);
    expect(f.a + f.b).toBeCloseTo(1, 10);
  });
  it('with 0.5% noise a stays within 0.05', () => {
    expect(Math.abs(fitIsoflop(synthetic(0.005)).a - A_TRUE)).toBeLessThan(0.05);
  });
  it('a single budget cannot give a slope: InputError', () => {
    expect(() => fitIsoflop(synthetic(0).filter((p) => p.flops === 1e20 || p.flops === 1e21).slice(0, 8))).toThrow(InputError);
  });
  it('names each reason for a skipped budget once, with its count', () => {
    // One model size at six budgets (an epochs sweep): six budgets skipped for the same reason.
    const pts = [1e9, 2e9, 4e9, 8e9, 1.6e10, 3.2e10].map((tokens) => ({ params: 1e6, tokens, flops: 6e6 * tokens, loss: 3 + 1e9 / tokens }));
    expect(() => fitIsoflop(pts)).toThrow(/^points: only 0 compute budget\(s\) gave an isoFLOP minimum \(6 budgets: fewer than 3 runs or 3 model sizes\)/);
  });
});

describe('Approach 1 (envelope)', () => {
  it('from training curves of 25 sizes: a within 0.03 of β/(α+β)', () => {
    const curves = Array.from({ length: 25 }, (_, i) => {
      const params = 1e7 * 10 ** (i / 8);
      const tokens = Array.from({ length: 200 }, (_, j) => 1e8 * 10 ** (j / 40));
      return { params, tokens, loss: tokens.map((t) => lossAtUnchecked(LAW, params, t)) };
    });
    const f = fitEnvelope(curves);
    expect(f.modelsOnEnvelope).toBeGreaterThan(5);
    expect(Math.abs(f.a - A_TRUE)).toBeLessThan(0.03);
  });
  it('from final points: the Pareto frontier is decreasing in loss', () => {
    const f = fitEnvelopePoints(synthetic(0));
    for (let i = 1; i < f.envelope.length; i++) expect(f.envelope[i].loss).toBeLessThan(f.envelope[i - 1].loss);
    expect(f.a).toBeGreaterThan(0);
  });
  it('one model size on the envelope is an InputError', () => {
    expect(() => fitEnvelope([{ params: 1e8, tokens: [1e9, 2e9], loss: [3, 2.9] }, { params: 1e8, tokens: [1e9, 3e9], loss: [3.1, 2.8] }])).toThrow(/model size/);
  });
});

describe('single-variable power laws', () => {
  it('pure power law (Kaplan form) recovered exactly from noiseless data', () => {
    const xs = [1e6, 1e7, 1e8, 1e9, 1e10];
    const f = fitPowerLaw(xs, xs.map((x) => (8.8e13 / x) ** 0.076));
    expect(f.law.alpha).toBeCloseTo(0.076, 10);
    expect(f.law.xC / 8.8e13).toBeCloseTo(1, 8);
    expect(f.rSquared).toBeCloseTo(1, 10);
  });
  it('fitLogLinear gives exponent and coefficient', () => {
    const f = fitLogLinear([1, 10, 100], [3, 30 * 10 ** -0.5 * 10 ** 0.5, 300]);
    expect(f.exponent).toBeCloseTo(1, 10);
    expect(f.coefficient).toBeCloseTo(3, 10);
  });
  it('saturating power law E + A·x^−α recovered from noiseless data', () => {
    const xs = [1e6, 3e6, 1e7, 3e7, 1e8, 3e8, 1e9];
    const truth = { form: 'saturating' as const, E: 1.8, A: 400, alpha: 0.34 };
    const f = fitSaturatingPowerLaw(xs, xs.map((x) => powerLawLoss(truth, x)));
    expect(f.converged).toBe(true);
    expect(f.law.E).toBeCloseTo(1.8, 3);
    expect(f.law.alpha).toBeCloseTo(0.34, 3);
  });
});

describe('diagnostics', () => {
  it('log-RMSE is 0 for the generating law on noiseless data and ≈ σ with noise', () => {
    expect(logRmse(LAW, synthetic(0))).toBeLessThan(1e-14);
    const r = logRmse(LAW, synthetic(0.01));
    expect(r).toBeGreaterThan(0.006);
    expect(r).toBeLessThan(0.014);
  });
  it('hold-out extrapolation on noiseless data predicts the held-out largest runs to 0.1%', () => {
    const h = holdoutExtrapolation(synthetic(0), { holdOut: 7, fitOptions: { grid: SMALL_GRID } });
    expect(h.heldOut).toBe(7);
    expect(h.heldOutFromFlops).toBe(1e21);
    expect(h.maxAbsRelError).toBeLessThan(1e-3);
  });
});

describe('bad input', () => {
  it('fewer points than parameters', () => {
    expect(() => fitChinchilla(synthetic(0).slice(0, 4))).toThrow(/fewer than the 5/);
  });
  it('non-positive or non-finite values name the row and field', () => {
    const pts = synthetic(0);
    pts[3] = { ...pts[3], loss: NaN };
    expect(() => fitChinchilla(pts)).toThrow(/points\[3\]\.loss/);
    pts[3] = { ...pts[3], loss: 2, params: -1 };
    expect(() => fitChinchilla(pts)).toThrow(/points\[3\]\.params/);
  });
  it('a design that cannot identify a parameter (one model size)', () => {
    const pts = [1, 2, 3, 4, 5, 6].map((k) => ({ params: 1e8, tokens: 1e9 * k, loss: 3 - k * 0.1 }));
    expect(() => fitChinchilla(pts)).toThrow(/same parameter count/);
  });
  it('option values that would break a fit name the option (not a TypeError or an empty fit)', () => {
    const pts = synthetic(0);
    expect(() => fitIsoflop(pts, { groupWidthDecades: NaN })).toThrow(/^groupWidthDecades: expected a finite number/);
    expect(() => fitIsoflop(pts, { groupWidthDecades: 0 })).toThrow(/^groupWidthDecades: must be greater than 0/);
    expect(() => fitIsoflop(pts, { minRunsPerProfile: 2 })).toThrow(/^minRunsPerProfile: must be at least 3/);
    expect(() => fitIsoflop(pts, { minRunsPerProfile: 3.5 })).toThrow(/^minRunsPerProfile: must be a whole number/);
    const curves = [1e7, 1e8].map((params) => ({ params, tokens: [1e8, 1e9], loss: [3, 2.8] }));
    expect(() => fitEnvelope(curves, { gridSize: 0 })).toThrow(/^gridSize: must be at least 2/);
    expect(() => fitEnvelope(curves, { gridSize: 10.5 })).toThrow(/^gridSize: must be a whole number/);
  });
});
