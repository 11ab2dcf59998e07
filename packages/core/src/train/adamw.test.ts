import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { selectBackend } from '../node/backend.js';
import { AdamW } from './adamw.js';

function setup() {
  const w = tf.variable(tf.tensor2d([[1], [-2]]), true);
  const b = tf.variable(tf.tensor1d([0.5]), true);
  return { w, b, params: new Map([['w', w], ['b', b]]) };
}

describe('AdamW', () => {
  it('first step: θ ← θ(1 − lr·λ) − lr·g/(|g| + ε) for matrices, no decay for vectors; returns ‖g‖', () => {
    const { w, b, params } = setup();
    const opt = new AdamW(params, { weightDecay: 0.1, gradClip: 0 });
    const grads = { [w.name]: tf.tensor2d([[3], [-4]]), [b.name]: tf.tensor1d([12]) };
    const norm = opt.step(grads, 0.01);
    expect(norm).toBeCloseTo(13, 5); // √(9 + 16 + 144)
    // at t = 1 the bias-corrected moments are m̂ = g and v̂ = g², so the Adam step is sign(g)
    const wv = w.dataSync();
    expect(wv[0]).toBeCloseTo(1 * (1 - 0.001) - 0.01, 6);
    expect(wv[1]).toBeCloseTo(-2 * (1 - 0.001) + 0.01, 6);
    expect(b.dataSync()[0]).toBeCloseTo(0.5 - 0.01, 6);
    opt.dispose();
  });

  it('second step follows the moment recursions; clipping rescales the gradient first', () => {
    const { w, b, params } = setup();
    const opt = new AdamW(params, { weightDecay: 0, gradClip: 1 });
    const g1 = { [w.name]: tf.tensor2d([[3], [0]]), [b.name]: tf.tensor1d([4]) }; // ‖g‖ = 5 → clipped to (0.6, 0, 0.8)
    opt.step(g1, 0.1);
    const g2 = { [w.name]: tf.tensor2d([[0], [0]]), [b.name]: tf.tensor1d([0.5]) }; // ‖g‖ = 0.5, not clipped
    opt.step(g2, 0.1);
    // b: g = 0.8 then 0.5. m = 0.1·0.8·0.9 + 0.1·0.5 = 0.122; v = 0.05·0.64·0.95 + 0.05·0.25 = 0.0429
    // m̂ = 0.122/0.19, v̂ = 0.0429/0.0975; step 2 = 0.1·m̂/√v̂; step 1 = 0.1·sign(0.8)
    const m = 0.9 * 0.1 * 0.8 + 0.1 * 0.5;
    const v = 0.95 * 0.05 * 0.64 + 0.05 * 0.25;
    const step2 = (0.1 * (m / (1 - 0.9 ** 2))) / (Math.sqrt(v / (1 - 0.95 ** 2)) + 1e-8);
    expect(b.dataSync()[0]).toBeCloseTo(0.5 - 0.1 - step2, 5);
    // w[1] never had a gradient: it does not move
    expect(w.dataSync()[1]).toBe(-2);
    opt.dispose();
  });

  it('on WASM updates in place: same first step, and matmuls see the new weights (no stale XNNPACK operator)', async () => {
    await selectBackend('wasm');
    const { w, b, params } = tf.tidy(setup); // as the model makes them: the variables alone own their memory
    const dataId = w.dataId;
    const x = tf.tensor2d([[1, 1]]);
    const before = tf.matMul(x, w); // the backend caches an XNNPACK operator for w's memory
    expect(before.dataSync()[0]).toBeCloseTo(-1, 6);
    const opt = new AdamW(params, { weightDecay: 0.1, gradClip: 0 });
    const grads = { [w.name]: tf.tensor2d([[3], [-4]]), [b.name]: tf.tensor1d([12]) };
    expect(opt.step(grads, 0.01)).toBeCloseTo(13, 5);
    const wv = w.dataSync();
    expect(wv[0]).toBeCloseTo(1 * (1 - 0.001) - 0.01, 6);
    expect(wv[1]).toBeCloseTo(-2 * (1 - 0.001) + 0.01, 6);
    expect(b.dataSync()[0]).toBeCloseTo(0.5 - 0.01, 6);
    expect(w.dataId).toBe(dataId); // updated in place, not assigned
    const after = tf.matMul(x, w);
    expect(after.dataSync()[0]).toBeCloseTo(wv[0]! + wv[1]!, 6);
    tf.dispose([x, before, after, ...Object.values(grads)]);
    opt.dispose();
    await selectBackend('cpu');
  });

  it('on WASM the engine kernels\' update gives the JavaScript loop\'s numbers bit for bit (clipping and decay on)', async () => {
    const run = async (backend: string) => {
      await selectBackend(backend);
      const vars = tf.tidy(() => ({
        w: tf.variable(tf.tensor2d([[0.3, -1.2, 2.5], [0.01, 4, -0.7]]), true),
        b: tf.variable(tf.tensor1d([0.5, -0.25, 1e-3]), true),
      }));
      const opt = new AdamW(new Map(Object.entries(vars)), { weightDecay: 0.1, gradClip: 1 });
      const norms: number[] = [];
      for (let t = 0; t < 5; t++) {
        const grads = { [vars.w.name]: tf.tensor2d([[t + 1, -2, 0.5], [3e-4, t - 2, 7]]), [vars.b.name]: tf.tensor1d([0.1 * t, -9, 2]) };
        norms.push(opt.step(grads, 0.01 * (t + 1)));
        tf.dispose(Object.values(grads));
      }
      const out = { norms, w: [...vars.w.dataSync()], b: [...vars.b.dataSync()], heap: (opt as unknown as { heapMoments: unknown }).heapMoments !== null };
      opt.dispose();
      tf.dispose([vars.w, vars.b]);
      return out;
    };
    const wasm = await run('wasm');
    const cpu = await run('cpu');
    expect(wasm.heap).toBe(true); // the kernels' path ran, not the JavaScript fallback
    expect(cpu.heap).toBe(false);
    expect(wasm.norms).toEqual(cpu.norms);
    expect(wasm.w).toEqual(cpu.w);
    expect(wasm.b).toEqual(cpu.b);
  });
});
