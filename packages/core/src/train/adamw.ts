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
  private readonly m = new Map<string, tf.Variable>();
  private readonly v = new Map<string, tf.Variable>();
  private t = 0;
  private readonly b1: number;
  private readonly b2: number;
  private readonly eps: number;

  constructor(private readonly params: Map<string, tf.Variable>, private readonly opts: AdamWOptions) {
    this.b1 = opts.beta1 ?? 0.9;
    this.b2 = opts.beta2 ?? 0.95;
    this.eps = opts.epsilon ?? 1e-8;
    for (const [name, p] of params) {
      this.m.set(name, tf.tidy(() => tf.variable(tf.zerosLike(p), false)));
      this.v.set(name, tf.tidy(() => tf.variable(tf.zerosLike(p), false)));
    }
  }

  /** Applies one update with learning rate `lr` (`grads` keyed by tf variable name, as tf.variableGrads returns them); returns the pre-clip global gradient norm (a scalar tensor the caller disposes). */
  step(grads: tf.NamedTensorMap, lr: number): tf.Scalar {
    this.t++;
    const { b1, b2, eps } = this;
    const c1 = 1 - b1 ** this.t;
    const c2 = 1 - b2 ** this.t;
    return tf.tidy(() => {
      const sq = [...this.params.values()].map((p) => tf.sum(tf.square(grads[p.name])));
      const norm = tf.sqrt(tf.addN(sq)) as tf.Scalar;
      const clip = this.opts.gradClip;
      const scale = clip > 0 && Number.isFinite(clip) ? tf.div(clip, tf.maximum(norm, clip)) : tf.scalar(1);
      for (const [name, p] of this.params) {
        const g = tf.mul(grads[p.name], scale);
        const m = this.m.get(name)!;
        const v = this.v.get(name)!;
        m.assign(tf.add(tf.mul(m, b1), tf.mul(g, 1 - b1)));
        v.assign(tf.add(tf.mul(v, b2), tf.mul(tf.square(g), 1 - b2)));
        let update = tf.div(tf.div(m, c1), tf.add(tf.sqrt(tf.div(v, c2)), eps));
        if (p.rank >= 2 && this.opts.weightDecay > 0) update = tf.add(update, tf.mul(p, this.opts.weightDecay));
        p.assign(tf.sub(p, tf.mul(update, lr)));
      }
      return norm;
    });
  }

  dispose(): void {
    for (const x of [...this.m.values(), ...this.v.values()]) x.dispose();
  }
}
