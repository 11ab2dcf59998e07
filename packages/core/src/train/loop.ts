/**
 * The training loop, step by step as the teaching material tells it:
 *
 *   for each step:
 *     1. batch      — take batchSize windows of context+1 tokens from the data
 *     2. forward    — the transformer turns inputs into next-token logits
 *     3. loss       — cross-entropy between logits and the true next tokens
 *     4. backprop   — gradients of the loss for every parameter (model.valueAndGrads:
 *                     the WASM engine's written-out backward pass, or tf.variableGrads)
 *     5. update     — clip the global gradient norm, then AdamW with the
 *                     warmup + cosine learning rate for this step
 *     every evalEvery steps: validation loss on fixed held-out windows
 *     (the last step scores a larger fixed set, `finalEvalBatches`)
 *
 * A loss that turns NaN/Infinity or explodes (above 1.5 × max(first loss, ln V))
 * stops the run and marks it `diverged`; the caller keeps it.
 */
import * as tf from '@tensorflow/tfjs-core';
import { AdamW } from './adamw.js';
import type { Batch, TokenSource } from './data.js';
import type { Transformer } from './model.js';
import { learningRateAt } from './schedule.js';
import type { CurvePoint } from './types.js';

export interface TrainOptions {
  model: Transformer;
  source: TokenSource;
  steps: number;
  batchSize: number;
  learningRate: number;
  weightDecay: number;
  warmupFraction: number;
  gradClip: number;
  evalEvery: number;
  evalBatches: number;
  /** Batches for the final validation loss (≥ evalBatches; the periodic set is its first evalBatches). Default evalBatches. */
  finalEvalBatches?: number;
  /** How many curve points to keep at most (train loss is averaged between points); default 100. */
  curvePoints?: number;
  onStep?: (p: TrainProgress) => void;
  signal?: AbortSignal;
}

/** What the loop reports after every step. */
export interface TrainProgress {
  step: number;
  totalSteps: number;
  tokensSeen: number;
  /** This step's training loss (nats/token). */
  trainLoss: number;
  /** Validation loss (nats/token), only on evaluation steps (every evalEvery steps and the last; the last scores the final set). */
  valLoss?: number;
}

export interface TrainOutcome {
  curve: CurvePoint[];
  steps: number;
  tokens: number;
  finalTrainLoss: number | null;
  finalValLoss: number | null;
  diverged: boolean;
  wallSeconds: number;
}

const now = () => globalThis.performance.now();

/**
 * Mean cross-entropy (nats per token) over fixed validation batches: the forward pass only
 * (`evalLoss`: no dropout, no gradient tape), the plain mean of the batches' mean losses.
 *
 * @param model - the transformer
 * @param batches - the validation batches (a TokenSource's `valBatches`)
 * @returns the mean loss, nats per token
 * @example
 * ```ts
 * import '@tensorflow/tfjs';
 * import { createTransformer, evaluate, markovSourceFor } from '@scaling-lab/core/train';
 * const model = createTransformer({ layers: 1, dModel: 16, heads: 2, context: 8 }, 8);
 * const source = markovSourceFor({ kind: 'markov', order: 1, vocab: 8 }, 0);
 * // untrained: about ln 8 = 2.08 nats, the loss of guessing uniformly
 * const loss = await evaluate(model, source.valBatches(2, 4, 8));
 * Math.abs(loss - Math.log(8)) < 0.2; // → true
 * model.dispose();
 * ```
 */
export async function evaluate(model: Transformer, batches: Batch[]): Promise<number> {
  let sum = 0;
  for (const b of batches) {
    const l = tf.tidy(() => model.evalLoss(tf.tensor2d(b.x, [b.batchSize, b.context], 'int32'), tf.tensor2d(b.y, [b.batchSize, b.context], 'int32')));
    sum += (await l.data())[0];
    l.dispose();
  }
  return sum / batches.length;
}

/**
 * The training loop of the module comment: for each step a batch, the loss and its gradients
 * (`valueAndGrads`), global-norm clipping and an AdamW update at the warmup + cosine rate
 * (learningRateAt); the validation loss every `evalEvery` steps and at the end (on
 * `finalEvalBatches` batches). A loss that turns non-finite or explodes (above
 * 1.5 × max(first loss, ln V)) stops the run, marked `diverged`. Aborting `signal` stops it
 * after the current step.
 *
 * @param o - the model, token source, steps, batch size, learning rate, weight decay, warmup fraction, gradient clip, evaluation cadence, and optional `onStep`, `signal`, `curvePoints`, `finalEvalBatches`
 * @returns the outcome: loss curve, steps and tokens done, final train and validation losses, `diverged`, wall seconds
 * @example
 * ```ts
 * import '@tensorflow/tfjs';
 * import { createTransformer, markovSourceFor, train } from '@scaling-lab/core/train';
 * // a tiny model and 10 steps of 4 × 8 tokens: well under a second on a CPU
 * const model = createTransformer({ layers: 1, dModel: 16, heads: 2, context: 8 }, 8);
 * const source = markovSourceFor({ kind: 'markov', order: 1, vocab: 8 }, 0);
 * const out = await train({ model, source, steps: 10, batchSize: 4, learningRate: 1e-2, weightDecay: 0.1, warmupFraction: 0.05, gradClip: 1, evalEvery: 5, evalBatches: 1 });
 * out.tokens; // → 320
 * out.diverged; // → false
 * out.finalValLoss! < Math.log(8); // → true
 * model.dispose();
 * ```
 */
export async function train(o: TrainOptions): Promise<TrainOutcome> {
  const { model, source, steps, batchSize } = o;
  const context = model.shape.context;
  const tokensPerStep = batchSize * context;
  const finalBatches = source.valBatches(Math.max(o.evalBatches, o.finalEvalBatches ?? o.evalBatches), batchSize, context);
  const valBatches = finalBatches.slice(0, o.evalBatches);
  const optimizer = new AdamW(model.params, { weightDecay: o.weightDecay, gradClip: o.gradClip });
  const logEvery = Math.max(1, Math.ceil(steps / (o.curvePoints ?? 100)));
  const curve: CurvePoint[] = [];
  const recent: number[] = [];
  let windowSum = 0;
  let windowCount = 0;
  let firstLoss = NaN;
  let diverged = false;
  let done = 0;
  let lastVal: number | null = null;
  const t0 = now();
  try {
    for (let step = 0; step < steps; step++) {
      o.signal?.throwIfAborted();
      // 1. batch
      const batch = source.trainBatch(batchSize, context);
      const lr = learningRateAt(step, { peak: o.learningRate, totalSteps: steps, warmupFraction: o.warmupFraction });
      const x = tf.tensor2d(batch.x, [batchSize, context], 'int32');
      const y = tf.tensor2d(batch.y, [batchSize, context], 'int32');
      // 2–4. forward, cross-entropy loss, backpropagation
      const { value, grads } = model.valueAndGrads(x, y, { training: true });
      const trainLoss = (await value.data())[0];
      // 5. clip + AdamW update (skipped once the loss is no longer finite)
      if (Number.isFinite(trainLoss)) optimizer.step(grads, lr);
      tf.dispose([x, y, value, ...Object.values(grads)]);
      done = step + 1;
      if (step === 0) firstLoss = trainLoss;
      const limit = 1.5 * Math.max(firstLoss, Math.log(model.vocab));
      if (!Number.isFinite(trainLoss) || trainLoss > limit) {
        diverged = true;
        curve.push({ step: done, tokens: done * tokensPerStep, trainLoss, learningRate: lr });
        recent.push(trainLoss);
        break;
      }
      recent.push(trainLoss);
      if (recent.length > 10) recent.shift();
      windowSum += trainLoss;
      windowCount++;
      const isLast = done === steps;
      const isEval = isLast || done % o.evalEvery === 0;
      if (isEval) lastVal = await evaluate(model, isLast ? finalBatches : valBatches);
      if (isLast || isEval || done % logEvery === 0) {
        const point: CurvePoint = { step: done, tokens: done * tokensPerStep, trainLoss: windowSum / windowCount, learningRate: lr };
        if (isEval) point.valLoss = lastVal!;
        curve.push(point);
        windowSum = 0;
        windowCount = 0;
      }
      const progress: TrainProgress = { step: done, totalSteps: steps, tokensSeen: done * tokensPerStep, trainLoss };
      if (isEval) progress.valLoss = lastVal!;
      o.onStep?.(progress);
    }
  } finally {
    optimizer.dispose();
  }
  const finite = (x: number | null) => (x !== null && Number.isFinite(x) ? x : null);
  const meanRecent = recent.reduce((a, b) => a + b, 0) / recent.length;
  return {
    curve,
    steps: done,
    tokens: done * tokensPerStep,
    finalTrainLoss: finite(meanRecent),
    finalValLoss: diverged ? finite(await evaluate(model, finalBatches)) : finite(lastVal),
    diverged,
    wallSeconds: (now() - t0) / 1000,
  };
}
