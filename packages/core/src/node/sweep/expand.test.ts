import { describe, expect, it } from 'vitest';
import { parseSweepSpec } from '../../sweep/spec.js';
import { canonicalJson, expandSweep, largestFirst, learningRateFor } from './expand.js';

const iso = parseSweepSpec({
  name: 'demo',
  design: 'isoflop',
  dataset: { kind: 'moby-dick', tokenizer: 'char' },
  context: 32,
  batchSize: 8,
  seeds: [0, 1],
  learningRate: { rule: 'width-scaled', base: 0.004, baseDModel: 16 },
  models: { s: { layers: 1, dModel: 16, heads: 2 }, m: { layers: 2, dModel: 32, heads: 4 } },
  budgets: [{ flops: 1e11, models: ['s', 'm'] }],
});

const { budgets: _b, ...isoRest } = iso;

describe('expandSweep', () => {
  it('isoFLOP: D = C / (6N) with N = 12·L·d², rounded to whole steps', () => {
    const runs = expandSweep(iso);
    expect(runs).toHaveLength(4); // 2 models × 2 seeds
    const s = runs.find((r) => r.sweep.model === 's' && r.sweep.seed === 0)!;
    // N = 12·1·16² = 3072; D = 1e11 / (6·3072) = 5,425,347; 256 tokens/step → 21,193 steps
    expect(s.paramsNonEmbeddingNominal).toBe(3072);
    expect(s.steps).toBe(Math.round(1e11 / (6 * 3072) / 256));
    expect(s.spec.tokens).toBe(s.steps * 256);
    expect(s.sweep.flopsBudget).toBe(1e11);
    const m = runs.find((r) => r.sweep.model === 'm' && r.sweep.seed === 0)!;
    expect(m.paramsNonEmbeddingNominal).toBe(12 * 2 * 32 * 32);
    // width-scaled lr: 0.004 · 16/32
    expect(m.spec.learningRate).toBeCloseTo(0.002, 12);
    expect(s.spec.learningRate).toBeCloseTo(0.004, 12);
  });

  it('runKeys are stable, unique, and change when a setting changes', () => {
    const a = expandSweep(iso).map((r) => r.runKey);
    const b = expandSweep(iso).map((r) => r.runKey);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
    const changed = expandSweep({ ...iso, batchSize: 16 }).map((r) => r.runKey);
    expect(changed.some((k) => a.includes(k))).toBe(false);
    for (const r of expandSweep(iso)) expect(r.spec.id).toBe(r.runKey);
  });

  it('grid: models × tokens × seeds', () => {
    const grid = parseSweepSpec({ ...isoRest, design: 'grid', seeds: [3], grid: { models: ['s', 'm'], tokens: [1e5, 2e5, 4e5] } });
    const runs = expandSweep(grid);
    expect(runs).toHaveLength(6);
    expect(runs.every((r) => r.sweep.seed === 3 && r.sweep.tokenBudget !== undefined)).toBe(true);
  });

  it('refuses runs shorter than minSteps, naming the budget and model', () => {
    const tiny = { ...iso, budgets: [{ flops: 1e8, models: ['s', 'm'] }] };
    expect(() => expandSweep(tiny)).toThrow(/budgets\[0\]\.models\[1\]: model "m" would get 3 optimiser step.*minSteps/);
  });

  it('largestFirst orders by estimated cost, descending', () => {
    const grid = parseSweepSpec({ ...isoRest, design: 'grid', seeds: [0], grid: { models: ['s', 'm'], tokens: [1e5, 4e5] } });
    const order = largestFirst(expandSweep(grid)).map((r) => r.costEstimate);
    expect(order).toEqual([...order].sort((x, y) => y - x));
    expect(order[0]).toBeGreaterThan(order[order.length - 1]);
  });

  it('learning-rate rules', () => {
    expect(learningRateFor({ rule: 'constant', value: 0.01 }, 512)).toBe(0.01);
    expect(learningRateFor({ rule: 'width-scaled', base: 0.01, baseDModel: 64, exponent: 0.5 }, 256)).toBeCloseTo(0.005, 12);
  });

  it('canonicalJson ignores key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: 2 } })).toBe(canonicalJson({ a: { c: 2, d: [1, { x: 1, y: 2 }] }, b: 1 }));
  });
});
