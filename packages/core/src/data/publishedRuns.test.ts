// Each published run's stated inputs, through estimateRun, give the paper's own figures.
import { describe, expect, it } from 'vitest';
import { estimateRun } from '../estimate/estimateRun.js';
import { getPublishedRun, listPublishedRuns } from './publishedRuns.js';
import { getAccelerator } from './hardware.js';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('published runs dataset', () => {
  it('has the runs issue 2 asks for, each with a citation and a known accelerator', () => {
    const ids = listPublishedRuns().map((r) => r.id);
    for (const id of ['gpt-3', 'gopher', 'palm-540b', 'opt-175b', 'bloom-176b', 'llama-1-65b', 'llama-2-7b', 'llama-2-70b', 'llama-3.1-405b', 'deepseek-v3']) {
      expect(ids).toContain(id);
    }
    for (const r of listPublishedRuns()) {
      expect(r.citation.length).toBeGreaterThan(10);
      expect(getAccelerator(r.hardware.value).id).toBe(r.hardware.value);
      expect(r.params.source).not.toBe('');
    }
  });

  it('finds presets forgivingly', () => {
    expect(getPublishedRun('Llama 2 70B').id).toBe('llama-2-70b');
    expect(() => getPublishedRun('llama-2-13b')).toThrow(/did you mean/);
  });
});

describe('reproducing the papers from their stated inputs', () => {
  it('Llama-2-70B: 1,720,320 A100-h × 400 W × PUE 1.1 × 0.385 kg/kWh = 291.42 tCO2e (Touvron et al. 2023, Table 2)', () => {
    const e = estimateRun({ preset: 'llama-2-70b' });
    expect(e.acceleratorHours).toBe(1_720_320);
    expect(e.co2eKg / 1000).toBeCloseTo(291.42, 2);
  });

  it('Llama-2-7B: 184,320 A100-h → 31.22 tCO2e (Touvron et al. 2023, Table 2)', () => {
    expect(estimateRun({ preset: 'llama-2-7b' }).co2eKg / 1000).toBeCloseTo(31.22, 2);
  });

  it('LLaMA-65B: 1,022,362 A100-h → 449 MWh and 173 tCO2e (Touvron et al. 2023a, Table 15)', () => {
    const e = estimateRun({ preset: 'llama-1-65b' });
    expect(rel(e.energyKWh, 449_000)).toBeLessThan(0.002);
    expect(Math.round(e.co2eKg / 1000)).toBe(173);
  });

  it('GPT-3: 10,000 V100 × 14.8 days × 330 W × PUE 1.1 ≈ 1,287 MWh and 0.429 kg/kWh ≈ 552 tCO2e (Patterson et al. 2021, Table 4)', () => {
    const e = estimateRun({ preset: 'gpt-3' });
    // 14.8 days is rounded in the paper, so allow 0.5 %.
    expect(rel(e.energyKWh, 1_287_000)).toBeLessThan(0.005);
    expect(rel(e.co2eKg, 552_000)).toBeLessThan(0.005);
    expect(rel(e.flops!, 3.14e23)).toBeLessThan(0.01);
  });

  it('Gopher: 4096 TPUv3 × 920 h × 283 W × PUE 1.08 × 0.33 t/MWh = 380 tCO2e (Rae et al. 2021, App. F)', () => {
    expect(Math.round(estimateRun({ preset: 'gopher' }).co2eKg / 1000)).toBe(380);
  });

  it('PaLM 540B: 8.40M TPUv4 chip-h × 378.5 W × PUE 1.08 × 0.079 t/MWh = 271.43 tCO2e (Chowdhery et al. 2022, App. B)', () => {
    expect(estimateRun({ preset: 'palm-540b' }).co2eKg / 1000).toBeCloseTo(271.43, 1);
  });

  it('BLOOM: 1,082,990 A100-h × 400 W = 433,196 kWh; × 57 g/kWh = 24.7 tCO2e (Luccioni et al. 2022)', () => {
    const e = estimateRun({ preset: 'bloom-176b' });
    expect(e.energyKWh).toBeCloseTo(433_196, 0);
    expect(e.co2eKg / 1000).toBeCloseTo(24.7, 1);
  });

  it('OPT-175B: 324 MWh × 231 g/kWh ≈ 75 tCO2e (Zhang et al. 2022; inputs from Luccioni et al. 2022 Table 4)', () => {
    expect(Math.round(estimateRun({ preset: 'opt-175b' }).co2eKg / 1000)).toBe(75);
  });

  it('DeepSeek-V3: 2.788M H800-h × $2 = $5.576M (DeepSeek-AI 2024, Table 1)', () => {
    expect(estimateRun({ preset: 'deepseek-v3' }).costUsd).toBeCloseTo(5.576e6, 0);
  });

  it('Llama-3.1-405B: 6ND with 405B params and 15.6T tokens ≈ 3.8e25 FLOPs (Llama Team 2024, Introduction)', () => {
    const e = estimateRun({ preset: 'llama-3.1-405b' });
    expect(rel(e.flops!, 3.8e25)).toBeLessThan(0.01);
    // The card states neither PUE nor grid: the values used are marked inferred.
    expect(e.assumptions.find((a) => a.name === 'pue')!.source).toMatch(/^inferred/);
    expect(e.assumptions.find((a) => a.name === 'gridGCO2ePerKWh')!.source).toMatch(/^inferred/);
  });

  // Model cards: GPU-hours × 700 W × PUE × grid; PUE 1.1 and the grid factor are inferred (see publishedRuns.ts).
  // The cards round GPU-hours to 2–3 significant figures, so allow 1.5 %.
  for (const [id, t] of [['llama-3-8b', 390], ['llama-3-70b', 1900], ['llama-3.1-8b', 420], ['llama-3.1-70b', 2040], ['llama-3.1-405b', 8930], ['llama-3.2-1b', 107], ['llama-3.2-3b', 133]] as const) {
    it(`${id}: the model card's ${t} tCO2e location-based, within 1.5 %`, () => {
      const e = estimateRun({ preset: id });
      expect(rel(e.co2eKg / 1000, t)).toBeLessThan(0.015);
      expect(e.params).toBe(e.preset!.id.includes('405b') ? 405_853_388_800 : e.params);
      expect(e.preset!.notes).toMatch(/inferred/);
    });
  }

  it('Llama 3 presets count their parameters from the released architectures (8,030,261,248; 70,553,706,496; 1,235,814,400; 3,212,749,824)', () => {
    expect(estimateRun({ preset: 'llama-3.1-8b' }).params).toBe(8_030_261_248);
    expect(estimateRun({ preset: 'llama-3-70b' }).params).toBe(70_553_706_496);
    expect(estimateRun({ preset: 'llama-3.2-1b' }).params).toBe(1_235_814_400);
    expect(estimateRun({ preset: 'llama-3.2-3b' }).params).toBe(3_212_749_824);
  });

  it('DeepSeek-V3 from its architecture: 671B total and 37B activated within the report\'s rounding, $5.576M', () => {
    const e = estimateRun({ preset: 'deepseek-v3' });
    expect(rel(e.params!, 671e9)).toBeLessThan(0.01);
    expect(Math.abs(e.activeParams! - 37e9)).toBeLessThan(0.5e9);
    expect(e.assumptions.find((a) => a.name === 'params')!.source).toMatch(/architecture/);
    expect(e.costUsd).toBeCloseTo(5.576e6, 0);
  });

  it('BLOOM embodied: GPUs 3.64 t + servers 7.57 t = 11.2 tCO2e (Luccioni et al. 2022, §4), within 10 %', () => {
    const e = estimateRun({ preset: 'bloom-176b', embodied: true });
    expect(rel(e.embodiedCo2eKg!, 11_200)).toBeLessThan(0.1);
    expect(e.embodied!.acceleratorsKg / 1000).toBeCloseTo(3.64, 1);
    expect(e.embodied!.serversKg / 1000).toBeCloseTo(7.57, 1);
    expect(e.assumptions.find((a) => a.name === 'embodiedNotIncluded')!.value).toMatch(/networking/);
  });

  it('a preset with overrides: new tokens keep the preset model, recompute hours, and say what was replaced', () => {
    const e = estimateRun({ preset: 'llama-2-7b', tokens: 1e9 });
    expect(e.params).toBe(6_738_415_616);
    expect(e.flops).toBeCloseTo(6 * 6_738_415_616 * 1e9, -3);
    expect(e.preset!.replaced).toEqual(['tokens (given)', 'acceleratorHours (recomputed)']);
    const hw = estimateRun({ preset: 'llama-2-70b', hardware: 'nvidia-h100-sxm5-80gb' });
    expect(hw.preset!.replaced).toContain('hardware (given)');
    expect(hw.preset!.replaced).toContain('watts (recomputed)');
  });

  it('caller fields override the preset: Llama-2-70B in France', () => {
    const base = estimateRun({ preset: 'llama-2-70b' });
    const fr = estimateRun({ preset: 'llama-2-70b', region: 'France' });
    expect(fr.energyKWh).toBeCloseTo(base.energyKWh * (fr.pue / base.pue), 3);
    expect(fr.co2eKg).toBeLessThan(base.co2eKg / 4);
  });
});
