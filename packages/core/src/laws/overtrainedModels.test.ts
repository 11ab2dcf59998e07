import { describe, expect, it } from 'vitest';
import { OVERTRAINED_MODELS, tokensPerParam } from './overtrainedModels.js';

describe('over-trained model presets', () => {
  it('Llama 3 8B is trained at ~1,900 tokens per parameter, Chinchilla at 20', () => {
    const llama = OVERTRAINED_MODELS.find((m) => m.id === 'llama-3-8b')!;
    expect(tokensPerParam(llama)).toBeGreaterThan(1850);
    expect(tokensPerParam(llama)).toBeLessThan(1900);
    expect(tokensPerParam(OVERTRAINED_MODELS.find((m) => m.id === 'chinchilla-70b')!)).toBe(20);
  });
  it('every preset names its source with a paper id', () => {
    for (const m of OVERTRAINED_MODELS) expect(m.source).toMatch(/arXiv \d{4}\.\d{5}/);
  });
});
