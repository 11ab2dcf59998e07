import { describe, expect, it } from 'vitest';
import { paramsFromArchitecture } from './params.js';

describe('paramsFromArchitecture', () => {
  it('Llama-2-70B (SwiGLU 28672, GQA 8 KV heads, untied) → 68,976,648,192 as in the released checkpoint (Touvron et al. 2023)', () => {
    const p = paramsFromArchitecture({ layers: 80, dModel: 8192, heads: 64, kvHeads: 8, ffnDim: 28672, ffnType: 'swiglu', vocab: 32000 });
    expect(p.total).toBe(68_976_648_192);
    expect(p.active).toBe(p.total);
  });

  it('a count with a 2-matrix MLP of width 4d and full KV heads (ignoring SwiGLU and GQA) undercounts Llama-2-70B', () => {
    const naive = paramsFromArchitecture({ layers: 80, dModel: 8192, heads: 64, vocab: 32000 });
    expect(naive.total).toBeLessThan(66e9);
  });

  it('Llama-2-7B → 6,738,415,616 (released checkpoint)', () => {
    expect(paramsFromArchitecture({ layers: 32, dModel: 4096, heads: 32, ffnDim: 11008, ffnType: 'swiglu', vocab: 32000 }).total).toBe(6_738_415_616);
  });

  it('GPT-3 175B shape → within 0.5 % of 175B (Brown et al. 2020, Table 2.1)', () => {
    const p = paramsFromArchitecture({ layers: 96, dModel: 12288, heads: 96, vocab: 50257, context: 2048, learnedPositions: true, tiedEmbeddings: true, bias: true });
    expect(Math.abs(p.total - 175e9) / 175e9).toBeLessThan(0.005);
    expect(p.nonEmbedding).toBeCloseTo(12 * 96 * 12288 ** 2, -9);
  });

  it('PaLM 540B (multi-query, head 256, SwiGLU, shared embeddings) → 540.35B (Chowdhery et al. 2022, Table 1)', () => {
    const p = paramsFromArchitecture({ layers: 118, dModel: 18432, heads: 48, kvHeads: 1, headDim: 256, ffnDim: 73728, ffnType: 'swiglu', vocab: 256000, tiedEmbeddings: true });
    expect(p.total / 1e9).toBeCloseTo(540.35, 1);
  });

  it('mixture of experts: total counts every expert, active only the routed and shared ones', () => {
    const dense = paramsFromArchitecture({ layers: 4, dModel: 512, heads: 8, ffnType: 'swiglu', ffnDim: 1024, vocab: 1000 });
    const moe = paramsFromArchitecture({ layers: 4, dModel: 512, heads: 8, ffnType: 'swiglu', ffnDim: 1024, vocab: 1000, experts: 8, activeExperts: 2 });
    const expert = 3 * 512 * 1024;
    const router = 512 * 8;
    expect(moe.total - dense.total).toBe(4 * (7 * expert + router));
    expect(moe.active - dense.active).toBe(4 * (expert + router));
  });

  it('tied embeddings count the vocabulary matrix once', () => {
    const a = { layers: 2, dModel: 64, heads: 4, vocab: 100 };
    expect(paramsFromArchitecture(a).total - paramsFromArchitecture({ ...a, tiedEmbeddings: true }).total).toBe(100 * 64);
  });

  it('rejects bad shapes with the field named', () => {
    expect(() => paramsFromArchitecture({ layers: 0, dModel: 64, heads: 4, vocab: 10 })).toThrow(/layers/);
    expect(() => paramsFromArchitecture({ layers: 2, dModel: 64, heads: 5, vocab: 10 })).toThrow(/heads/);
    expect(() => paramsFromArchitecture({ layers: 2, dModel: 64, heads: 4, kvHeads: 8, vocab: 10 })).toThrow(/kvHeads/);
  });
});
