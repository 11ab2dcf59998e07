import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { estimateRun, type EstimateSpec } from './estimateRun.js';

const GB = 1e9;
const mem = (spec: EstimateSpec) => {
  const e = estimateRun(spec);
  expect(e.memory).not.toBeNull();
  return { e, m: e.memory! };
};
const find = (e: ReturnType<typeof estimateRun>, name: string) => e.assumptions.find((a) => a.name === name);

describe('estimateRun memory section', () => {
  it('7.5B params on 64 GPUs, mixed-precision Adam: 120, 31.4, 16.6, 1.9 GB for ZeRO 0-3 (Rajbhandari et al. 2020, Figure 1)', () => {
    const at = (zeroStage: 0 | 1 | 2 | 3) => mem({ params: 7.5e9, tokens: 1e12, count: 64, memory: { zeroStage } }).m;
    expect(at(0).totalBytes / GB).toBeCloseTo(120, 1);
    expect(at(1).totalBytes / GB).toBeCloseTo(31.4, 1);
    expect(at(2).totalBytes / GB).toBeCloseTo(16.6, 1);
    expect(at(3).totalBytes / GB).toBeCloseTo(1.9, 1);
    expect(at(0).dataParallel).toBe(64);
    expect(at(0).activationsBytes).toBeNull();
  });

  it('does not fit 120 GB on an 80 GB H100; names ZeRO 1 and TP 2 as the smallest changes that fit', () => {
    const { m } = mem({ params: 7.5e9, tokens: 1e12, count: 64, hardware: 'nvidia-h100-sxm5-80gb' });
    expect(m.acceleratorBytes).toBe(80 * GB);
    expect(m.fits).toBe(false);
    expect(m.toFit).toEqual({ zeroStage: 1, tensorParallel: 2 });
    const fixed = mem({ params: 7.5e9, tokens: 1e12, count: 64, hardware: 'nvidia-h100-sxm5-80gb', memory: { zeroStage: 1 } }).m;
    expect(fixed.fits).toBe(true);
    expect(fixed.toFit).toBeNull();
  });

  it('without a count there is one replica, so ZeRO cannot help and says so', () => {
    const { e, m } = mem({ params: 70e9, tokens: 1e12, memory: { zeroStage: 3 } });
    expect(m.dataParallel).toBe(1);
    expect(m.totalBytes / GB).toBeCloseTo(70 * 16, 6);
    expect(m.toFit!.zeroStage).toBeNull();
    expect(find(e, 'memory.dataParallel')!.source).toMatch(/ZeRO shards nothing/);
  });

  it('LoRA on GPT-3 (q, v): r=1 → 4.7M trainable params (Hu et al. 2021, Table 4); r=4 on q,v = r=8 on q = r=2 on q,k,v,o = the 18M budget of Table 5', () => {
    const lora = (loraRank: number, loraTargets?: ('q' | 'k' | 'v' | 'o')[]) => mem({ preset: 'gpt-3', memory: { loraRank, loraTargets } }).m.lora!.trainableParams;
    expect(lora(1) / 1e6).toBeCloseTo(4.7, 1);
    const r4qv = lora(4);
    expect(r4qv).toBe(96 * 2 * 4 * (12288 + 12288));
    expect(r4qv / 1e6).toBeGreaterThan(18);
    expect(r4qv / 1e6).toBeLessThan(19);
    expect(lora(8, ['q'])).toBe(r4qv);
    expect(lora(2, ['q', 'k', 'v', 'o'])).toBe(r4qv);
  });

  it('LoRA on GPT-3 keeps ≈350 GB of frozen 16-bit weights (Hu et al. 2021, §4.2) and reports the saving against full fine-tuning', () => {
    const { e, m } = mem({ preset: 'gpt-3', memory: { loraRank: 4 } });
    expect(m.weightsBytes / GB).toBeCloseTo(350, -1);
    expect(m.trainableParams).toBe(m.lora!.trainableParams);
    expect(m.lora!.fullFineTuneBytes - m.totalBytes).toBeCloseTo(m.lora!.savedBytes, 0);
    // full fine-tuning carries 16 B/param of model states (÷ nothing: ZeRO 0), LoRA 2 B/param plus the adapters
    expect(m.lora!.savedBytes).toBeGreaterThan(e.params! * 13);
    expect(find(e, 'memory.loraTargets')!.source).toMatch(/Hu et al\. 2021/);
  });

  it('activations of GPT-3 (s 2048, b 1, TP 8): L·sbh(34 + 5as/h)/t without recomputation, 34·sbh selective, 2·sbh full (Korthikanti et al. 2022, Table 2)', () => {
    const sbh = 2048 * 1 * 12288;
    const act = (recompute?: 'none' | 'selective' | 'full') => mem({ preset: 'gpt-3', memory: { tensorParallel: 8, recompute } }).m.activationsBytes!;
    expect(act()).toBeCloseTo((96 * sbh * (34 + (5 * 96 * 2048) / 12288)) / 8, 0);
    expect(act('selective')).toBeCloseTo((96 * 34 * sbh) / 8, 0);
    expect(act('full')).toBeCloseTo((96 * 2 * sbh) / 8, 0);
    // micro-batch and sequence scale them; the estimate's own recompute flag means full
    expect(mem({ preset: 'gpt-3', memory: { tensorParallel: 8, recompute: 'selective', microBatch: 4 } }).m.activationsBytes).toBeCloseTo(4 * act('selective'), 0);
    expect(mem({ preset: 'gpt-3', recompute: true, memory: { tensorParallel: 8 } }).m.activationsBytes).toBeCloseTo(act('full'), 0);
  });

  it('lists every default it used with a source', () => {
    const { e } = mem({ preset: 'llama-2-70b', count: 2048 });
    for (const name of ['memory.optimizer', 'memory.precision', 'memory.zeroStage', 'memory.tensorParallel', 'memory.pipelineParallel', 'memory.dataParallel', 'memory.microBatch', 'memory.sequence', 'memory.recompute', 'memory.acceleratorBytes']) {
      const a = find(e, name);
      expect(a?.source.length ?? 0, `${name} listed with a source`).toBeGreaterThan(3);
    }
    expect(find(e, 'memory.precision')!.source).toMatch(/Rajbhandari et al\. 2020/);
    expect(find(e, 'memory.sequence')!.value).toBe(4096);
  });

  it('training precision follows the peak precision: fp32 keeps 4-byte weights, bf16 mixed 2-byte', () => {
    expect(mem({ params: 1e9, tokens: 1e10, precision: 'fp32' }).m.weightsBytes).toBe(4e9);
    expect(mem({ params: 1e9, tokens: 1e10 }).m.weightsBytes).toBe(2e9);
    expect(mem({ params: 1e9, tokens: 1e10, precision: 'fp32', memory: { precision: 'bf16', optimizer: 'sgd' } }).m.totalBytes).toBe(4e9);
  });

  it('a count not divisible by TP × PP leaves accelerators idle and says so', () => {
    const { e, m } = mem({ params: 1e9, tokens: 1e10, count: 10, memory: { tensorParallel: 4 } });
    expect(m.dataParallel).toBe(2);
    expect(find(e, 'memory.dataParallel')!.source).toMatch(/2 accelerators unused/);
  });

  it('is null without a parameter count and leaves the other outputs unchanged', () => {
    expect(estimateRun({ flops: 1e22 }).memory).toBeNull();
    const a = estimateRun({ params: 7e9, tokens: 1e12, count: 64 });
    const b = estimateRun({ params: 7e9, tokens: 1e12, count: 64, memory: { zeroStage: 3, tensorParallel: 8 } });
    expect(b.costUsd).toBe(a.costUsd);
    expect(b.co2eKg).toBe(a.co2eKg);
    expect(b.memory!.totalBytes).toBeLessThan(a.memory!.totalBytes);
  });

  it('names the field on bad or contradictory input', () => {
    expect(() => estimateRun({ flops: 1e22, memory: { zeroStage: 1 } })).toThrow(/^zeroStage: needs the parameter count/);
    expect(() => estimateRun({ flops: 1e22, recompute: true })).toThrow(/^recompute: needs the parameter count/);
    expect(() => estimateRun({ params: 1e9, tokens: 1e10, memory: { zeroStage: 4 as 3 } })).toThrow(/^zeroStage/);
    expect(() => estimateRun({ params: 1e9, tokens: 1e10, memory: { loraRank: 8 } })).toThrow(/^loraRank: needs an architecture/);
    expect(() => estimateRun({ preset: 'gpt-3', memory: { loraTargets: ['q'] } })).toThrow(/^loraTargets: given without a LoRA rank/);
    expect(() => estimateRun({ params: 1e9, tokens: 1e10, count: 8, memory: { tensorParallel: 4, pipelineParallel: 4 } })).toThrow(/^tensorParallel: TP × PP/);
    expect(() => estimateRun({ params: 1e9, tokens: 1e10, memory: { sequence: 2048 } })).toThrow(/^sequence: needs an architecture/);
    expect(() => estimateRun({ preset: 'gpt-3', memory: { microBatch: 0.5 } })).toThrow(/^microBatch/);
    expect(() => estimateRun({ preset: 'gpt-3', memory: { optimizer: 'lion' as 'adam' } })).toThrow(/^optimizer/);
  });

  it('properties: a higher ZeRO stage (or, without ZeRO, TP degree) never needs more memory, LoRA never more than full training, and each suggested fix fits', () => {
    const arch = { layers: 32, dModel: 4096, heads: 32, vocab: 32000, context: 4096 };
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 4096 }), fc.constantFrom(0, 1, 2) as fc.Arbitrary<0 | 1 | 2>,
      fc.constantFrom(1, 2, 4), fc.constantFrom('none', 'selective', 'full') as fc.Arbitrary<'none' | 'selective' | 'full'>,
      (scale, count, zeroStage, tensorParallel, recompute) => {
        fc.pre(tensorParallel <= count);
        const a = { ...arch, layers: arch.layers * Math.ceil(scale / 8), dModel: arch.dModel * Math.min(scale, 4) };
        const spec = { architecture: a, tokens: 1e12, count, hardware: 'nvidia-h100-sxm5-80gb', memory: { zeroStage, tensorParallel, recompute } };
        const m = estimateRun(spec).memory!;
        expect(estimateRun({ ...spec, memory: { ...spec.memory, zeroStage: (zeroStage + 1) as 1 | 2 | 3 } }).memory!.totalBytes).toBeLessThanOrEqual(m.totalBytes);
        // At a fixed count more TP means fewer ZeRO shards (ZeRO-2, 12 GPUs: TP 4 × DP 3 needs less than TP 8 × DP 1), so TP is monotone only without ZeRO.
        if (zeroStage === 0 && tensorParallel * 2 <= count) expect(estimateRun({ ...spec, memory: { ...spec.memory, tensorParallel: tensorParallel * 2 } }).memory!.totalBytes).toBeLessThanOrEqual(m.totalBytes * (1 + 1e-12));
        expect(estimateRun({ ...spec, memory: { ...spec.memory, loraRank: 8 } }).memory!.totalBytes).toBeLessThanOrEqual(m.totalBytes);
        expect(m.fits).toBe(m.totalBytes <= m.acceleratorBytes);
        if (m.toFit?.zeroStage) expect(estimateRun({ ...spec, memory: { ...spec.memory, zeroStage: m.toFit.zeroStage } }).memory!.fits).toBe(true);
        if (m.toFit?.tensorParallel) expect(estimateRun({ ...spec, memory: { ...spec.memory, tensorParallel: m.toFit.tensorParallel } }).memory!.fits).toBe(true);
      },
    ), { numRuns: 200 });
  });
});
