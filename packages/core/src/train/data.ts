/**
 * Where training batches come from. A batch is `batchSize` windows of
 * `context + 1` tokens: inputs x = window[0..T), targets y = window[1..T]
 * (next-token prediction). Validation windows are fixed, so every evaluation of
 * a run (and every run on the same data) scores the same text.
 */
import { InputError } from '../errors.js';
import { createRng, type Rng } from '../random.js';
import { markovEntropyRate, markovWalker, type MarkovChain } from './markov.js';
import { splitTrainVal } from './tokenizer.js';

export interface Batch {
  /** Inputs, row-major [batchSize, context]. */
  x: Int32Array;
  /** Next-token targets, row-major [batchSize, context]. */
  y: Int32Array;
  batchSize: number;
  context: number;
}

export interface TokenSource {
  vocab: number;
  /** Next training batch (seeded; the source owns its random state). */
  trainBatch(batchSize: number, context: number): Batch;
  /** The `count` fixed validation batches. */
  valBatches(count: number, batchSize: number, context: number): Batch[];
  /** Exact entropy rate (nats/token) when known. */
  entropyRate?: number;
}

function windowsToBatch(windows: Int32Array[], context: number): Batch {
  const b = windows.length;
  const x = new Int32Array(b * context);
  const y = new Int32Array(b * context);
  windows.forEach((w, i) => {
    x.set(w.subarray(0, context), i * context);
    y.set(w.subarray(1, context + 1), i * context);
  });
  return { x, y, batchSize: b, context };
}

/**
 * A tokenised text as a token source: training windows of context + 1 tokens start at
 * uniformly random offsets in the train split (seeded); validation windows are evenly
 * spaced over the validation split (the contiguous tail, splitTrainVal), so every
 * evaluation scores the same text. `uniqueTokens` caps the training text to its first
 * that many tokens, for repeated-data (epochs) runs.
 *
 * @param tokens - the encoded corpus
 * @param vocab - the tokenizer's vocabulary size
 * @param seed - seed of the training windows' offsets
 * @param valFraction - share held out for validation; default 0.1
 * @param uniqueTokens - train only on the first this many tokens of the train split (default: all of it)
 * @returns the source: `trainBatch`, `valBatches`, `vocab`
 * @throws InputError when a split is shorter than one window, or `valFraction` is not in (0, 1)
 * @example
 * ```ts
 * import { textSource } from '@scaling-lab/core/train';
 * const tokens = Int32Array.from({ length: 200 }, (_, i) => i % 5); // 0 1 2 3 4 0 1 …
 * const source = textSource(tokens, 5, 0);
 * const batch = source.trainBatch(2, 8);
 * batch.x.length; // → 16
 * batch.y[0] === (batch.x[0] + 1) % 5; // → true
 * ```
 */
export function textSource(tokens: Int32Array, vocab: number, seed: number, valFraction = 0.1, uniqueTokens?: number): TokenSource {
  const split = splitTrainVal(tokens, valFraction);
  const val = split.val;
  if (uniqueTokens !== undefined && uniqueTokens > split.train.length) {
    throw new InputError('dataset.uniqueTokens', `${uniqueTokens} is more than the ${split.train.length} training tokens`, `give at most ${split.train.length}`);
  }
  // A cap on unique tokens keeps the first `uniqueTokens` of the train split (repeated data, Muennighoff et al. 2023).
  const train = uniqueTokens === undefined ? split.train : split.train.subarray(0, Math.round(uniqueTokens));
  const rng = createRng(seed);
  return {
    vocab,
    trainBatch(batchSize, context) {
      if (train.length < context + 1) throw new InputError('model.context', `${context} is longer than the training text`, 'use a shorter context');
      const ws: Int32Array[] = [];
      for (let i = 0; i < batchSize; i++) {
        const start = rng.int(train.length - context);
        ws.push(train.subarray(start, start + context + 1));
      }
      return windowsToBatch(ws, context);
    },
    valBatches(count, batchSize, context) {
      if (val.length < context + 1) throw new InputError('model.context', `${context} is longer than the validation text`, 'use a shorter context or a larger text');
      const n = count * batchSize;
      const span = val.length - context - 1;
      const ws = Array.from({ length: n }, (_, i) => {
        const start = n === 1 ? 0 : Math.floor((i * span) / (n - 1));
        return val.subarray(start, start + context + 1);
      });
      return Array.from({ length: count }, (_, k) => windowsToBatch(ws.slice(k * batchSize, (k + 1) * batchSize), context));
    },
  };
}

/**
 * A Markov chain as an endless stream: each batch row continues its own walker,
 * so training never repeats data. Validation comes from separate walkers with a
 * separate seed. `entropyRate` is the chain's (markovEntropyRate): the loss floor.
 *
 * @param chain - a chain from createMarkovChain
 * @param seed - seed of the training walkers
 * @returns the source, with `entropyRate` set
 * @example
 * ```ts
 * import { createMarkovChain, markovSource } from '@scaling-lab/core/train';
 * const source = markovSource(createMarkovChain({ order: 1, vocab: 8, branching: 3, seed: 1 }), 0);
 * source.trainBatch(2, 4).x.length; // → 8
 * source.valBatches(3, 2, 4).length; // → 3
 * source.entropyRate; // → 0.989
 * ```
 */
export function markovSource(chain: MarkovChain, seed: number): TokenSource {
  const rng = createRng(seed);
  const walkers: Array<{ next(): number }> = [];
  const lastTokens: number[] = [];
  let entropy: number | undefined;
  const take = (w: { next(): number }, n: number) => Int32Array.from({ length: n }, () => w.next());
  return {
    vocab: chain.vocab,
    get entropyRate() {
      return (entropy ??= markovEntropyRate(chain));
    },
    trainBatch(batchSize, context) {
      while (walkers.length < batchSize) walkers.push(markovWalker(chain, rng));
      // windows overlap by one token so every emitted token is a target exactly once
      const ws = walkers.slice(0, batchSize).map((w, i) => {
        const prev = lastTokens[i];
        const fresh = take(w, prev === undefined ? context + 1 : context);
        const win = prev === undefined ? fresh : Int32Array.from([prev, ...fresh]);
        lastTokens[i] = win[context];
        return win;
      });
      return windowsToBatch(ws, context);
    },
    valBatches(count, batchSize, context) {
      const vr: Rng = createRng(seed ^ 0x5eed5eed);
      return Array.from({ length: count }, () =>
        windowsToBatch(Array.from({ length: batchSize }, () => take(markovWalker(chain, vr, 256), context + 1)), context),
      );
    },
  };
}
