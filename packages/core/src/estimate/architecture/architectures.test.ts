import { describe, expect, it } from 'vitest';
import { paramsFromArchitecture, type Architecture } from '../params.js';
import { detailedTrainingFlops } from '../flops.js';
import { architectureFromHfConfig } from './hfConfig.js';
import { HF_CONFIGS } from './hfConfigs.fixture.js';

const DEEPSEEK_V3: Architecture = {
  layers: 61, dModel: 7168, heads: 128, ffnDim: 18432, ffnType: 'swiglu', vocab: 129280, context: 4096,
  experts: 256, activeExperts: 8, sharedExperts: 1, expertFfnDim: 2048, denseLayers: 3, mtpModules: 1,
  mla: { qLoraRank: 1536, kvLoraRank: 512, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 },
};

describe('architectures people train today', () => {
  it('DeepSeek-V3 (MLA, 3 dense layers then 58 MoE layers of 256 routed + 1 shared expert, MTP) → 671B total, 37B activated (arXiv:2412.19437, Abstract)', () => {
    const p = paramsFromArchitecture(DEEPSEEK_V3);
    expect(Math.abs(p.total / 671e9 - 1)).toBeLessThan(0.001);
    // The report rounds to whole billions: 37B covers [36.5B, 37.5B).
    expect(Math.abs(p.activated - 37e9)).toBeLessThan(0.5e9);
    // MTP: one block of 11.6B (d × 2d projection, an MoE block, three norms); the checkpoint's 685B adds
    // a second copy of the embedding and head (1.85B) to 671B + 11.6B.
    expect(p.mtp / 1e9).toBeCloseTo(11.61, 1);
    expect((p.total + p.mtp + p.embedding) / 1e9).toBeCloseTo(684.5, 0);
  });

  it('DeepSeek-V3 activated per training token: 37B within 1 % once the MTP module is counted (arXiv:2412.19437 §2.2, §4.2)', () => {
    // §4.2 configures the model with MTP depth D = 1 and states "671B total parameters, of which 37B are
    // activated for each token". 671B is the main model (the released checkpoint's 685B adds the 14B MTP
    // weights, README_WEIGHTS.md). Activated: the input embedding is a lookup, not computed (the V2/V2-Lite
    // counts above follow the same rule); the output head is computed; and in training every token also
    // passes through the MTP module (§2.2: a d × 2d projection of two RMS-normed inputs, one transformer
    // block with its 8 routed + 1 shared active experts; embedding and head shared with the main model).
    const p = paramsFromArchitecture(DEEPSEEK_V3);
    expect(p.activated / 1e9).toBeCloseTo(36.63, 2); // main model alone: −1.01 %
    const mtpPerToken = p.activatedInTraining - p.activated;
    expect(mtpPerToken / 1e9).toBeCloseTo(0.69, 2);
    expect(Math.abs(p.activatedInTraining / 37e9 - 1)).toBeLessThan(0.01); // 37.31B: +0.85 %
    expect(Math.abs(p.total / 671e9 - 1)).toBeLessThan(0.01);
    // Without MTP the two counts agree (DeepSeek-V2 has no MTP module).
    const noMtp = paramsFromArchitecture({ ...DEEPSEEK_V3, mtpModules: 0 });
    expect(noMtp.activatedInTraining).toBe(noMtp.activated);
  });

  it('the same counting gives DeepSeek-V2 236B / 21B and V2-Lite 15.7B / 2.4B (arXiv:2405.04434, §1 and App. B)', () => {
    const v2 = paramsFromArchitecture({ layers: 60, dModel: 5120, heads: 128, ffnDim: 12288, ffnType: 'swiglu', vocab: 102400, experts: 160, activeExperts: 6, sharedExperts: 2, expertFfnDim: 1536, denseLayers: 1, mla: { qLoraRank: 1536, kvLoraRank: 512, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 } });
    expect(Math.round(v2.total / 1e9)).toBe(236);
    expect(Math.round(v2.activated / 1e9)).toBe(21);
    const lite = paramsFromArchitecture({ layers: 27, dModel: 2048, heads: 16, ffnDim: 10944, ffnType: 'swiglu', vocab: 102400, experts: 64, activeExperts: 6, sharedExperts: 2, expertFfnDim: 1408, denseLayers: 1, mla: { kvLoraRank: 512, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 } });
    expect(Math.round(lite.total / 1e8) / 10).toBe(15.7);
    expect(Math.abs(lite.activated - 2.4e9)).toBeLessThan(0.1e9);
  });

  it('dense-first and MoE-every-other-layer place the experts where the shorthands say', () => {
    const base: Architecture = { layers: 4, dModel: 64, heads: 4, ffnDim: 128, ffnType: 'swiglu', vocab: 100, experts: 4, activeExperts: 1 };
    const expert = 3 * 64 * 128;
    const router = 64 * 4;
    const allMoe = paramsFromArchitecture(base);
    const every2 = paramsFromArchitecture({ ...base, moeEvery: 2 });
    const first1 = paramsFromArchitecture({ ...base, denseLayers: 1 });
    const explicit = paramsFromArchitecture({ ...base, layerTypes: ['dense', 'moe', 'dense', 'moe'] });
    expect(allMoe.total - every2.total).toBe(2 * (3 * expert + router));
    expect(allMoe.total - first1.total).toBe(3 * expert + router);
    expect(explicit.total).toBe(every2.total);
    expect(() => paramsFromArchitecture({ ...base, layerTypes: ['dense', 'moe'] })).toThrow(/layerTypes: has 2 entries for 4 layers/);
  });

  it('Q/K/V-only biases add heads·headDim + 2·kvHeads·headDim per layer (Qwen2.5)', () => {
    const a: Architecture = { layers: 2, dModel: 64, heads: 4, kvHeads: 2, vocab: 10 };
    expect(paramsFromArchitecture({ ...a, qkvBias: true }).total - paramsFromArchitecture(a).total).toBe(2 * (64 + 2 * 32));
  });

  it('norm kinds: non-parametric has none, RMSNorm d, LayerNorm 2d; Gemma 2 has four per layer', () => {
    const a: Architecture = { layers: 3, dModel: 64, heads: 4, vocab: 10 };
    const rms = paramsFromArchitecture(a).norms;
    expect(rms).toBe((3 * 2 + 1) * 64);
    expect(paramsFromArchitecture({ ...a, norm: 'layernorm' }).norms).toBe(2 * rms);
    expect(paramsFromArchitecture({ ...a, norm: 'nonparametric' }).norms).toBe(0);
    expect(paramsFromArchitecture({ ...a, normsPerLayer: 4 }).norms).toBe((3 * 4 + 1) * 64);
  });

  it('BERT token-type embeddings and pooler', () => {
    const a: Architecture = { layers: 1, dModel: 8, heads: 2, vocab: 10, context: 4, learnedPositions: true, bias: true, tiedEmbeddings: true };
    const p = paramsFromArchitecture({ ...a, tokenTypes: 2, pooler: true });
    expect(p.embedding).toBe(10 * 8 + 4 * 8 + 2 * 8);
    expect(p.total - paramsFromArchitecture(a).total).toBe(2 * 8 + 8 * 8 + 8);
  });

  it('grouped-query heads that do not divide the query heads are refused', () => {
    expect(() => paramsFromArchitecture({ layers: 32, dModel: 4096, heads: 32, kvHeads: 5, vocab: 32000 })).toThrow(/kvHeads: 5 does not divide the 32 heads \(give a divisor of 32, such as 4\)/);
  });

  describe('from a Hugging Face config.json → the released checkpoint count', () => {
    for (const [name, { config, params, source }] of Object.entries(HF_CONFIGS)) {
      it(`${name}: ${params.toLocaleString('en-US')} (${source})`, () => {
        const { architecture } = architectureFromHfConfig(config);
        const p = paramsFromArchitecture(architecture);
        if (Number.isInteger(params / 1e9)) expect(Math.abs(p.total / params - 1)).toBeLessThan(0.001);
        else expect(p.total).toBe(params);
      });
    }
    it('notes what it inferred, and names a missing key', () => {
      const r = architectureFromHfConfig(HF_CONFIGS['openai-community/gpt2'].config);
      expect(r.notes.join('; ')).toMatch(/tie_word_embeddings absent: tied/);
      expect(() => architectureFromHfConfig({ model_type: 'llama', hidden_size: 64 })).toThrow(/config\.num_hidden_layers: is missing/);
      expect(() => architectureFromHfConfig([1, 2])).toThrow(/config: is not a JSON object/);
    });
    it('reads the sliding windows: all layers for Mistral, alternate layers for Gemma 2, none for Qwen2.5 (use_sliding_window false)', () => {
      expect(architectureFromHfConfig(HF_CONFIGS['mistralai/Mistral-7B-v0.1'].config).architecture).toMatchObject({ slidingWindow: 4096, slidingWindowPattern: 'all' });
      expect(architectureFromHfConfig(HF_CONFIGS['google/gemma-2-9b'].config).architecture).toMatchObject({ slidingWindow: 4096, slidingWindowPattern: 'alternate' });
      expect(architectureFromHfConfig(HF_CONFIGS['Qwen/Qwen2.5-7B'].config).architecture.slidingWindow).toBeUndefined();
    });
  });

  describe('sliding-window attention in the detailed FLOPs', () => {
    const mistral = architectureFromHfConfig(HF_CONFIGS['mistralai/Mistral-7B-v0.1'].config).architecture;
    it('Mistral 7B at 32k context: every layer attends over 4,096 tokens, 1/8 of the full-context score FLOPs', () => {
      const windowed = detailedTrainingFlops(mistral, 1e9, { context: 32768 });
      const full = detailedTrainingFlops({ ...mistral, slidingWindow: undefined }, 1e9, { context: 32768 });
      expect(windowed.perTokenForward.attentionScores / full.perTokenForward.attentionScores).toBeCloseTo(1 / 8, 10);
      expect(windowed.perTokenForward.matmul).toBe(full.perTokenForward.matmul);
      // Below the window the window changes nothing.
      expect(detailedTrainingFlops(mistral, 1e9, { context: 2048 }).total).toBe(detailedTrainingFlops({ ...mistral, slidingWindow: undefined }, 1e9, { context: 2048 }).total);
    });
    it('Gemma 2 at 8k: half the layers local (4,096), half global (8,192) → 3/4 of full', () => {
      const gemma = architectureFromHfConfig(HF_CONFIGS['google/gemma-2-9b'].config).architecture;
      const r = detailedTrainingFlops(gemma, 1e9).perTokenForward.attentionScores;
      const full = detailedTrainingFlops({ ...gemma, slidingWindow: undefined }, 1e9).perTokenForward.attentionScores;
      expect(r / full).toBeCloseTo(0.75, 10);
    });
    it('MLA scores use its own head widths 2·s·heads·(192 + 128) per layer, and MTP adds a block and a head', () => {
      const f = detailedTrainingFlops(DEEPSEEK_V3, 1e9);
      expect(f.perTokenForward.attentionScores).toBe(2 * 4096 * 128 * (192 + 128) * (61 + 1));
      expect(f.perTokenForward.logits).toBe(2 * 2 * 129280 * 7168);
    });
  });
});

describe('short accelerator names resolve to a stated default variant', () => {
  it('h100 → the SXM5 80GB with a note; a100 → SXM4 80GB; an exact or unique name is untouched', async () => {
    const { getAccelerator, acceleratorNote } = await import('../../data/hardware.js');
    expect(getAccelerator('h100').id).toBe('nvidia-h100-sxm5-80gb');
    expect(acceleratorNote('h100')).toMatch(/h100 read as the H100 SXM5 80GB .* h100-pcie/);
    expect(getAccelerator('a100').id).toBe('nvidia-a100-sxm4-80gb');
    expect(getAccelerator('h100-pcie').id).toBe('nvidia-h100-pcie-80gb');
    expect(acceleratorNote('h200')).toBeUndefined();
  });
});
