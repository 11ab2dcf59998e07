/** Dropout (training only, inverted scaling) and the validation loss in the progress callback. */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random.js';
import { textSource } from './data.js';
import { evaluate, type TrainProgress } from './loop.js';
import { createTransformer } from './model.js';
import { runOnSource } from './run.js';
import { tinySpec, tinyTokenizer, tinyTokens } from './tinyCorpus.fixture.js';
import type { RunSpec } from './types.js';

const tok = tinyTokenizer;
const tokens = tinyTokens;
const spec: RunSpec = tinySpec(60);
const run = (s: RunSpec, onProgress?: (p: TrainProgress) => void) =>
  runOnSource(s, textSource(tokens, tok.vocab, s.seed), { watts: 1, wattsSource: 'test', onProgress });

const shape = { layers: 2, dModel: 8, heads: 2, context: 6 };
function batch(seed: number) {
  const rng = createRng(seed);
  const x = tf.tensor2d(Int32Array.from({ length: 18 }, () => rng.int(11)), [3, 6], 'int32');
  const y = tf.tensor2d(Int32Array.from({ length: 18 }, () => rng.int(11)), [3, 6], 'int32');
  return { x, y };
}
const scalar = (t: tf.Scalar) => {
  const v = t.dataSync()[0];
  t.dispose();
  return v;
};

describe('dropout', () => {
  it('rate 0 leaves the loss bit-identical (training or not), and a run with dropout: 0 equals one without the field', async () => {
    const { x, y } = batch(9);
    const plain = createTransformer(shape, 11, { seed: 5 });
    const zero = createTransformer(shape, 11, { seed: 5, dropout: 0 });
    const ref = scalar(plain.loss(x, y));
    expect(scalar(zero.loss(x, y, { training: true }))).toBe(ref);
    expect(scalar(plain.loss(x, y, { training: true }))).toBe(ref);
    tf.dispose([x, y]);
    plain.dispose();
    zero.dispose();
    const a = await run(spec);
    const b = await run({ ...spec, dropout: 0 });
    expect(b.curve).toEqual(a.curve);
    expect(b.finalValLoss).toBe(a.finalValLoss);
  });

  it('is applied in training only: training losses vary from call to call, evaluation is deterministic', async () => {
    const { x, y } = batch(9);
    const m = createTransformer(shape, 11, { seed: 5, dropout: 0.3 });
    const e1 = scalar(m.loss(x, y));
    const e2 = scalar(m.loss(x, y));
    const t1 = scalar(m.loss(x, y, { training: true }));
    const t2 = scalar(m.loss(x, y, { training: true }));
    expect(e2).toBe(e1);
    expect(t1).not.toBe(e1);
    expect(t2).not.toBe(t1);
    const vb = textSource(tokens, tok.vocab, 1);
    const small = createTransformer(spec.model, tok.vocab, { seed: 1, dropout: 0.5 });
    const batches = vb.valBatches(2, 4, spec.model.context);
    expect(await evaluate(small, batches)).toBe(await evaluate(small, batches));
    tf.dispose([x, y]);
    m.dispose();
    small.dispose();
  });

  it('keeps the expected activation (inverted scaling): the mean training-mode logits match evaluation', () => {
    const { x } = batch(4);
    const m = createTransformer(shape, 11, { seed: 2, dropout: 0.5 });
    const evalLogits = m.logits(x);
    const n = 400;
    const sum = tf.tidy(() => {
      let s = tf.zerosLike(evalLogits);
      for (let i = 0; i < n; i++) s = tf.add(s, m.logits(x, { training: true }));
      return tf.div(s, n);
    });
    // the output head is linear in the last hidden state, but the final layer norm is not: compare loosely,
    // against how far a single dropped-out pass is from evaluation
    const meanGap = tf.tidy(() => tf.mean(tf.abs(tf.sub(sum, evalLogits))).dataSync()[0]);
    const single = tf.tidy(() => tf.mean(tf.abs(tf.sub(m.logits(x, { training: true }), evalLogits))).dataSync()[0]);
    expect(single).toBeGreaterThan(0);
    expect(meanGap).toBeLessThan(0.25 * single);
    tf.dispose([x, evalLogits, sum]);
    m.dispose();
  });

  it('has the right gradient: autodiff through the mask matches central differences with the same mask', () => {
    const { x, y } = batch(9);
    const name = 'h0.mlp.w2';
    // Three models with one seed draw the same first dropout mask.
    const make = () => createTransformer(shape, 11, { seed: 5, dropout: 0.3 });
    const m = make();
    const g = tf.variableGrads(() => m.loss(x, y, { training: true }), [...m.params.values()]);
    const grad = g.grads[m.params.get(name)!.name].dataSync();
    let idx = 0;
    for (let i = 0; i < grad.length; i++) if (Math.abs(grad[i]) > Math.abs(grad[idx])) idx = i;
    expect(Math.abs(grad[idx])).toBeGreaterThan(1e-3);
    const eps = 1e-2;
    const lossWith = (delta: number) => {
      const p = make();
      const v = p.params.get(name)!;
      const data = v.dataSync().slice();
      data[idx] += delta;
      v.assign(tf.tensor(data, v.shape));
      const l = scalar(p.loss(x, y, { training: true }));
      p.dispose();
      return l;
    };
    const numeric = (lossWith(eps) - lossWith(-eps)) / (2 * eps);
    expect(Math.abs(numeric - grad[idx])).toBeLessThan(0.03 * Math.abs(grad[idx]) + 1e-4);
    // and the fast (customGrad) model agrees with the plain-autodiff one, same masks
    const naive = createTransformer(shape, 11, { seed: 5, dropout: 0.3, matmul: 'naive' });
    const gn = tf.variableGrads(() => naive.loss(x, y, { training: true }), [...naive.params.values()]);
    expect(Math.abs(gn.value.dataSync()[0] - g.value.dataSync()[0])).toBeLessThan(1e-5);
    for (const [n, v] of m.params) {
      const d = tf.tidy(() => tf.max(tf.abs(tf.sub(g.grads[v.name], gn.grads[naive.params.get(n)!.name]))).dataSync()[0]);
      expect(d, n).toBeLessThan(1e-5);
    }
    tf.dispose([x, y, g.value, gn.value, ...Object.values(g.grads), ...Object.values(gn.grads)]);
    m.dispose();
    naive.dispose();
  });

  it('with dropout 0.1 training loss still falls on a tiny corpus, reproducibly, and differs from the run without', async () => {
    const before = tf.memory().numTensors;
    const s = { ...spec, dropout: 0.1 };
    const a = await run(s);
    const b = await run(s);
    expect(a.diverged).toBe(false);
    expect(a.curve[0].trainLoss).toBeGreaterThan(0.8 * Math.log(tok.vocab));
    expect(a.finalTrainLoss!).toBeLessThan(0.6 * Math.log(tok.vocab));
    expect(a.finalValLoss!).toBeLessThan(0.6 * Math.log(tok.vocab));
    expect(b.curve).toEqual(a.curve);
    const none = await run(spec);
    expect(a.finalTrainLoss).not.toBe(none.finalTrainLoss);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('bad rates name the field', async () => {
    const src = textSource(tokens, tok.vocab, 1);
    for (const dropout of [1, -0.1, NaN]) {
      await expect(runOnSource({ ...spec, dropout }, src, { watts: 1, wattsSource: 't' })).rejects.toThrow(/dropout/);
    }
    expect(() => createTransformer(shape, 11, { dropout: 1.5 })).toThrow(/dropout/);
  });
});

describe('progress callback', () => {
  it('carries the validation loss on evaluation steps, the same values as the curve, and only there', async () => {
    const events: TrainProgress[] = [];
    const r = await run(spec, (p) => events.push(p));
    expect(events).toHaveLength(60);
    const withVal = events.filter((e) => e.valLoss !== undefined);
    expect(withVal.map((e) => e.step)).toEqual([20, 40, 60]);
    const curveVals = r.curve.filter((c) => c.valLoss !== undefined).map((c) => c.valLoss);
    expect(withVal.map((e) => e.valLoss)).toEqual(curveVals);
    expect(withVal[2].valLoss).toBe(r.finalValLoss);
    expect(events.every((e) => Number.isFinite(e.trainLoss) && e.totalSteps === 60 && e.tokensSeen === e.step * 64)).toBe(true);
  });
});
