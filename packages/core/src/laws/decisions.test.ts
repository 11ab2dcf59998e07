import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import {
  computeForLoss,
  computeOptimal,
  frontierExponents,
  kaplanLossAtCompute,
  lossAt,
  marginalLossPerDoubling,
  wrongSizePenalty,
} from './decisions.js';
import { getPublishedLaw, PUBLISHED_LAWS } from './published.js';
import type { ChinchillaLaw } from './types.js';

const hoffmann = getPublishedLaw('hoffmann2022').law as ChinchillaLaw;
const unrounded = getPublishedLaw('hoffmann2022-unrounded').law as ChinchillaLaw;
const besiroglu = getPublishedLaw('besiroglu2024').law as ChinchillaLaw;
const kaplan = getPublishedLaw('kaplan2020').law;

describe('published laws', () => {
  it('Hoffmann 2022 rounded values (paper §3.3 / D.2): E 1.69, A 406.4, B 410.7, α 0.34, β 0.28', () => {
    expect(hoffmann).toEqual({ form: 'chinchilla', E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 });
  });
  it('unrounded Hoffmann values exponentiate to the rounded ones', () => {
    expect(unrounded.A).toBeCloseTo(406.4, 1);
    expect(unrounded.B).toBeCloseTo(410.7, 1);
    expect(unrounded.E).toBeCloseTo(1.69, 2);
  });
  it('frontier exponent a = β/(α+β): 0.4516 rounded, 0.4565 unrounded (Besiroglu et al. 2024 §3)', () => {
    expect(frontierExponents(hoffmann).a).toBeCloseTo(0.4516, 4);
    expect(frontierExponents(unrounded).a).toBeCloseTo(0.4565, 4);
  });
  it('every published law has an id, citation and evaluates to a finite loss', () => {
    for (const p of PUBLISHED_LAWS) {
      expect(p.citation.length).toBeGreaterThan(20);
      expect(Number.isFinite(lossAt(p.law, 1e9, 2e10))).toBe(true);
    }
  });
  it('unknown ids give an InputError with a suggestion', () => {
    expect(() => getPublishedLaw('hoffman')).toThrow(/did you mean "hoffmann2022/);
    expect(() => getPublishedLaw('nope')).toThrow(InputError);
  });
});

describe('lossAt', () => {
  it('Chinchilla 70B on 1.4T tokens under the rounded Hoffmann law ≈ 1.94 (Hoffmann et al. 2022 eq. 10)', () => {
    // 1.69 + 406.4/70e9^0.34 + 410.7/1.4e12^0.28
    const expected = 1.69 + 406.4 / 70e9 ** 0.34 + 410.7 / 1.4e12 ** 0.28;
    expect(lossAt(hoffmann, 70e9, 1.4e12)).toBeCloseTo(expected, 12);
    expect(lossAt(hoffmann, 70e9, 1.4e12)).toBeCloseTo(1.94, 2);
  });
  it('Kaplan form: L(N, ∞) → (N_c/N)^α_N', () => {
    expect(lossAt(kaplan, 1e9, 1e30)).toBeCloseTo((8.8e13 / 1e9) ** 0.076, 6);
  });
  it('rejects non-positive or non-finite inputs with InputError naming the field', () => {
    expect(() => lossAt(hoffmann, 0, 1e9)).toThrow(/params/);
    expect(() => lossAt(hoffmann, 1e9, NaN)).toThrow(/tokens/);
    expect(() => lossAt({ ...hoffmann, alpha: -1 }, 1e9, 1e9)).toThrow(/law.alpha/);
  });
});

describe('computeOptimal', () => {
  it('satisfies C = 6ND and is the minimum of L along the iso-compute line', () => {
    for (const law of [hoffmann, besiroglu, kaplan]) {
      const C = 5.76e23;
      const o = computeOptimal(law, C);
      expect(6 * o.params * o.tokens).toBeCloseTo(C, -10);
      for (const f of [0.8, 0.95, 1.05, 1.25]) {
        const n = o.params * f;
        expect(lossAt(law, n, C / (6 * n))).toBeGreaterThan(o.loss);
      }
    }
  });
  it('Besiroglu et al. refit gives ~20 tokens per parameter at Chinchilla compute (their §4)', () => {
    const o = computeOptimal(besiroglu, 5.76e23);
    expect(o.tokensPerParam).toBeGreaterThan(15);
    expect(o.tokensPerParam).toBeLessThan(30);
  });
  it('N_opt scales as C^a with a = β/(α+β)', () => {
    const o1 = computeOptimal(hoffmann, 1e21);
    const o2 = computeOptimal(hoffmann, 1e24);
    expect(Math.log(o2.params / o1.params) / Math.log(1e3)).toBeCloseTo(0.28 / 0.62, 10);
  });
});

describe('computeForLoss', () => {
  it('inverts computeOptimal (Chinchilla and Kaplan forms)', () => {
    for (const law of [hoffmann, besiroglu, kaplan]) {
      const target = computeOptimal(law, 3e22).loss;
      const back = computeForLoss(law, target);
      expect(back.flops / 3e22).toBeCloseTo(1, 8);
      expect(back.loss).toBeCloseTo(target, 10);
    }
  });
  it('a loss at or below E is unreachable: InputError, not NaN', () => {
    expect(() => computeForLoss(hoffmann, 1.69)).toThrow(/irreducible/);
    expect(() => computeForLoss(hoffmann, 1.5)).toThrow(InputError);
  });
});

describe('marginalLossPerDoubling', () => {
  it('each doubling buys less than the one before, and the steps add up', () => {
    const steps = marginalLossPerDoubling(hoffmann, { fromFlops: 1e20, doublings: 10 });
    expect(steps).toHaveLength(10);
    for (let i = 1; i < steps.length; i++) expect(steps[i].lossGained).toBeLessThan(steps[i - 1].lossGained);
    const total = steps.reduce((s, x) => s + x.lossGained, 0);
    expect(total).toBeCloseTo(computeOptimal(hoffmann, 1e20).loss - computeOptimal(hoffmann, 1e20 * 1024).loss, 12);
  });
  it('Chinchilla form: the reducible loss falls by the factor 2^(−αβ/(α+β)) per doubling', () => {
    const [s] = marginalLossPerDoubling(hoffmann, { fromFlops: 1e22, doublings: 1 });
    const ratio = (s.lossAfter - 1.69) / (s.lossBefore - 1.69);
    expect(ratio).toBeCloseTo(2 ** (-(0.34 * 0.28) / 0.62), 10);
  });
});

describe('wrongSizePenalty', () => {
  it('the compute-optimal size pays nothing; 4× too small or large pays more', () => {
    const target = computeOptimal(hoffmann, 1e23).loss;
    const opt = computeForLoss(hoffmann, target);
    expect(wrongSizePenalty(hoffmann, { params: opt.params, targetLoss: target }).extraFraction).toBeCloseTo(0, 8);
    const big = wrongSizePenalty(hoffmann, { params: opt.params * 4, targetLoss: target });
    const small = wrongSizePenalty(hoffmann, { params: opt.params / 2, targetLoss: target });
    expect(big.extraFraction).toBeGreaterThan(0.1);
    expect(small.extraFraction).toBeGreaterThan(0.05);
    expect(lossAt(hoffmann, big.params, big.tokens)).toBeCloseTo(target, 10);
  });
  it('a model too small to reach the loss at any data size is an InputError', () => {
    expect(() => wrongSizePenalty(hoffmann, { params: 1e6, targetLoss: 2.0 })).toThrow(/cannot reach/);
  });
});

describe('kaplanLossAtCompute', () => {
  it('Kaplan et al. 2020 eq. 1.3: L = (3.1e8 / C_PF-days)^0.050; 1 PF-day → 3.1e8^0.05', () => {
    expect(kaplanLossAtCompute(kaplan as never, 8.64e19)).toBeCloseTo(3.1e8 ** 0.05, 10);
    expect(kaplanLossAtCompute(kaplan as never, 8.64e21)).toBeCloseTo((3.1e8 / 100) ** 0.05, 10);
  });
  it('a law without the compute constants is an InputError', () => {
    expect(() => kaplanLossAtCompute({ form: 'kaplan', alphaN: 0.076, paramsC: 8.8e13, alphaD: 0.095, tokensC: 5.4e13 }, 1e20)).toThrow(/compute law/);
  });
});
