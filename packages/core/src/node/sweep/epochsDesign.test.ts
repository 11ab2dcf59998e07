import { describe, expect, it } from 'vitest';
import { parseSweepSpec } from '../../sweep/spec.js';
import { textSource } from '../../train/data.js';
import { expandSweep } from './expand.js';

const spec = {
  name: 'ep',
  design: 'epochs',
  dataset: { kind: 'moby-dick', tokenizer: 'char' },
  context: 32,
  batchSize: 8,
  learningRate: { rule: 'constant', value: 0.01 },
  models: { s: { layers: 1, dModel: 16, heads: 2 } },
  epochs: { models: ['s'], caps: [{ uniqueTokens: 16384, epochs: [1, 4, 32] }], unlimitedTokens: [16384, 65536] },
};

describe('the "epochs" sweep design (repeated data)', () => {
  it('trains uniqueTokens × epochs tokens with the cap in the run\'s dataset, plus unlimited baselines', () => {
    const runs = expandSweep(parseSweepSpec(spec));
    expect(runs).toHaveLength(5);
    const capped = runs.filter((r) => r.sweep.uniqueTokens === 16384);
    expect(capped.map((r) => r.spec.tokens)).toEqual([16384, 65536, 524288]);
    expect(capped.map((r) => r.sweep.epochs)).toEqual([1, 4, 32]);
    for (const r of capped) expect(r.spec.dataset).toEqual({ kind: 'moby-dick', tokenizer: 'char', uniqueTokens: 16384 });
    const free = runs.filter((r) => r.sweep.uniqueTokens === undefined);
    expect(free.map((r) => r.spec.tokens)).toEqual([16384, 65536]);
    for (const r of free) expect(r.spec.dataset).toEqual({ kind: 'moby-dick', tokenizer: 'char' });
    // the same D with and without a cap are different runs
    expect(new Set(runs.map((r) => r.runKey)).size).toBe(5);
  });

  it('refuses epochs below 1, an unknown model and a Markov dataset, naming the field', () => {
    expect(() => parseSweepSpec({ ...spec, epochs: { ...spec.epochs, caps: [{ uniqueTokens: 1000, epochs: [0.5] }] } })).toThrow(/epochs\.caps\[0\]\.epochs\[0\]/);
    expect(() => parseSweepSpec({ ...spec, epochs: { ...spec.epochs, models: ['x'] } })).toThrow(/epochs\.models\[0\]: unknown model "x"/);
    expect(() => parseSweepSpec({ ...spec, dataset: { kind: 'markov', order: 1, vocab: 4 } })).toThrow(/dataset\.kind/);
  });
});

describe('textSource with a unique-token cap', () => {
  const tokens = Int32Array.from({ length: 10000 }, (_, i) => i % 97);
  it('refuses a cap larger than the training split, naming the field', () => {
    expect(() => textSource(tokens, 97, 1, 0.1, 20000)).toThrow(/dataset\.uniqueTokens.*at most 9000/);
  });
  it('draws every training window from the first uniqueTokens tokens: a 64-token cap gives at most 48 distinct starts', () => {
    const seq = Int32Array.from({ length: 10000 }, (_, i) => i); // every position distinct
    const src = textSource(seq, 10000, 3, 0.1, 64);
    const starts = new Set<number>();
    for (let k = 0; k < 200; k++) {
      const b = src.trainBatch(4, 16);
      for (let r = 0; r < 4; r++) starts.add(b.x[r * 16]!);
    }
    expect(Math.max(...starts)).toBeLessThan(64 - 16);
    expect(starts.size).toBeLessThanOrEqual(48);
  });
});
