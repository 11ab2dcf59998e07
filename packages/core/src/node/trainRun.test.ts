import { describe, expect, it } from 'vitest';
import { trainRun, WATTS_PER_CORE_DEFAULT } from './trainRun.js';
import type { RunSpec } from '../train/types.js';

const base: RunSpec = {
  id: 'markov-tiny',
  model: { layers: 1, dModel: 32, heads: 2, context: 16 },
  tokens: 16 * 16 * 60,
  batchSize: 16,
  learningRate: 1e-2,
  seed: 2,
  dataset: { kind: 'markov', order: 1, vocab: 12, branching: 2, zipfExponent: 1 },
};

describe('trainRun (WASM backend)', () => {
  it('learns a Markov source towards its entropy rate and records the run', async () => {
    const r = await trainRun(base, { backend: 'wasm' });
    expect(r.backend).toBe('wasm');
    expect(r.spec).toEqual(base);
    // two successors per context with Zipf exponents in [0.5, 1.5]: H between h(1/(1+2^1.5)) and h(1/(1+2^0.5))
    const h = (p: number) => -p * Math.log(p) - (1 - p) * Math.log(1 - p);
    expect(r.entropyRate!).toBeGreaterThan(h(1 / (1 + 2 ** 1.5)));
    expect(r.entropyRate!).toBeLessThan(h(1 / (1 + 2 ** 0.5)));
    expect(r.finalValLoss!).toBeLessThan(0.5 * Math.log(12)); // from ln 12 = 2.48 at init
    expect(r.finalValLoss!).toBeGreaterThan(r.entropyRate! - 0.05); // cannot beat the entropy rate (up to sampling noise)
    expect(r.energy.watts).toBe(WATTS_PER_CORE_DEFAULT);
    expect(r.energy.wattsSource).toMatch(/Green Algorithms/);
    expect(r.tokensPerSecond).toBeGreaterThan(0);
  });

  it('lets the caller override the power figure', async () => {
    const r = await trainRun({ ...base, tokens: 16 * 16 * 2 }, { backend: 'wasm', watts: 30 });
    expect(r.energy).toMatchObject({ watts: 30, wattsSource: 'user' });
    expect(r.energy.joules).toBeCloseTo(30 * r.wallSeconds, 6);
  });

  it('rejects bad specs and options with the field named', async () => {
    await expect(trainRun({ ...base, batchSize: 0 })).rejects.toThrow(/batchSize/);
    await expect(trainRun({ ...base, dataset: { kind: 'shakespeare' } as never })).rejects.toThrow(/dataset.kind/);
    await expect(trainRun(base, { watts: -1 })).rejects.toThrow(/watts/);
  });
});
