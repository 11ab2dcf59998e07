import { describe, expect, it } from 'vitest';
import { parseSweepSpec } from '../sweep/spec.js';
import { InputError } from '../errors.js';
import { checkModelShape, validateModelShape } from './shape.js';
import { resolveRunSpec } from './spec.js';

const errorOf = (f: () => unknown): InputError => {
  try {
    f();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('no error');
};

const sweep = (model: Record<string, unknown>) => ({
  name: 't', design: 'grid', dataset: { kind: 'markov', order: 1, vocab: 8 }, context: 16, batchSize: 4, learningRate: { rule: 'constant', value: 0.01 },
  models: { m: model }, grid: { models: ['m'], tokens: [1e4] },
});
const run = (model: Record<string, unknown>) => ({ id: 'x', model, tokens: 1e4, batchSize: 4, learningRate: 0.01, seed: 0, dataset: { kind: 'markov', order: 1, vocab: 8 } }) as never;

describe('checkModelShape: the one model-shape check', () => {
  it('accepts whole dimensions with heads dividing dModel', () => {
    expect(() => checkModelShape({ layers: 2, dModel: 64, heads: 4, context: 32 })).not.toThrow();
  });
  it('names the dimension and the fix', () => {
    expect(errorOf(() => checkModelShape({ layers: 0, dModel: 64, heads: 4, context: 32 })).field).toBe('model.layers');
    expect(errorOf(() => checkModelShape({ layers: 1.5, dModel: 64, heads: 4, context: 32 })).problem).toMatch(/whole number/);
    const e = errorOf(() => validateModelShape({ layers: 1, dModel: 18, heads: 4, context: 8 }));
    expect(e.field).toBe('model.heads');
    expect(e.problem).toBe('dModel 18 is not a multiple of heads 4');
    expect(e.fix).toMatch(/dModel 16 with heads 4/);
  });
  it('applies a caller\'s limits and checks only the dimensions they list', () => {
    const limits = { layers: { min: 1, max: 8 }, dModel: { min: 8, max: 512 }, heads: { min: 1, max: 16 } };
    expect(errorOf(() => checkModelShape({ layers: 9, dModel: 64, heads: 4 }, { field: '', limits })).message).toBe('layers: must be at most 8, got 9 (give a value of 8 or less)');
    expect(() => checkModelShape({ layers: 2, dModel: 64, heads: 4 }, { field: '', limits })).not.toThrow();
  });
  it('the sweep spec, the trainer\'s run spec and the check itself give one message for one mistake', () => {
    const bad = { layers: 1, dModel: 18, heads: 4 };
    const direct = errorOf(() => checkModelShape(bad, { field: '', limits: { layers: { min: 1 }, dModel: { min: 1 }, heads: { min: 1 } } }));
    const fromSweep = errorOf(() => parseSweepSpec(sweep(bad)));
    const fromRun = errorOf(() => resolveRunSpec(run({ ...bad, context: 16 })));
    expect(fromSweep.field).toBe('spec: models.m.heads');
    expect(fromRun.field).toBe('model.heads');
    expect(fromSweep.problem).toBe(direct.problem);
    expect(fromRun.problem).toBe(direct.problem);
    expect(fromSweep.fix).toBe(direct.fix);
    // the sweep's caps
    expect(errorOf(() => parseSweepSpec(sweep({ layers: 65, dModel: 64, heads: 4 }))).message).toBe('spec: models.m.layers: must be at most 64, got 65 (give a value of 64 or less)');
    expect(errorOf(() => parseSweepSpec(sweep({ layers: 2, dModel: 64 }))).field).toBe('spec: models.m.heads');
  });
});
