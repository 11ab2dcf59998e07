import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { countParams } from './params.js';
import { flops6ND, flopsPerToken } from './flops.js';
import { createTransformer } from './model.js';

describe('countParams', () => {
  it('Kaplan non-embedding count is 12·L·d² (Kaplan et al. 2020, §2.1)', () => {
    // 2 layers × width 128: 12 · 2 · 128² = 393,216
    expect(countParams({ layers: 2, dModel: 128, heads: 4, context: 64 }, 89).nonEmbedding).toBe(393_216);
    // GPT-2 small shape (12 layers, 768): 12 · 12 · 768² = 84,934,656 ≈ Kaplan's "85M"
    expect(countParams({ layers: 12, dModel: 768, heads: 12, context: 1024 }, 50257).nonEmbedding).toBe(84_934_656);
  });

  it('GPT-2 small total matches the published 124M (Radford et al. 2019; tied head)', () => {
    const c = countParams({ layers: 12, dModel: 768, heads: 12, context: 1024 }, 50257);
    expect(c.total).toBe(124_439_808); // the well-known exact count of HF gpt2
  });

  it('equals the sizes of the variables the model actually creates', () => {
    for (const shape of [
      { layers: 1, dModel: 8, heads: 2, context: 4 },
      { layers: 3, dModel: 12, heads: 3, context: 5 },
    ]) {
      const m = createTransformer(shape, 7);
      const actual = [...m.params.values()].reduce((a, v) => a + v.size, 0);
      const embedding = m.params.get('wte')!.size + m.params.get('wpe')!.size;
      m.dispose();
      const c = countParams(shape, 7);
      expect(c.total).toBe(actual);
      expect(c.nonEmbeddingExact).toBe(actual - embedding);
      expect(c.embedding).toBe(embedding);
    }
    expect(tf.memory().numTensors).toBeLessThan(5);
  });
});

describe('flops', () => {
  it('6ND', () => {
    expect(flops6ND(1e6, 2e9)).toBe(1.2e16);
  });
  it('counted FLOPs follow Hoffmann et al. 2022 App. F term by term', () => {
    // L=1, d=4, H=2, T=3, V=5, ffw=16, per token:
    // embeddings 2·5·4 = 40; attention 2·3·4·4 + 2·3·4 + 3·2·3 + 2·3·4 + 2·4·4 = 96+24+18+24+32 = 194;
    // dense 2·(4·16+4·16) = 256; logits 2·4·5 = 40 → forward 530, training 1590
    const f = flopsPerToken({ layers: 1, dModel: 4, heads: 2, context: 3 }, 5);
    expect([f.embeddings, f.attention, f.dense, f.logits, f.forward, f.training]).toEqual([40, 194, 256, 40, 530, 1590]);
  });
  it('for a large model the counted FLOPs approach 6N per token', () => {
    const shape = { layers: 48, dModel: 6144, heads: 48, context: 2048 };
    const n = countParams(shape, 32000).nonEmbedding;
    const ratio = flopsPerToken(shape, 32000).training / (6 * n);
    expect(ratio).toBeGreaterThan(1);
    expect(ratio).toBeLessThan(1.1);
  });
});
