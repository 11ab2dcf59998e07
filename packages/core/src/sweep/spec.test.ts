import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { parseSweepSpec, parseSweepSpecText } from './spec.js';

const base = {
  name: 'demo',
  design: 'isoflop',
  dataset: { kind: 'moby-dick', tokenizer: 'char' },
  context: 32,
  batchSize: 8,
  learningRate: { rule: 'constant', value: 0.003 },
  models: { s: { layers: 1, dModel: 16, heads: 2 }, m: { layers: 2, dModel: 32, heads: 4 } },
  budgets: [{ flops: 1e11, models: ['s', 'm'] }],
};

function errorOf(value: unknown): InputError {
  try {
    parseSweepSpec(value);
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('parseSweepSpec', () => {
  it('accepts a valid isoFLOP spec and fills defaults', () => {
    const s = parseSweepSpec(base);
    expect(s.seeds).toEqual([0]);
    expect(s.minSteps).toBe(10);
    expect(s.design).toBe('isoflop');
  });

  it('names a missing field and says what to add', () => {
    const { context: _omit, ...rest } = base;
    const e = errorOf(rest);
    expect(e.message).toBe('spec: context: is missing (add a number)');
  });

  it('names a nested field by path', () => {
    const e = errorOf({ ...base, budgets: [{ flops: -5, models: ['s', 'm'] }] });
    expect(e.field).toBe('spec: budgets[0].flops');
    expect(e.message).toContain('greater than 0');
  });

  it('rejects an unknown design with the allowed values', () => {
    const e = errorOf({ ...base, design: 'random' });
    expect(e.field).toBe('spec: design');
    expect(e.message).toContain('"grid", "isoflop"');
  });

  it('rejects a misspelt field (strict objects)', () => {
    const e = errorOf({ ...base, batchsize: 8 });
    expect(e.message).toContain('unknown field(s) "batchsize"');
    expect(e.fix).toMatch(/spelling/);
  });

  it('rejects dModel not divisible by heads', () => {
    const e = errorOf({ ...base, models: { ...base.models, s: { layers: 1, dModel: 18, heads: 4 } } });
    expect(e.field).toBe('spec: models.s.heads');
    expect(e.message).toContain('multiple of heads');
  });

  it('rejects a budget naming an undefined model, listing the known ones', () => {
    const e = errorOf({ ...base, budgets: [{ flops: 1e11, models: ['s', 'xl'] }] });
    expect(e.field).toBe('spec: budgets[0].models[1]');
    expect(e.message).toContain('unknown model "xl"');
    expect(e.fix).toContain('s, m');
  });

  it('rejects a bad learning-rate rule', () => {
    const e = errorOf({ ...base, learningRate: { rule: 'width-scaled', base: 0.01 } });
    expect(e.field).toBe('spec: learningRate.baseDModel');
  });

  it('grid needs token budgets', () => {
    const { budgets: _b, ...rest } = base;
    const e = errorOf({ ...rest, design: 'grid', grid: { models: ['s'], tokens: [] } });
    expect(e.field).toBe('spec: grid.tokens');
    expect(e.message).toContain('at least 1 item');
  });

  it('reports malformed JSON as one line', () => {
    expect(() => parseSweepSpecText('{"name": ', 'x.json')).toThrow(/^x\.json: is not valid JSON/);
  });

  it('every message is one line', () => {
    for (const bad of [{}, { ...base, seeds: [-1] }, { ...base, dataset: { kind: 'markov', order: 0, vocab: 3 } }]) {
      expect(errorOf(bad).message).not.toContain('\n');
    }
  });
});
