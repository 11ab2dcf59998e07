import { describe, expect, it } from 'vitest';
import { estimateRun } from './estimateRun.js';
import { InputError } from '../errors.js';

const find = (e: ReturnType<typeof estimateRun>, name: string) => e.assumptions.find((a) => a.name === name);

describe('estimateRun', () => {
  it('7B × 140B tokens on H100 at 40 % MFU: 6ND, hours, cost, energy and CO2e follow the formulas', () => {
    const e = estimateRun({ params: 7e9, tokens: 140e9, hardware: 'nvidia-h100-sxm5-80gb', count: 64, usdPerHour: 2, pue: 1.1, gridGCO2ePerKWh: 400 });
    expect(e.flops).toBe(6 * 7e9 * 140e9);
    const hours = e.flops! / (989.4e12 * 0.4 * 3600);
    expect(e.acceleratorHours).toBeCloseTo(hours, 6);
    expect(e.wallClockHours).toBeCloseTo(hours / 64, 6);
    expect(e.costUsd).toBeCloseTo(hours * 2, 6);
    // 700 W TDP × 0.70 power fraction × 1.10 host overhead × PUE 1.1
    expect(e.energyKWh).toBeCloseTo((hours * 700 * 0.7 * 1.1 * 1.1) / 1000, 6);
    expect(e.co2eKg).toBeCloseTo((e.energyKWh * 400) / 1000, 6);
    expect(find(e, 'mfu')!.source).toMatch(/PaLM/);
    expect(find(e, 'usdPerHour')!.source).toBe('user');
  });

  it('lists every default it used with a source', () => {
    const e = estimateRun({ params: 1e9, tokens: 20e9 });
    for (const name of ['hardware', 'peakFlopsPerSecond', 'mfu', 'usdPerHour', 'tdpW', 'powerFraction', 'hostOverhead', 'pue', 'gridGCO2ePerKWh', 'householdKWhPerYear']) {
      const a = find(e, name);
      expect(a?.source.length ?? 0, `${name} listed with a source`).toBeGreaterThan(3);
    }
    expect(e.costUsd).not.toBeNull();
  });

  it('cloud regions bring their grid intensity and the provider PUE', () => {
    const e = estimateRun({ flops: 1e22, region: 'us-east-1' });
    expect(e.gridGCO2ePerKWh).toBe(415.8);
    expect(e.pue).toBe(1.15);
    expect(e.region!.id).toBe('aws:us-east-1');
  });

  it('hours + FLOPs imply the MFU; hours + MFU imply the FLOPs', () => {
    const a = estimateRun({ flops: 1e21, acceleratorHours: 1000, hardware: 'nvidia-a100-sxm4-80gb' });
    expect(a.mfu).toBeCloseTo(1e21 / (1000 * 3600 * 312e12), 9);
    const b = estimateRun({ acceleratorHours: 1000, mfu: 0.5, hardware: 'nvidia-a100-sxm4-80gb' });
    expect(b.flops).toBeCloseTo(1000 * 3600 * 312e12 * 0.5, -6);
  });

  it('overheads: restarts add to wall-clock and cost, the sweep only to cost', () => {
    const base = estimateRun({ flops: 1e22, count: 8, usdPerHour: 1 });
    const o = estimateRun({ flops: 1e22, count: 8, usdPerHour: 1, restartOverhead: 0.1, sweepOverhead: 0.2 });
    expect(o.costUsd! / base.costUsd!).toBeCloseTo(1.3, 9);
    expect(o.wallClockHours! / base.wallClockHours!).toBeCloseTo(1.1, 9);
    expect(o.energyKWh / base.energyKWh).toBeCloseTo(1.3, 9);
  });

  it('MoE uses active parameters for FLOPs', () => {
    const e = estimateRun({ params: 671e9, activeParams: 37e9, tokens: 14.8e12 });
    expect(e.flops).toBeCloseTo(6 * 37e9 * 14.8e12, -12);
  });

  it('detailed FLOPs from an architecture', () => {
    const arch = { layers: 96, dModel: 12288, heads: 96, vocab: 51200, context: 2048 };
    const e = estimateRun({ architecture: arch, tokens: 300e9, flopsMethod: 'detailed' });
    expect(e.flops! / 1e23).toBeCloseTo(3.2, 1);
    expect(e.flopsMethod).toBe('detailed');
  });

  it('accelerators without a price give costUsd null and say so', () => {
    const e = estimateRun({ flops: 1e21, hardware: 'nvidia-v100-sxm2-32gb' });
    expect(e.costUsd).toBeNull();
    expect(find(e, 'usdPerHour')!.source).toMatch(/give --price/);
  });

  it('optional embodied carbon and water', () => {
    const e = estimateRun({ acceleratorHours: 52560 * 0.85, hardware: 'nvidia-a100-sxm4-80gb', embodied: true, water: true, pue: 1 });
    // One GPU's whole amortised life → its whole embodied carbon (150 kg) and an eighth of its server's (2,500 kg).
    expect(e.embodied!.acceleratorsKg).toBeCloseTo(150, 6);
    expect(e.embodiedCo2eKg).toBeCloseTo(150 + 2500 / 8, 6);
    expect(e.waterLitres).toBeCloseTo(e.itEnergyKWh * 0.55, 6);
  });

  it('bad input: InputError naming the field', () => {
    const field = (spec: Parameters<typeof estimateRun>[0]) => {
      try { estimateRun(spec); } catch (e) { if (e instanceof InputError) return e.field; throw e; }
      return 'no error';
    };
    expect(field({ params: -7e9, tokens: 1e9 })).toBe('params');
    expect(field({ params: 7e9 })).toBe('tokens');
    expect(field({})).toBe('flops');
    expect(field({ flops: 1e21, params: 1e9 })).toBe('flops');
    expect(field({ flops: 1e21, region: 'FRA', gridGCO2ePerKWh: 50 })).toBe('grid');
    expect(field({ flops: 1e21, mfu: 1.5 })).toBe('mfu');
    expect(field({ flops: 1e21, count: 2.5 })).toBe('count');
    expect(field({ flops: 1e21, hardware: 'h10' })).toBe('hardware'); // a bare h100 resolves to the SXM5 (with a note)
    expect(field({ flops: 1e21, region: 'atlantis' })).toBe('region');
    expect(field({ flops: 1e21, acceleratorHours: 10, mfu: 0.3 })).toBe('mfu');
    expect(field({ flops: 1e21, hardware: 'google-tpu-v5e' })).toBe('watts');
    expect(field({ preset: 'gpt-5' })).toBe('preset');
    // finite inputs whose product overflows: an InputError naming the most extreme input given, not an output
    expect(field({ params: 1e200, tokens: 1e200 })).toBe('params');
    expect(field({ flops: 1e24, mfu: 1e-320 })).toBe('mfu');
  });
});
