import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { dataConstrainedLoss, dataConstrainedOptimal, effectiveTokens, MUENNIGHOFF2023, repeatedDataSummary } from './dataConstrained.js';

const law = MUENNIGHOFF2023;

describe('Muennighoff et al. 2023 data-constrained law', () => {
  it('reproduces the two Figure 1 (right) models printed with the paper\'s code', () => {
    // huggingface/datablations README "Parametric Fit": 2.2256440889984477 and 2.2269634075087867
    expect(dataConstrainedLoss(law, { params: 6.34e9, tokens: 242e9, uniqueTokens: 25e9 }).loss).toBeCloseTo(2.2256440889984477, 9);
    expect(dataConstrainedLoss(law, { params: 8.67e9, tokens: 178e9, uniqueTokens: 25e9 }).loss).toBeCloseTo(2.2269634075087867, 9);
  });

  it('finds the paper\'s optimal allocation for the 8.67B / 178B-token budget with 25B unique tokens (≈227B tokens, 9.1 epochs, 6.8B params)', () => {
    const opt = dataConstrainedOptimal(law, { flops: 6 * 8.67e9 * 178e9, uniqueTokens: 25e9 });
    // The repository's grid search (500 steps) prints 227B tokens, 9.1 epochs, 6.8B parameters.
    expect(opt.tokens / 1e9).toBeGreaterThan(222);
    expect(opt.tokens / 1e9).toBeLessThan(232);
    expect(opt.epochs).toBeCloseTo(9.1, 0);
    expect(opt.params / 1e9).toBeCloseTo(6.8, 0);
    expect(opt.loss).toBeLessThan(2.2256440889984477);
    expect(opt.capBinds).toBe(true);
    expect(opt.lossPenalty).toBeGreaterThan(0);
  });

  it('up to ~4 epochs costs little (abstract; §5), many more cost a lot: at the paper\'s 8.7B / 178B-token budget', () => {
    const D = 178e9;
    expect(effectiveTokens(D, D / 4) / D).toBeCloseTo(0.93, 2);
    const at = (epochs: number) => dataConstrainedLoss(law, { params: 8.67e9, tokens: D, uniqueTokens: D / epochs }).loss;
    const unique = at(1);
    expect(at(2) / unique - 1).toBeLessThan(0.002);
    expect(at(4) / unique - 1).toBeGreaterThan(0);
    expect(at(4) / unique - 1).toBeLessThan(0.01);
    expect(at(40) / unique - 1).toBeGreaterThan(0.09);
  });

  it('returns vanish: effective data never exceeds U·(1 + R*_D) ≈ 16.4 U, and 40 epochs already give 93% of it', () => {
    const U = 1e9;
    expect(effectiveTokens(1e6 * U, U) / U).toBeCloseTo(1 + law.repeatDecayTokens, 6);
    expect(effectiveTokens(40 * U, U) / (U * (1 + law.repeatDecayTokens))).toBeCloseTo(0.926, 2);
    // after R*_D repetitions one more epoch is worth 1/e of a fresh one
    const R = law.repeatDecayTokens;
    const marginal = effectiveTokens((R + 2) * U, U) - effectiveTokens((R + 1) * U, U);
    expect(marginal / U).toBeCloseTo(Math.exp(-(R + 0.5) / R), 2);
  });

  it('with enough unique data it reduces to the Chinchilla form and costs nothing', () => {
    const opt = dataConstrainedOptimal(law, { flops: 1e21, uniqueTokens: 1e15 });
    expect(opt.capBinds).toBe(false);
    expect(opt.lossPenalty).toBeCloseTo(0, 6);
    expect(opt.params / opt.unlimited.params).toBeCloseTo(1, 3);
  });

  it('refuses epochs below 1 and negative tokens with the field named', () => {
    expect(() => repeatedDataSummary(1e9, 2e9)).toThrow(/uniqueTokens.*epochs cannot be below 1/);
    expect(() => dataConstrainedOptimal(law, { flops: 1e21, uniqueTokens: -5 })).toThrow(InputError);
    expect(() => dataConstrainedOptimal(law, { flops: 1e21, uniqueTokens: -5 })).toThrow(/uniqueTokens/);
  });

  it('summarises a planned run: 4T tokens over 1T unique = 4 epochs, ~3.73T effective', () => {
    const s = repeatedDataSummary(4e12, 1e12);
    expect(s.epochs).toBe(4);
    expect(s.effectiveTokens / 1e12).toBeCloseTo(3.726, 2);
  });
});
