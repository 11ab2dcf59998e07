import { describe, expect, it } from 'vitest';
import { detailedTrainingFlops, inferenceFlopsPerToken, trainingFlops } from './flops.js';

// GPT-3 as issue 2 states it: 96 layers, width 12288, vocabulary 51200, context 2048, 300B tokens.
const gpt3 = { layers: 96, dModel: 12288, heads: 96, vocab: 51200, context: 2048 };

describe('FLOPs', () => {
  it('6ND for GPT-3 (175B × 300B) = 3.15e23 (Brown et al. 2020 report 3.14e23)', () => {
    expect(trainingFlops(175e9, 300e9)).toBeCloseTo(3.15e23, -20);
  });

  it('detailed count for GPT-3 ≈ 3.2e23 without recomputation; matches Narayanan et al. 2021 eq. 3 (×3/4)', () => {
    const l = 96, h = 12288, s = 2048, V = 51200, D = 300e9;
    const r = detailedTrainingFlops(gpt3, D);
    expect(r.total / 1e23).toBeCloseTo(3.2, 1);
    const narayanan = 72 * l * h * h * (1 + s / (6 * h) + V / (12 * l * h)) * D;
    expect(Math.abs(r.total - narayanan) / narayanan).toBeLessThan(1e-9);
  });

  it('with full recomputation: 96·l·h²·(1 + s/6h + V/16lh) per token (Narayanan et al. 2021, eq. 3)', () => {
    const l = 96, h = 12288, s = 2048, V = 51200, D = 300e9;
    const r = detailedTrainingFlops(gpt3, D, { recompute: true });
    const narayanan = 96 * l * h * h * (1 + s / (6 * h) + V / (16 * l * h)) * D;
    expect(Math.abs(r.total - narayanan) / narayanan).toBeLessThan(1e-9);
    expect(r.total).toBeGreaterThan(detailedTrainingFlops(gpt3, D).total);
  });

  it('MoE: the detailed count uses active experts only', () => {
    const base = { layers: 4, dModel: 256, heads: 4, vocab: 1000, context: 128 };
    const dense = detailedTrainingFlops(base, 1e6).total;
    const moe8of1 = detailedTrainingFlops({ ...base, experts: 8, activeExperts: 1 }, 1e6).total;
    // Only the router (d × experts per layer) is added.
    expect(moe8of1 - dense).toBeCloseTo(3 * 2 * 4 * 256 * 8 * 1e6, -3);
  });

  it('inference is 2N per token plus attention over the context', () => {
    expect(inferenceFlopsPerToken(7e9)).toBe(14e9);
    expect(inferenceFlopsPerToken(7e9, { layers: 32, context: 4096, attnDim: 4096 })).toBe(14e9 + 4 * 32 * 4096 * 4096);
  });

  it('names the field on bad input', () => {
    expect(() => detailedTrainingFlops(gpt3, -1)).toThrow(/tokens/);
    expect(() => detailedTrainingFlops({ ...gpt3, context: undefined }, 1e9)).toThrow(/context/);
  });
});
