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
 * Implementation: the moments live in one flat vector and the gradients are
 * concatenated into one, so an update is ~15 tensor ops in total instead of ~17
 * per parameter tensor — per-op overhead dominates the step of the tiny models
 * a sweep trains.
 */
import * as tf from '@tensorflow/tfjs';

export interface AdamWOptions {
  weightDecay: number;
  gradClip: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

export class AdamW {
  private readonly m: tf.Variable;
  private readonly v: tf.Variable;
  /** 1 where weight decay applies (rank ≥ 2), 0 elsewhere. */
  private readonly decayMask: tf.Tensor1D;
  private readonly list: tf.Variable[];
  private readonly sizes: number[];
  private t = 0;
  private readonly b1: number;
  private readonly b2: number;
  private readonly eps: number;

  constructor(params: Map<string, tf.Variable>, private readonly opts: AdamWOptions) {
    this.b1 = opts.beta1 ?? 0.9;
    this.b2 = opts.beta2 ?? 0.95;
    this.eps = opts.epsilon ?? 1e-8;
    this.list = [...params.values()];
    this.sizes = this.list.map((p) => p.size);
    const total = this.sizes.reduce((a, b) => a + b, 0);
    this.m = tf.tidy(() => tf.variable(tf.zeros([total]), false));
    this.v = tf.tidy(() => tf.variable(tf.zeros([total]), false));
    const mask = new Float32Array(total);
    let o = 0;
    this.list.forEach((p, i) => {
      if (p.rank >= 2) mask.fill(1, o, o + this.sizes[i]);
      o += this.sizes[i];
    });
    this.decayMask = tf.keep(tf.tensor1d(mask));
  }

  /** Applies one update with learning rate `lr` (`grads` keyed by tf variable name, as tf.variableGrads returns them); returns the pre-clip global gradient norm (a scalar tensor the caller disposes). */
  step(grads: tf.NamedTensorMap, lr: number): tf.Scalar {
    this.t++;
    const { b1, b2, eps } = this;
    const c1 = 1 - b1 ** this.t;
    const c2 = 1 - b2 ** this.t;
    const { weightDecay, gradClip } = this.opts;
    return tf.tidy(() => {
      const flat = tf.concat(this.list.map((p) => tf.reshape(grads[p.name], [-1])));
      const norm = tf.sqrt(tf.sum(tf.square(flat))) as tf.Scalar;
      const g = gradClip > 0 && Number.isFinite(gradClip) ? tf.mul(flat, tf.div(gradClip, tf.maximum(norm, gradClip))) : flat;
      this.m.assign(tf.add(tf.mul(this.m, b1), tf.mul(g, 1 - b1)));
      this.v.assign(tf.add(tf.mul(this.v, b2), tf.mul(tf.square(g), 1 - b2)));
      // lr · m̂/(√v̂ + ε), with the bias corrections folded into scalars
      const adam = tf.div(tf.mul(this.m, lr / c1), tf.add(tf.sqrt(tf.mul(this.v, 1 / c2)), eps));
      // decoupled weight decay: θ·(1 − lr·λ) for matrices, θ for the rest
      const keep = weightDecay > 0 ? tf.sub(1, tf.mul(this.decayMask, lr * weightDecay)) : tf.scalar(1);
      const theta = tf.concat(this.list.map((p) => tf.reshape(p, [-1])));
      const updated = tf.split(tf.sub(tf.mul(theta, keep), adam), this.sizes);
      this.list.forEach((p, i) => p.assign(tf.reshape(updated[i], p.shape)));
      return norm;
    });
  }

  dispose(): void {
    this.m.dispose();
    this.v.dispose();
    this.decayMask.dispose();
  }
}
