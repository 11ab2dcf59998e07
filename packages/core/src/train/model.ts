/**
 * A decoder-only transformer language model (GPT-2 style) in TensorFlow.js:
 * token + learned position embeddings → n_layer pre-LayerNorm blocks
 * [x + Attn(LN(x)), x + MLP(LN(x))] with causal multi-head self-attention and a
 * GELU MLP of width 4·d → final LayerNorm → logits through the (tied) token
 * embedding. References: Radford et al. 2019 (GPT-2), Vaswani et al. 2017.
 *
 * Built only from kernels the WASM backend has: the token embedding is a
 * one-hot matmul (WASM has no gradient kernel for `gather`). With the default
 * `matmul: 'fast'`, dense layers, layer norms and the embedding/head matmuls use
 * the customGrad versions in matmul.ts (backward on XNNPACK), and attention,
 * GELU and cross-entropy the fused ones in fused.ts; `matmul: 'naive'` builds the
 * same maths from plain autodiff ops (the benchmark's baseline and the tests'
 * reference).
 * Weights are initialised from our seeded RNG (not tf.random*) so a run is
 * reproducible on every backend: N(0, 0.02), residual projections scaled by
 * 1/√(2·n_layer) (GPT-2, §2.3).
 *
 * Optional dropout (Srivastava et al. 2014), as GPT-2's `resid_pdrop`: the
 * attention output and the MLP output of every block are dropped before they
 * join the residual stream, in training only (`loss(x, y, { training: true })`),
 * with inverted scaling (kept units × 1/(1−p)) so evaluation uses the weights
 * as they are. The mask is a constant multiplied in outside the customGrad
 * pieces, so autodiff gives its gradient (dy ⊙ mask). Masks come from our seeded
 * RNG, not tf.randomUniform, so a run is reproducible on every backend (as the
 * weights are). With rate 0 (the default) no op is added: results are unchanged.
 */
import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '../errors.js';
import { createRng } from '../random.js';
import { embed } from './embedding.js';
import { createWasmEngine } from './engine/engine.js';
import { fastGelu, floatOneHot, makeAttention, naiveAttention, naiveCrossEntropy, naiveGelu } from './fused.js';
import { headCrossEntropy } from './headLoss.js';
import { fastDense, fastLayerNorm, fastMatMul, naiveDense, naiveLayerNorm, naiveMatMul } from './matmul.js';
import type { ModelShape } from './types.js';
import { validateDropout, validateModelShape } from './shape.js';
import type { ResolvedRunSpec } from './spec.js';

export interface TransformerOptions {
  /** `fast` (default): transpose-free backward; `naive`: plain autodiff matmuls with transpose flags (for the benchmark). */
  matmul?: 'fast' | 'naive';
  seed?: number;
  /** Dropout rate p in [0, 1) on the attention and MLP outputs, training only (default 0 = none). */
  dropout?: number;
  /**
   * `auto` (default): on the WASM backend the training step runs on the hand-written
   * engine (engine/engine.ts) when its kernels load; `tfjs`: always TensorFlow.js
   * autodiff (the benchmark's comparison and the tests' reference).
   */
  engine?: 'auto' | 'tfjs';
}

/** Forward-pass mode: `training: true` applies dropout (if the model has any); evaluation never does. */
export interface ForwardOptions {
  training?: boolean;
}

export interface Transformer {
  shape: ModelShape;
  vocab: number;
  /** Trainable variables by name (e.g. `h0.attn.wqkv`). */
  params: Map<string, tf.Variable>;
  /** Logits [batch·context, vocab] for int32 token ids [batch, context]. */
  logits(x: tf.Tensor2D, opts?: ForwardOptions): tf.Tensor2D;
  /** Mean next-token cross-entropy in nats (dropout only with `{ training: true }`). */
  loss(x: tf.Tensor2D, y: tf.Tensor2D, opts?: ForwardOptions): tf.Scalar;
  /**
   * Loss and the gradient of every parameter, keyed by variable name, for one batch:
   * on WASM the hand-written engine (one op for the whole step), elsewhere
   * tf.variableGrads of `loss`. Dropout only with `{ training: true }`.
   */
  valueAndGrads(x: tf.Tensor2D, y: tf.Tensor2D, opts?: ForwardOptions): { value: tf.Scalar; grads: tf.NamedTensorMap };
  /** The loss for evaluation (no dropout, no gradient tape): the engine's forward pass on WASM. */
  evalLoss(x: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar;
  /** What computes the training step: the WASM engine or TensorFlow.js autodiff. */
  stepEngine: 'wasm-engine' | 'tfjs';
  /** Dropout rate (0 = none). */
  dropout: number;
  dispose(): void;
}

/**
 * A transformer of `shape` with `vocab` tokens (the model of the module comment: GPT-2-style
 * pre-LayerNorm blocks, tied embedding, weights N(0, 0.02) from the seeded RNG, residual
 * projections scaled by 1/√(2·n_layer); Radford et al. 2019); the shape and dropout rate
 * are checked first (checkModelShape). TensorFlow.js must be imported once first (it
 * registers the gradients); call `dispose()` to free the weights.
 *
 * @param shape - `layers`, `dModel`, `heads` (dividing dModel) and `context`
 * @param vocab - the vocabulary size
 * @param opts - optional `seed` (default 0), `dropout` (default 0), `matmul` and `engine`
 * @returns the model: `params`, `logits`, `loss`, `valueAndGrads`, `evalLoss`, `dispose`
 * @throws InputError naming `model.layers` … or `dropout`.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { countParams, createTransformer } from '@scaling-lab/core/train';
 * const shape = { layers: 1, dModel: 16, heads: 2, context: 8 };
 * const model = createTransformer(shape, 8, { seed: 0 });
 * [...model.params.values()].reduce((n, v) => n + v.size, 0) === countParams(shape, 8).total; // → true
 * const x = tf.tensor2d([[0, 1, 2, 3, 4, 5, 6, 7]], [1, 8], 'int32');
 * model.logits(x).shape.join('×'); // → '8×8'
 * // at initialisation every token is about equally likely: loss ≈ ln 8 = 2.08 nats
 * Math.abs(model.loss(x, x).dataSync()[0] - Math.log(8)) < 0.2; // → true
 * model.dispose();
 * createTransformer({ ...shape, heads: 3 }, 8); // → throws InputError
 * ```
 */
export function createTransformer(shape: ModelShape, vocab: number, opts: TransformerOptions = {}): Transformer {
  validateModelShape(shape);
  return buildTransformer(shape, vocab, { ...opts, dropout: validateDropout(opts.dropout ?? 0) });
}

/**
 * The transformer of a run whose spec resolveRunSpec has checked (shape, dropout, seed):
 * the trainer checks a shape once per run, not again here. The weights are seeded by the
 * run's seed and the dropout rate is the run's.
 *
 * @param run - the resolved run spec (resolveRunSpec from `@scaling-lab/core/train/pure`)
 * @param vocab - the vocabulary size of the run's data
 * @param opts - optional `matmul` and `engine` choices
 * @returns the model, as createTransformer's
 * @example
 * ```ts
 * import '@tensorflow/tfjs';
 * import { createRunTransformer } from '@scaling-lab/core/train';
 * import { resolveRunSpec } from '@scaling-lab/core/train/pure';
 * const run = resolveRunSpec({
 *   id: 'tiny', model: { layers: 1, dModel: 16, heads: 2, context: 8 }, tokens: 320, batchSize: 4, learningRate: 1e-2,
 *   seed: 0, dropout: 0.1, dataset: { kind: 'markov', order: 1, vocab: 8 },
 * });
 * const model = createRunTransformer(run, 8);
 * model.dropout; // → 0.1
 * model.shape.context; // → 8
 * model.dispose();
 * ```
 */
export function createRunTransformer(run: ResolvedRunSpec, vocab: number, opts: Pick<TransformerOptions, 'matmul' | 'engine'> = {}): Transformer {
  return buildTransformer(run.model, vocab, { ...opts, seed: run.seed, dropout: run.dropout });
}

function buildTransformer(shape: ModelShape, vocab: number, opts: TransformerOptions): Transformer {
  // This module imports tfjs-core only; the gradients ship with the @tensorflow/tfjs bundle.
  if (tf.getGradient('Add') === undefined) {
    throw new Error("createTransformer: TensorFlow.js's gradients are not registered; import '@tensorflow/tfjs' once before training (in Node, selectBackend does)");
  }
  const dropout = opts.dropout ?? 0;
  const { layers: L, dModel: d, heads: H, context: T } = shape;
  const hd = d / H;
  const rng = createRng(opts.seed ?? 0);
  const naive = opts.matmul === 'naive';
  const mm = naive ? naiveMatMul : fastMatMul;
  const denseFn = naive ? naiveDense : fastDense;
  const lnFn = naive ? naiveLayerNorm : fastLayerNorm;
  const params = new Map<string, tf.Variable>();
  const normal = (name: string, dims: number[], std: number) => {
    const n = dims.reduce((a, b) => a * b, 1);
    const v = new Float32Array(n);
    for (let i = 0; i < n; i++) v[i] = rng.normal() * std;
    params.set(name, tf.tidy(() => tf.variable(tf.tensor(v, dims), true)));
  };
  const fill = (name: string, dims: number[], value: number) => {
    params.set(name, tf.tidy(() => tf.variable(tf.fill(dims, value), true)));
  };
  const std = 0.02;
  const residStd = std / Math.sqrt(2 * L);
  normal('wte', [vocab, d], std);
  normal('wpe', [T, d], std);
  for (let l = 0; l < L; l++) {
    fill(`h${l}.ln1.g`, [d], 1); fill(`h${l}.ln1.b`, [d], 0);
    for (const m of ['q', 'k', 'v']) { normal(`h${l}.attn.w${m}`, [d, d], std); fill(`h${l}.attn.b${m}`, [d], 0); }
    normal(`h${l}.attn.wo`, [d, d], residStd); fill(`h${l}.attn.bo`, [d], 0);
    fill(`h${l}.ln2.g`, [d], 1); fill(`h${l}.ln2.b`, [d], 0);
    normal(`h${l}.mlp.w1`, [d, 4 * d], std); fill(`h${l}.mlp.b1`, [4 * d], 0);
    normal(`h${l}.mlp.w2`, [4 * d, d], residStd); fill(`h${l}.mlp.b2`, [d], 0);
  }
  fill('lnf.g', [d], 1); fill('lnf.b', [d], 0);
  const p = (name: string) => params.get(name)!;

  // Causal mask: 0 on and below the diagonal, −1e9 above (future positions).
  const maskData = new Float32Array(T * T);
  for (let i = 0; i < T; i++) for (let j = i + 1; j < T; j++) maskData[i * T + j] = -1e9;
  const mask = tf.keep(tf.tensor2d(maskData, [T, T]));

  const dense = (x: tf.Tensor, w: string, b: string) => denseFn(x, p(w), p(b));
  const layerNorm = (x: tf.Tensor, prefix: string) => lnFn(x, p(`${prefix}.g`), p(`${prefix}.b`));
  const gelu = naive ? naiveGelu : fastGelu;
  const attend = (naive ? naiveAttention : makeAttention)(mask, 1 / Math.sqrt(hd));
  const attention = (x: tf.Tensor, l: number, B: number) => {
    // separate Q, K, V projections (same parameters as one fused [d, 3d]; WASM's split is slow)
    const q = dense(x, `h${l}.attn.wq`, `h${l}.attn.bq`);
    const k = dense(x, `h${l}.attn.wk`, `h${l}.attn.bk`);
    const v = dense(x, `h${l}.attn.wv`, `h${l}.attn.bv`);
    // [B·T, d] → [B·H, T, hd]: one row of heads per sequence and head
    const heads = (t: tf.Tensor) => tf.reshape(tf.transpose(tf.reshape(t, [B, T, H, hd]), [0, 2, 1, 3]), [B * H, T, hd]) as tf.Tensor3D;
    const out = attend(heads(q), heads(k), heads(v)); // [B·H, T, hd]
    const merged = tf.reshape(tf.transpose(tf.reshape(out, [B, H, T, hd]), [0, 2, 1, 3]), [B * T, d]);
    return dense(merged, `h${l}.attn.wo`, `h${l}.attn.bo`);
  };

  // Dropout masks: their own seeded stream, drawn only when dropout is active.
  const dropRng = createRng((opts.seed ?? 0) ^ 0x5bd1e995);
  const keepScale = 1 / (1 - dropout);
  // n mask values (0 or 1/(1−p)) from the dropout stream: `drop` and the engine draw through this alone.
  const maskValues = (n: number): Float32Array => {
    const m = new Float32Array(n);
    for (let i = 0; i < n; i++) m[i] = dropRng.next() < dropout ? 0 : keepScale;
    return m;
  };
  const drop = (t: tf.Tensor, training: boolean): tf.Tensor => {
    if (!training || dropout === 0) return t;
    return tf.mul(t, tf.tensor(maskValues(t.size), t.shape));
  };

  // The residual stream after the final layer norm, [B·T, d].
  const hidden = (x: tf.Tensor2D, fo: ForwardOptions): tf.Tensor2D => {
    const training = fo.training === true;
    const [B, Tx] = x.shape;
    if (Tx !== T) throw new InputError('batch', `sequence length ${Tx} differs from the model context ${T}`, 'use windows of exactly `context` tokens');
    let h: tf.Tensor;
    if (naive) {
      const tok = mm(floatOneHot(tf.reshape(x, [B * T]) as tf.Tensor1D, vocab), p('wte')); // [B·T, d]
      h = tf.reshape(tf.add(tf.reshape(tok, [B, T, d]), p('wpe')), [B * T, d]);
    } else {
      h = embed(x, p('wte') as tf.Tensor2D, p('wpe') as tf.Tensor2D);
    }
    for (let l = 0; l < L; l++) {
      h = tf.add(h, drop(attention(layerNorm(h, `h${l}.ln1`), l, B), training));
      const m = dense(gelu(dense(layerNorm(h, `h${l}.ln2`), `h${l}.mlp.w1`, `h${l}.mlp.b1`)), `h${l}.mlp.w2`, `h${l}.mlp.b2`);
      h = tf.add(h, drop(m, training));
    }
    return layerNorm(h, 'lnf') as tf.Tensor2D;
  };

  const logits = (x: tf.Tensor2D, fo: ForwardOptions = {}): tf.Tensor2D =>
    tf.tidy(() => mm(hidden(x, fo), tf.transpose(p('wte'))) as tf.Tensor2D); // tied output head

  const loss = (x: tf.Tensor2D, y: tf.Tensor2D, fo: ForwardOptions = {}): tf.Scalar =>
    tf.tidy(() => {
      const targets = tf.reshape(y, [-1]) as tf.Tensor1D;
      if (naive) return naiveCrossEntropy(logits(x, fo), targets);
      return headCrossEntropy(hidden(x, fo), p('wte') as tf.Tensor2D, targets);
    });

  const engine = !naive && opts.engine !== 'tfjs' ? createWasmEngine(shape, vocab, params) : null;
  // The engine's masks: the same stream, order and values as `drop` draws (attention, then MLP, block by block).
  const drawMasks = (batch: number): Float32Array => maskValues(engine!.maskSize(batch));
  const valueAndGrads = (x: tf.Tensor2D, y: tf.Tensor2D, fo: ForwardOptions = {}) => {
    if (engine) return engine.valueAndGrads(x, y, fo.training === true && dropout > 0 ? drawMasks(x.shape[0]) : null);
    return tf.variableGrads(() => loss(x, y, fo), [...params.values()]);
  };

  return {
    shape,
    vocab,
    params,
    logits,
    loss,
    valueAndGrads,
    evalLoss: (x, y) => (engine ? engine.loss(x, y) : loss(x, y)),
    stepEngine: engine ? 'wasm-engine' : 'tfjs',
    dropout,
    dispose() {
      for (const v of params.values()) v.dispose();
      mask.dispose();
      engine?.dispose();
    },
  };
}
