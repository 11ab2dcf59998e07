import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { textSource } from './data.js';
import { runOnSource } from './run.js';
import { tinySpec, tinyTokenizer, tinyTokens } from './tinyCorpus.fixture.js';
import type { RunSpec } from './types.js';

const tok = tinyTokenizer;
const tokens = tinyTokens;
const spec: RunSpec = tinySpec(80);

describe('training loop', () => {
  it('lowers the validation loss on a tiny corpus and records the curve', async () => {
    const before = tf.memory().numTensors;
    const progress: number[] = [];
    const r = await runOnSource(spec, textSource(tokens, tok.vocab, spec.seed), {
      watts: 10,
      wattsSource: 'test',
      onProgress: (p) => progress.push(p.step),
    });
    expect(r.diverged).toBe(false);
    expect(r.steps).toBe(80);
    expect(r.tokens).toBe(80 * 64);
    expect(progress).toHaveLength(80);
    const evals = r.curve.filter((c) => c.valLoss !== undefined);
    expect(evals.map((c) => c.step)).toEqual([20, 40, 60, 80]);
    expect(evals[3].valLoss).toBe(r.finalValLoss); // the final point scores the larger final set (512 tokens = 8 batches)
    // untrained loss ≈ ln V; after 80 steps a 1-layer model learns the repeated sentences well below it
    expect(r.curve[0].trainLoss).toBeGreaterThan(0.8 * Math.log(tok.vocab));
    expect(r.finalValLoss!).toBeLessThan(0.5 * Math.log(tok.vocab));
    expect(r.finalTrainLoss!).toBeLessThan(0.5 * Math.log(tok.vocab));
    expect(r.energy.joules).toBeCloseTo(10 * r.wallSeconds, 6);
    expect(r.flops6ND).toBe(6 * 12 * 16 * 16 * r.tokens);
    expect(r.flopsCounted).toBeGreaterThan(r.flops6ND);
    expect(tf.memory().numTensors).toBe(before); // nothing leaked
  });

  it('records a diverging run as diverged instead of dropping it', async () => {
    const r = await runOnSource({ ...spec, id: 'boom', learningRate: 50, gradClip: 0, warmupFraction: 0 }, textSource(tokens, tok.vocab, 1), {
      watts: 10,
      wattsSource: 'test',
    });
    expect(r.diverged).toBe(true);
    expect(r.steps).toBeLessThan(80);
    expect(r.curve.length).toBeGreaterThan(0);
  });

  it('stops when aborted', async () => {
    const ac = new AbortController();
    const run = runOnSource(spec, textSource(tokens, tok.vocab, 1), {
      watts: 1,
      wattsSource: 'test',
      signal: ac.signal,
      onProgress: (p) => { if (p.step === 3) ac.abort(); },
    });
    await expect(run).rejects.toThrow(/abort/i);
  });

  it('bad specs name the field', async () => {
    const src = textSource(tokens, tok.vocab, 1);
    await expect(runOnSource({ ...spec, model: { ...spec.model, heads: 3 } }, src, { watts: 1, wattsSource: 't' })).rejects.toThrow(/model.heads/);
    await expect(runOnSource({ ...spec, learningRate: -1 }, src, { watts: 1, wattsSource: 't' })).rejects.toThrow(/learningRate/);
  });
});
