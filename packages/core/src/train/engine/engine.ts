/**
 * The transformer's training step on the WASM backend, written out by hand:
 * forward pass, cross-entropy and the backward pass of every parameter as one
 * TensorFlow.js op whose body calls the WebAssembly kernels of
 * packages/core/assembly/engine.ts over the backend's memory. Same model and
 * maths as model.ts (GPT-2 style, pre-LayerNorm, tanh GELU, tied head, inverted
 * dropout on the attention and MLP outputs); checked against TensorFlow.js
 * autodiff in engine.test.ts.
 *
 * Why by hand: a step through tfjs autodiff is ~170 ops for the sweep-sized model
 * and ~320 for the reference one, each with 20–80 µs of dispatch, a copy of every
 * tensor it saves, transposed copies for the backward matmuls and XNNPACK
 * re-packing a fresh right operand on every call (scripts/bench/profiles/). Here
 * the activations live in one workspace laid out once, products read transposed
 * operands through strides, and the whole step is a single op: the loop's
 * `tf.variableGrads` and the optimiser see the same gradients by name.
 */
import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '../../errors.js';
import type { ModelShape } from '../types.js';
import type { WasmBackend } from '../wasmHeap.js';
import { type EngineKernels, engineKernels } from './kernels.js';

const OP = 'ScalingLabEngineStep';
const LN_EPS = 1e-5;
/** Scratch floats for gemm's packed blocks: KC × (NC + 4) in assembly/engine.ts. */
const GEMM_PACK_FLOATS = 128 * (128 + 4);
/** Row block of attention's causal products: smaller skips more of the masked triangle, with more calls. */
const CAUSAL_ROWS = 16;

/** The parameter names of a transformer of `layers` blocks, in model.ts's order. */
export function engineParamNames(layers: number): string[] {
  const names = ['wte', 'wpe'];
  for (let l = 0; l < layers; l++) {
    const p = `h${l}`;
    names.push(`${p}.ln1.g`, `${p}.ln1.b`);
    for (const m of ['q', 'k', 'v']) names.push(`${p}.attn.w${m}`, `${p}.attn.b${m}`);
    names.push(`${p}.attn.wo`, `${p}.attn.bo`, `${p}.ln2.g`, `${p}.ln2.b`, `${p}.mlp.w1`, `${p}.mlp.b1`, `${p}.mlp.w2`, `${p}.mlp.b2`);
  }
  names.push('lnf.g', 'lnf.b');
  return names;
}

/** What the engine's op computes; the rest of the model holds the weights. */
export interface WasmEngine {
  /** Mean next-token cross-entropy (nats) and its gradient for every parameter, keyed by variable name. */
  valueAndGrads(x: tf.Tensor2D, y: tf.Tensor2D, dropoutMasks: Float32Array | null): { value: tf.Scalar; grads: tf.NamedTensorMap };
  /** The loss alone (forward pass, no dropout). */
  loss(x: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar;
  /** Floats of one step's dropout masks (attention then MLP output, block by block) for `batch` sequences. */
  maskSize(batch: number): number;
  dispose(): void;
}

interface StepAttrs {
  step: (k: EngineKernels, ins: number[], outs: number[]) => number;
  outShapes: number[][];
  [key: string]: unknown;
}

let registered = false;
function register(): void {
  if (registered) return;
  tf.registerKernel({
    kernelName: OP,
    backendName: 'wasm',
    kernelFunc: (({ inputs, backend, attrs }: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs: StepAttrs }) => {
      const be = backend as WasmBackend;
      const k = engineKernels(be)!;
      const outs = attrs.outShapes.map((s) => be.makeOutput(s, 'float32'));
      const ptr = (t: tf.TensorInfo) => be.dataIdMap.get(t.dataId)!.memoryOffset;
      const ins: number[] = [];
      for (let i = 0; inputs[`x${i}`] !== undefined; i++) ins.push(ptr(inputs[`x${i}`]!));
      const outPtrs = outs.map(ptr);
      const loss = attrs.step(k, ins, outPtrs);
      new Float32Array(be.wasm.HEAPU8.buffer, outPtrs[0]!, 1)[0] = loss;
      return outs;
    }) as unknown as tf.KernelFunc,
  });
  registered = true;
}

/** Byte offsets of one step's arrays in the workspace (floats rounded up to 16-byte blocks). */
function layout(shape: ModelShape, vocab: number, B: number) {
  const { layers: L, dModel: d, heads: H, context: T } = shape;
  const R = B * T;
  const F = 4 * d;
  let top = 0;
  const alloc = (floats: number) => { const at = top; top += Math.ceil(floats / 4) * 16; return at; };
  const h0 = alloc(R * d);
  const blocks = Array.from({ length: L }, () => ({
    xhat1: alloc(R * d), rstd1: alloc(R), a1: alloc(R * d),
    q: alloc(R * d), k: alloc(R * d), v: alloc(R * d), P: alloc(B * H * T * T), o: alloc(R * d),
    hmid: alloc(R * d), xhat2: alloc(R * d), rstd2: alloc(R), a2: alloc(R * d),
    u: alloc(R * F), s: alloc(R * F), g: alloc(R * F), hout: alloc(R * d),
  }));
  const xhatf = alloc(R * d);
  const rstdf = alloc(R);
  const af = alloc(R * d);
  const z = alloc(R * vocab);
  // backward scratch
  const dh = alloc(R * d);
  const dt = alloc(R * d);
  const da = alloc(R * d);
  const dO = alloc(R * d);
  const dq = alloc(R * d);
  const dk = alloc(R * d);
  const dv = alloc(R * d);
  const dG = alloc(R * F);
  const wt = alloc(Math.max(d * F, vocab * d));
  const kvT = alloc(d * R); // Kᵀ (forward) or Vᵀ (backward) of one block, [d, B·T]
  const sT = alloc(T * T);
  const pack = alloc(GEMM_PACK_FLOATS);
  return { R, F, h0, blocks, xhatf, rstdf, af, z, dh, dt, da, dO, dq, dk, dv, dG, wt, kvT, sT, pack, bytes: top };
}

/**
 * The engine for a model of `shape` and `vocab` tokens over `params` (model.ts's
 * variables), or null when the kernels cannot run (not the WASM backend, or no
 * WebAssembly SIMD): the caller keeps its TensorFlow.js path.
 */
export function createWasmEngine(shape: ModelShape, vocab: number, params: Map<string, tf.Variable>): WasmEngine | null {
  if (tf.getBackend() !== 'wasm') return null;
  const be = tf.backend() as unknown as WasmBackend;
  if (engineKernels(be) === null) return null;
  register();
  const { layers: L, dModel: d, heads: H, context: T } = shape;
  const hd = d / H;
  const V = vocab;
  const scale = 1 / Math.sqrt(hd);
  const names = engineParamNames(L);
  const vars = names.map((n) => {
    const v = params.get(n);
    if (!v) throw new Error(`createWasmEngine: the model has no parameter ${n}`);
    return v;
  });
  const paramShapes = vars.map((v) => v.shape);
  let workspace: tf.Tensor | null = null;
  let workspaceBatch = 0;
  const ensureWorkspace = (B: number) => {
    if (workspace && workspaceBatch === B) return workspace;
    workspace?.dispose();
    const bytes = layout(shape, V, B).bytes;
    // WebAssembly's memory is at most 4 GiB (32-bit addresses), shared with the weights and
    // TensorFlow.js's own tensors: say so plainly rather than fail inside an allocation.
    if (bytes > 2 ** 31) {
      throw new InputError(
        'batchSize',
        `one training step of this model needs ${(bytes / 2 ** 30).toFixed(1)} GiB of activations on the WASM backend (batch ${B}), beyond WebAssembly's 4 GiB memory with room for the rest`,
        'use a smaller batch, context or model, or a tfjs-node backend (--backend tensorflow)',
      );
    }
    workspace = tf.keep(tf.zeros([bytes / 4]));
    workspaceBatch = B;
    return workspace;
  };

  /** ins: ids, targets, workspace, params…, [masks]; outs: loss, [grads…]. */
  const step = (B: number, backward: boolean, dropout: boolean) => (k: EngineKernels, ins: number[], outs: number[]): number => {
    const w = layout(shape, V, B);
    const [ids, tgt, ws] = ins as [number, number, number];
    const p = ins.slice(3, 3 + names.length);
    const masks = dropout ? ins[3 + names.length]! : 0;
    const g = outs.slice(1);
    const at = (off: number) => ws + off;
    const { R, F } = w;
    const pk = at(w.pack);
    const P = (i: number) => p[i]!;
    // parameter indices (engineParamNames' order)
    const WTE = 0, WPE = 1, base = (l: number) => 2 + l * 16, LNF = 2 + L * 16;
    const dense = (x: number, wIdx: number, n: number, m: number, out: number) => {
      k.gemm(x, n, 1, P(wIdx), m, out, m, R, m, n, 0, pk);
      k.addBias(out, P(wIdx + 1), R, m);
    };
    const maskAt = (l: number, which: 0 | 1) => masks + 4 * ((2 * l + which) * R * d);

    // ---- forward
    k.embedForward(ids, P(WTE), P(WPE), at(w.h0), R, T, d);
    let hin = at(w.h0);
    for (let l = 0; l < L; l++) {
      const b = w.blocks[l]!;
      const i0 = base(l);
      k.layerNormForward(hin, P(i0), P(i0 + 1), at(b.a1), at(b.xhat1), at(b.rstd1), R, d, LN_EPS);
      dense(at(b.a1), i0 + 2, d, d, at(b.q));
      dense(at(b.a1), i0 + 4, d, d, at(b.k));
      dense(at(b.a1), i0 + 6, d, d, at(b.v));
      k.transpose(at(b.k), R, d, d, at(w.kvT));
      for (let s = 0; s < B; s++) {
        for (let h = 0; h < H; h++) {
          const head = 4 * (s * T * d + h * hd);
          const Pbh = at(b.P) + 4 * ((s * H + h) * T * T);
          const headT = at(w.kvT) + 4 * (h * hd * R + s * T); // this head's Kᵀ [hd, T], row stride B·T
          // Causal: rows [r0, r1) attend to columns < r1 only, so S = Q·Kᵀ is computed up to
          // column r1 and O = P·V sums over k < r1 (P is exactly 0 beyond): the same sums
          // (bit for bit), 37.5 % fewer FLOPs in these two products at context 64.
          for (let r0 = 0; r0 < T; r0 += CAUSAL_ROWS) {
            const r1 = Math.min(T, r0 + CAUSAL_ROWS);
            k.gemm(at(b.q) + head + 4 * r0 * d, d, 1, headT, R, at(w.sT) + 4 * r0 * T, T, r1 - r0, r1, hd, 0, pk);
          }
          k.causalSoftmax(at(w.sT), Pbh, T, scale);
          for (let r0 = 0; r0 < T; r0 += CAUSAL_ROWS) {
            const r1 = Math.min(T, r0 + CAUSAL_ROWS);
            k.gemm(Pbh + 4 * r0 * T, T, 1, at(b.v) + head, d, at(b.o) + head + 4 * r0 * d, d, r1 - r0, hd, r1, 0, pk);
          }
        }
      }
      dense(at(b.o), i0 + 8, d, d, at(w.dt)); // attention output (scratch until the backward pass)
      if (dropout) k.mul(at(w.dt), maskAt(l, 0), at(w.dt), R * d);
      k.add(hin, at(w.dt), at(b.hmid), R * d);
      k.layerNormForward(at(b.hmid), P(i0 + 10), P(i0 + 11), at(b.a2), at(b.xhat2), at(b.rstd2), R, d, LN_EPS);
      dense(at(b.a2), i0 + 12, d, F, at(b.u));
      k.geluForward(at(b.u), at(b.s), at(b.g), R * F);
      dense(at(b.g), i0 + 14, F, d, at(w.dt));
      if (dropout) k.mul(at(w.dt), maskAt(l, 1), at(w.dt), R * d);
      k.add(at(b.hmid), at(w.dt), at(b.hout), R * d);
      hin = at(b.hout);
    }
    k.layerNormForward(hin, P(LNF), P(LNF + 1), at(w.af), at(w.xhatf), at(w.rstdf), R, d, LN_EPS);
    k.transpose(P(WTE), V, d, d, at(w.wt)); // tied head: logits = h·wteᵀ
    k.gemm(at(w.af), d, 1, at(w.wt), V, at(w.z), V, R, V, d, 0, pk);
    const loss = k.crossEntropy(at(w.z), tgt, R, V, backward ? at(w.z) : 0);
    if (!backward) return loss;

    // ---- backward (G = dloss/dz is in z)
    const G = at(w.z);
    k.gemm(G, V, 1, P(WTE), d, at(w.da), d, R, d, V, 0, pk); // d(af) = G·wte
    k.gemm(G, 1, V, at(w.af), d, g[WTE]!, d, V, d, R, 0, pk); // d(wte) = Gᵀ·af (the embedding adds to it)
    k.layerNormBackward(at(w.da), at(w.xhatf), at(w.rstdf), P(LNF), at(w.dh), g[LNF]!, g[LNF + 1]!, R, d, 0);
    // dW = xᵀ·dy, db = Σ dy, dx (+)= dy·Wᵀ for a dense layer x [R,n] → [R,m]
    const denseBack = (x: number, wIdx: number, n: number, m: number, dy: number, dx: number, accumulate: number) => {
      k.gemm(x, 1, n, dy, m, g[wIdx]!, m, n, m, R, 0, pk);
      k.colSum(dy, R, m, g[wIdx + 1]!, 0);
      k.transpose(P(wIdx), n, m, m, at(w.wt));
      k.gemm(dy, m, 1, at(w.wt), n, dx, n, R, n, m, accumulate, pk);
    };
    for (let l = L - 1; l >= 0; l--) {
      const b = w.blocks[l]!;
      const i0 = base(l);
      // MLP branch: hout = hmid + drop(W2·gelu(W1·LN2(hmid)))
      let dm = at(w.dh);
      if (dropout) { k.mul(at(w.dh), maskAt(l, 1), at(w.dt), R * d); dm = at(w.dt); }
      denseBack(at(b.g), i0 + 14, F, d, dm, at(w.dG), 0);
      k.geluBackward(at(w.dG), at(b.u), at(b.s), at(w.dG), R * F);
      denseBack(at(b.a2), i0 + 12, d, F, at(w.dG), at(w.da), 0);
      k.layerNormBackward(at(w.da), at(b.xhat2), at(b.rstd2), P(i0 + 10), at(w.dh), g[i0 + 10]!, g[i0 + 11]!, R, d, 1);
      // attention branch: hmid = hin + drop(Wo·attn(LN1(hin)))
      let datt = at(w.dh);
      if (dropout) { k.mul(at(w.dh), maskAt(l, 0), at(w.dt), R * d); datt = at(w.dt); }
      denseBack(at(b.o), i0 + 8, d, d, datt, at(w.dO), 0);
      k.transpose(at(b.v), R, d, d, at(w.kvT));
      for (let s = 0; s < B; s++) {
        for (let h = 0; h < H; h++) {
          const head = 4 * (s * T * d + h * hd);
          const Pbh = at(b.P) + 4 * ((s * H + h) * T * T);
          const dOh = at(w.dO) + head;
          k.gemm(Pbh, 1, T, dOh, d, at(w.dv) + head, d, T, hd, T, 0, pk); // dV = Pᵀ·dO
          // dP = dO·Vᵀ and dQ = dS·K over the causal triangle as in the forward pass (dS is
          // exactly 0 above the diagonal; softmaxBackward zeroes what dP holds there)
          for (let r0 = 0; r0 < T; r0 += CAUSAL_ROWS) {
            const r1 = Math.min(T, r0 + CAUSAL_ROWS);
            k.gemm(dOh + 4 * r0 * d, d, 1, at(w.kvT) + 4 * (h * hd * R + s * T), R, at(w.sT) + 4 * r0 * T, T, r1 - r0, r1, hd, 0, pk);
          }
          k.softmaxBackward(Pbh, at(w.sT), T, scale); // dS (scaled)
          for (let r0 = 0; r0 < T; r0 += CAUSAL_ROWS) {
            const r1 = Math.min(T, r0 + CAUSAL_ROWS);
            k.gemm(at(w.sT) + 4 * r0 * T, T, 1, at(b.k) + head, d, at(w.dq) + head + 4 * r0 * d, d, r1 - r0, hd, r1, 0, pk);
          }
          k.gemm(at(w.sT), 1, T, at(b.q) + head, d, at(w.dk) + head, d, T, hd, T, 0, pk); // dK = dSᵀ·Q
        }
      }
      denseBack(at(b.a1), i0 + 2, d, d, at(w.dq), at(w.da), 0);
      denseBack(at(b.a1), i0 + 4, d, d, at(w.dk), at(w.da), 1);
      denseBack(at(b.a1), i0 + 6, d, d, at(w.dv), at(w.da), 1);
      k.layerNormBackward(at(w.da), at(b.xhat1), at(b.rstd1), P(i0), at(w.dh), g[i0]!, g[i0 + 1]!, R, d, 1);
    }
    k.embedBackward(at(w.dh), ids, g[WTE]!, g[WPE]!, R, T, d);
    return loss;
  };

  const run = (x: tf.Tensor2D, y: tf.Tensor2D, backward: boolean, masks: Float32Array | null) => {
    const [B, Tx] = x.shape;
    if (Tx !== T || y.shape[0] !== B || y.shape[1] !== T) throw new Error(`engine: batch ${x.shape} / ${y.shape} does not match context ${T}`);
    checkIds(x, V);
    checkIds(y, V);
    const ws = ensureWorkspace(B);
    const inputs: tf.NamedTensorMap = { x0: x, x1: y, x2: ws };
    vars.forEach((v, i) => { inputs[`x${3 + i}`] = v; });
    let maskT: tf.Tensor | null = null;
    if (masks) {
      maskT = tf.tensor1d(masks, 'float32');
      inputs[`x${3 + vars.length}`] = maskT;
    }
    const attrs: StepAttrs = { step: step(B, backward, masks !== null), outShapes: backward ? [[], ...paramShapes] : [[]] };
    const outs = tf.engine().runKernel(OP, inputs, attrs as unknown as tf.NamedAttrMap) as unknown as tf.Tensor[];
    maskT?.dispose();
    return outs;
  };

  return {
    valueAndGrads(x, y, masks) {
      const [value, ...gs] = run(x, y, true, masks);
      const grads: tf.NamedTensorMap = {};
      vars.forEach((v, i) => { grads[v.name] = gs[i]!; });
      return { value: value as tf.Scalar, grads };
    },
    loss(x, y) {
      return run(x, y, false, null)[0] as tf.Scalar;
    },
    maskSize: (batch) => L * 2 * batch * T * d,
    dispose() {
      workspace?.dispose();
      workspace = null;
    },
  };
}

/** Token ids must index the vocabulary: the kernels read rows by them. */
function checkIds(t: tf.Tensor2D, V: number): void {
  if (t.dtype !== 'int32') throw new TypeError(`engine: token ids must be an int32 tensor, not ${t.dtype}`);
  const be = tf.backend() as unknown as WasmBackend;
  const off = be.dataIdMap.get(t.dataId)!.memoryOffset;
  const a = new Int32Array(be.wasm.HEAPU8.buffer, off, t.size);
  for (let i = 0; i < a.length; i++) {
    if (!(a[i]! >= 0 && a[i]! < V)) throw new RangeError(`engine: token id ${a[i]} outside the vocabulary [0, ${V})`);
  }
}
