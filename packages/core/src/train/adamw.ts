/**
 * AdamW (Loshchilov & Hutter 2019, "Decoupled Weight Decay Regularization",
 * Algorithm 2) with global gradient-norm clipping (Pascanu et al. 2013).
 * tfjs's own Adam has no decoupled weight decay, hence this small optimiser:
 *   g ← g · min(1, clip / ‖g‖₂)           (‖·‖ over all parameters together)
 *   m ← β₁m + (1−β₁)g,  v ← β₂v + (1−β₂)g²
 *   θ ← θ − lr · ( m̂ / (√v̂ + ε) + λθ )   with m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ)
 * Weight decay λ applies to matrices and embeddings only, not to biases and
 * layer-norm gains (the GPT-2/nanoGPT convention). β = (0.9, 0.95), ε = 1e-8
 * as in GPT-3 (Brown et al. 2020, App. B).
 *
 * The update is a plain loop over Float32Arrays, exactly the formulas above.
 * Why not tensor ops: on the WASM and CPU backends the data already live in
 * host memory, and ~17 tiny kernels per parameter tensor (or a flat vector that
 * must be split back — WASM's split is slow) cost 4–8× more than one pass of
 * JavaScript. On WASM the loop reads the gradients and writes the parameters
 * in the backend's heap (wasmHeap.ts): no copies, no new tensors, no assign.
 * Where the training engine's WebAssembly kernels load (engine/kernels.ts), the
 * moments live in the backend's heap too and the same loop runs there
 * (`sumSquares`, `adamwUpdate` in assembly/engine.ts: the same double-precision
 * operations in the same order, so the same bits; 5–10× faster than the
 * JavaScript loop, which was ~10 % of the sweep-sized step).
 * Elsewhere it reads them back (dataSync) and assigns new values; on a GPU
 * backend that is one readback per step. Same arithmetic on every path.
 */
import * as tf from '@tensorflow/tfjs-core';
import { type EngineKernels, engineKernels } from './engine/kernels.js';
import { activeWasm, heapView, markWritten, type WasmBackend } from './wasmHeap.js';

export interface AdamWOptions {
  weightDecay: number;
  gradClip: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

/**
 * The AdamW optimiser of the module comment (Loshchilov & Hutter 2019, Algorithm 2) with
 * global gradient-norm clipping (Pascanu et al. 2013): `step(grads, lr)` clips the gradients
 * to `gradClip` in global L2 norm, updates the moments and applies the decoupled weight
 * decay to matrices and embeddings only. Defaults β = (0.9, 0.95), ε = 1e-8 (GPT-3, Brown
 * et al. 2020, App. B).
 *
 * @param params - the model's trainable variables by name (a Transformer's `params`)
 * @param opts - `weightDecay` λ, `gradClip`, and optional `beta1`, `beta2`, `epsilon`
 * @returns (as a constructor) the optimiser; `step(grads, lr)` returns the gradient norm before clipping
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { AdamW, createTransformer, markovSourceFor } from '@scaling-lab/core/train';
 * const model = createTransformer({ layers: 1, dModel: 16, heads: 2, context: 8 }, 8);
 * const batch = markovSourceFor({ kind: 'markov', order: 1, vocab: 8 }, 0).trainBatch(4, 8);
 * const [x, y] = [tf.tensor2d(batch.x, [4, 8], 'int32'), tf.tensor2d(batch.y, [4, 8], 'int32')];
 * const opt = new AdamW(model.params, { weightDecay: 0.1, gradClip: 1 });
 * const before = model.loss(x, y).dataSync()[0];
 * for (let i = 0; i < 5; i++) {
 *   const { value, grads } = model.valueAndGrads(x, y);
 *   opt.step(grads, 1e-2); // returns the gradient norm before clipping
 *   tf.dispose([value, grads]);
 * }
 * model.loss(x, y).dataSync()[0] < before; // → true
 * model.dispose();
 * ```
 */
export class AdamW {
  private readonly list: tf.Variable[];
  private readonly m: Float32Array[];
  private readonly v: Float32Array[];
  /** On WASM with the engine's kernels: the moments as backend tensors (m, v per parameter). */
  private readonly heapMoments: { m: tf.Tensor; v: tf.Tensor }[] | null;
  private t = 0;
  private readonly b1: number;
  private readonly b2: number;
  private readonly eps: number;

  constructor(params: Map<string, tf.Variable>, private readonly opts: AdamWOptions) {
    this.b1 = opts.beta1 ?? 0.9;
    this.b2 = opts.beta2 ?? 0.95;
    this.eps = opts.epsilon ?? 1e-8;
    this.list = [...params.values()];
    const be = activeWasm();
    if (be && engineKernels(be)) {
      this.heapMoments = this.list.map((p) => ({ m: tf.keep(tf.zeros([p.size])), v: tf.keep(tf.zeros([p.size])) }));
      this.m = [];
      this.v = [];
    } else {
      this.heapMoments = null;
      this.m = this.list.map((p) => new Float32Array(p.size));
      this.v = this.list.map((p) => new Float32Array(p.size));
    }
  }

  /** The moments of parameter i as arrays (views of the heap ones: fetch after any allocation). */
  private moments(i: number): [Float32Array, Float32Array] {
    const hm = this.heapMoments?.[i];
    if (!hm) return [this.m[i]!, this.v[i]!];
    const be = activeWasm()!;
    return [heapView(be, hm.m), heapView(be, hm.v)];
  }

  /**
   * Applies one update with learning rate `lr` (`grads` keyed by tf variable name,
   * as tf.variableGrads returns them) and returns the global gradient norm before
   * clipping.
   */
  step(grads: tf.NamedTensorMap, lr: number): number {
    this.t++;
    const { b1, b2, eps } = this;
    const c1 = 1 - b1 ** this.t;
    const c2 = 1 - b2 ** this.t;
    const be = activeWasm();
    // in place only where the variable owns its memory alone (nothing else views it)
    const inPlace = be !== null && this.list.every((p) => be.refCount(p.dataId) === 1);
    const kern = inPlace && this.heapMoments ? engineKernels(be!) : null;
    if (kern) return this.heapStep(be!, kern, grads, lr, c1, c2);
    const gs = this.list.map((p) => (inPlace ? heapView(be!, grads[p.name]!) : (grads[p.name]!.dataSync() as Float32Array)));
    // 1. global gradient norm and clipping factor
    let sq = 0;
    for (const g of gs) for (let j = 0; j < g.length; j++) sq += g[j]! * g[j]!;
    const norm = Math.sqrt(sq);
    const clip = this.opts.gradClip;
    const scale = clip > 0 && Number.isFinite(clip) && norm > clip ? clip / norm : 1;
    // 2. moments and decoupled weight decay, parameter by parameter
    this.list.forEach((p, i) => {
      const g = gs[i]!;
      const [m, v] = this.moments(i);
      const theta = inPlace ? heapView(be!, p) : new Float32Array(p.dataSync() as Float32Array); // a copy we may write
      const keep = p.rank >= 2 ? 1 - lr * this.opts.weightDecay : 1;
      for (let j = 0; j < theta.length; j++) {
        const gj = g[j]! * scale;
        m[j] = b1 * m[j]! + (1 - b1) * gj;
        v[j] = b2 * v[j]! + (1 - b2) * gj * gj;
        theta[j] = theta[j]! * keep - (lr * (m[j]! / c1)) / (Math.sqrt(v[j]! / c2) + eps);
      }
      if (inPlace) return;
      const next = tf.tensor(theta, p.shape, 'float32');
      p.assign(next);
      next.dispose();
    });
    // after all writes: re-registering may allocate and so move the heap under the views
    if (inPlace) for (const p of this.list) markWritten(be!, p);
    return norm;
  }

  /** The same update by the engine's kernels, in place in the heap (no views, no allocation). */
  private heapStep(be: WasmBackend, k: EngineKernels, grads: tf.NamedTensorMap, lr: number, c1: number, c2: number): number {
    const { b1, b2, eps } = this;
    const ptr = (t: tf.TensorInfo) => be.dataIdMap.get(t.dataId)!.memoryOffset;
    let sq = 0;
    for (const p of this.list) sq = k.sumSquares(ptr(grads[p.name]!), p.size, sq);
    const norm = Math.sqrt(sq);
    const clip = this.opts.gradClip;
    const scale = clip > 0 && Number.isFinite(clip) && norm > clip ? clip / norm : 1;
    this.list.forEach((p, i) => {
      const keep = p.rank >= 2 ? 1 - lr * this.opts.weightDecay : 1;
      const hm = this.heapMoments![i]!;
      k.adamwUpdate(ptr(p), ptr(grads[p.name]!), ptr(hm.m), ptr(hm.v), p.size, scale, b1, 1 - b1, b2, 1 - b2, lr, c1, c2, eps, keep);
    });
    for (const p of this.list) markWritten(be, p);
    return norm;
  }

  dispose(): void {
    // the JavaScript moments are plain arrays; the heap ones are tensors
    if (this.heapMoments) for (const { m, v } of this.heapMoments) tf.dispose([m, v]);
  }
}
