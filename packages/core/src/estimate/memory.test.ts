import { describe, expect, it } from 'vitest';
import { activationBytes, bytesPerParam, loraMemorySavings, loraParams, trainingMemory } from './memory.js';

const GB = 1e9;

describe('training memory', () => {
  it('mixed-precision Adam is 16 bytes per parameter (Rajbhandari et al. 2020, §3.1: 2Ψ + 2Ψ + 12Ψ)', () => {
    const b = bytesPerParam('mixed', 'adam');
    expect(b.weights + b.gradients + b.optimizer).toBe(16);
    expect(bytesPerParam('fp32', 'sgd')).toEqual({ weights: 4, gradients: 4, optimizer: 0 });
    expect(bytesPerParam('bf16', 'sgd-momentum').optimizer).toBe(2);
  });

  it('ZeRO stages for 7.5B params on 64 data-parallel GPUs: 120, 31.4, 16.6, 1.9 GB (Rajbhandari et al. 2020, Figure 1)', () => {
    const m = (zeroStage: 0 | 1 | 2 | 3) => trainingMemory({ params: 7.5e9, precision: 'mixed', optimizer: 'adam', zeroStage, dataParallel: 64 }).totalBytes / GB;
    expect(m(0)).toBeCloseTo(120, 1);
    expect(m(1)).toBeCloseTo(31.4, 1);
    expect(m(2)).toBeCloseTo(16.6, 1);
    expect(m(3)).toBeCloseTo(1.9, 1);
  });

  it('tensor and pipeline parallelism divide model states', () => {
    const one = trainingMemory({ params: 70e9 }).totalBytes;
    expect(trainingMemory({ params: 70e9, tensorParallel: 8, pipelineParallel: 4 }).totalBytes).toBeCloseTo(one / 32, 0);
  });

  it('activations: 34·sbh + 5·a·s²·b per layer without recomputation, 34·sbh selective, 2·sbh full (Korthikanti et al. 2022, Table 2)', () => {
    const a = { layers: 1, dModel: 12288, heads: 96, sequence: 2048, microBatch: 1 };
    const sbh = 2048 * 12288;
    expect(activationBytes(a)).toBeCloseTo(sbh * (34 + (5 * 96 * 2048) / 12288), 0);
    expect(activationBytes({ ...a, recompute: 'selective' })).toBe(34 * sbh);
    expect(activationBytes({ ...a, recompute: 'full' })).toBe(2 * sbh);
    expect(activationBytes({ ...a, recompute: 'selective' }, 8)).toBe((34 * sbh) / 8);
  });

  it('LoRA on GPT-3 (q, v): r=1 → 4.7M and r=8 → 37.7M trainable parameters, the sizes in Hu et al. 2021, Table 4', () => {
    const gpt3 = { layers: 96, dModel: 12288, heads: 96, vocab: 50257 };
    expect(loraParams(gpt3, 1) / 1e6).toBeCloseTo(4.7, 1);
    expect(loraParams(gpt3, 8) / 1e6).toBeCloseTo(37.7, 1);
  });

  it('LoRA keeps only frozen fp16 weights for the base: GPT-3 ≈ 350 GB of model state, the figure Hu et al. 2021 report for LoRA (full mixed-precision Adam here: 16 B/param = 2.8 TB)', () => {
    const gpt3 = { layers: 96, dModel: 12288, heads: 96, vocab: 50257 };
    const { full, lora, savedBytes } = loraMemorySavings({ params: 175e9, precision: 'mixed', optimizer: 'adam' }, loraParams(gpt3, 4));
    expect(lora.totalBytes / GB).toBeCloseTo(350, -1);
    expect(full.totalBytes / GB).toBeCloseTo(2800, -1);
    expect(savedBytes).toBeCloseTo(full.totalBytes - lora.totalBytes, 0);
  });

  it('names the field on bad input', () => {
    expect(() => trainingMemory({ params: -1 })).toThrow(/params/);
    expect(() => trainingMemory({ params: 1e9, zeroStage: 4 as 3 })).toThrow(/zeroStage/);
    expect(() => loraParams({ layers: 2, dModel: 64, heads: 4, vocab: 10 }, 4, ['gate'])).toThrow(/gate/);
  });
});
