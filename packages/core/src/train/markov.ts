/**
 * A synthetic language with a known entropy rate: a sparse random Markov chain
 * of order k over a vocabulary of V tokens. Each context (the last k tokens) has
 * `branching` possible next tokens, drawn at random, with Zipf probabilities
 * p_r ∝ r^(−s_c) for rank r = 1..branching, where each context's exponent s_c
 * is drawn uniformly from [0.5·s, 1.5·s] so that contexts differ in how
 * predictable they are (with one shared exponent every context would have the
 * same entropy and the stationary weighting below would not matter).
 *
 * Its entropy rate H = Σ_s π(s) · H(P(·|s)) (Cover & Thomas, Elements of
 * Information Theory, 2nd ed., Thm 4.2.4), in nats per token, is the loss an
 * ideal model reaches: the irreducible term E of a scaling-law fit on this data.
 * π is the stationary distribution over contexts, computed here by power
 * iteration on the chain restricted to the closed class the sampler lives in
 * (a sparse random chain need not be irreducible, so we locate that class
 * explicitly instead of assuming it). Hand-written: no library we ship offers
 * sparse stationary distributions.
 */
import { InputError, requireNumber } from '../errors.js';
import { createRng, type Rng } from '../random.js';

export interface MarkovChain {
  order: number;
  vocab: number;
  branching: number;
  /** Number of contexts, vocab^order. */
  states: number;
  /** next[s·branching + r]: the r-th possible next token after context s. */
  next: Int32Array;
  /** prob[s·branching + r]: its probability (each row sums to 1). */
  prob: Float64Array;
  /** A context inside the closed class used for sampling. */
  startState: number;
}

export interface MarkovOptions {
  order: number;
  vocab: number;
  branching?: number;
  zipfExponent?: number;
  seed?: number;
}

/** Largest context count we build (vocab^order); keeps memory and the power iteration small. */
export const MAX_MARKOV_STATES = 1 << 20;

/**
 * Builds the random sparse Markov chain described above: for each of the vocab^order
 * contexts, `branching` distinct next tokens drawn at random with Zipf probabilities
 * p_r ∝ r^(−s_c), s_c uniform in [0.5·s, 1.5·s]. Deterministic in `seed`.
 * Defaults: branching 4; zipfExponent s = 1, the classic exponent of Zipf's law (Zipf 1949); seed 1.
 *
 * @param opts - `order` k, `vocab` V, and optional `branching`, `zipfExponent`, `seed`
 * @returns the chain (`next`/`prob` tables, `states` = V^k, and a `startState` in its closed class)
 * @throws InputError when the order, vocabulary or branching is not a whole number in range, or V^k exceeds MAX_MARKOV_STATES
 * @example
 * ```ts
 * import { createMarkovChain } from '@scaling-lab/core/train';
 * const chain = createMarkovChain({ order: 1, vocab: 8, branching: 3, seed: 1 });
 * chain.states; // → 8
 * chain.prob.slice(0, 3).reduce((a, b) => a + b, 0); // → 1
 * ```
 */
export function createMarkovChain(opts: MarkovOptions): MarkovChain {
  const order = requireNumber('dataset.order', opts.order, { min: 1, max: 8 });
  const vocab = requireNumber('dataset.vocab', opts.vocab, { min: 2, max: 4096 });
  const branching = requireNumber('dataset.branching', opts.branching ?? 4, { min: 1, max: vocab });
  const s = requireNumber('dataset.zipfExponent', opts.zipfExponent ?? 1, { min: 0 });
  if (!Number.isInteger(order) || !Number.isInteger(vocab) || !Number.isInteger(branching)) {
    throw new InputError('dataset', 'order, vocab and branching must be integers', 'e.g. order 2, vocab 32, branching 4');
  }
  const states = vocab ** order;
  if (states > MAX_MARKOV_STATES) {
    throw new InputError('dataset', `vocab^order = ${states} contexts is more than ${MAX_MARKOV_STATES}`, 'lower vocab or order');
  }
  const rng = createRng(opts.seed ?? 1);
  const next = new Int32Array(states * branching);
  const prob = new Float64Array(states * branching);
  const pool = Int32Array.from({ length: vocab }, (_, i) => i);
  const zipf = new Float64Array(branching);
  for (let st = 0; st < states; st++) {
    const sc = s * (0.5 + rng.next());
    let z = 0;
    for (let r = 0; r < branching; r++) z += (zipf[r] = (r + 1) ** -sc);
    // partial Fisher–Yates: `branching` distinct tokens
    for (let r = 0; r < branching; r++) {
      const j = r + rng.int(vocab - r);
      const t = pool[r]; pool[r] = pool[j]; pool[j] = t;
      next[st * branching + r] = pool[r];
      prob[st * branching + r] = zipf[r] / z;
    }
  }
  const chain: MarkovChain = { order, vocab, branching, states, next, prob, startState: 0 };
  chain.startState = recurrentState(chain);
  return chain;
}

/** Builds a chain from an explicit table (rows of [token, probability] per context); for tests and teaching. */
export function markovChainFromTable(order: number, vocab: number, rows: Array<Array<[number, number]>>): MarkovChain {
  const states = vocab ** order;
  if (rows.length !== states) throw new InputError('rows', `need ${states} rows (vocab^order), got ${rows.length}`, 'give one row per context');
  const branching = Math.max(...rows.map((r) => r.length));
  const next = new Int32Array(states * branching);
  const prob = new Float64Array(states * branching);
  rows.forEach((row, st) => {
    const sum = row.reduce((a, [, p]) => a + p, 0);
    if (Math.abs(sum - 1) > 1e-9) throw new InputError(`rows[${st}]`, `probabilities sum to ${sum}`, 'make each row sum to 1');
    row.forEach(([tok, p], r) => { next[st * branching + r] = tok; prob[st * branching + r] = p; });
  });
  const chain: MarkovChain = { order, vocab, branching, states, next, prob, startState: 0 };
  chain.startState = recurrentState(chain);
  return chain;
}

/** Context reached from context `s` by emitting `token`. */
export function nextState(chain: MarkovChain, s: number, token: number): number {
  return (s * chain.vocab + token) % chain.states;
}

/** Draws the next token after context `s`. */
export function sampleToken(chain: MarkovChain, s: number, rng: Rng): number {
  const b = chain.branching;
  let u = rng.next();
  for (let r = 0; r < b; r++) {
    u -= chain.prob[s * b + r];
    if (u < 0) return chain.next[s * b + r];
  }
  // rounding: fall back to the last token with non-zero probability
  for (let r = b - 1; r >= 0; r--) if (chain.prob[s * b + r] > 0) return chain.next[s * b + r];
  return chain.next[s * b];
}

function successors(chain: MarkovChain, s: number, visit: (t: number) => void) {
  const b = chain.branching;
  for (let r = 0; r < b; r++) if (chain.prob[s * b + r] > 0) visit(nextState(chain, s, chain.next[s * b + r]));
}

/**
 * A context in a closed communicating class: start anywhere, take the set R reachable
 * from it; if the start is reachable back from all of R, R is closed and communicating;
 * otherwise move to a state of R that cannot return (R strictly shrinks) and repeat.
 */
function recurrentState(chain: MarkovChain): number {
  let start = 0;
  for (;;) {
    const reach = reachableFrom(chain, start);
    // reverse reachability of `start` inside `reach`
    const predMap = new Map<number, number[]>();
    for (const s of reach) successors(chain, s, (t) => { let l = predMap.get(t); if (!l) predMap.set(t, (l = [])); l.push(s); });
    const back = new Set<number>([start]);
    const stack = [start];
    while (stack.length) {
      const t = stack.pop()!;
      for (const s of predMap.get(t) ?? []) if (!back.has(s)) { back.add(s); stack.push(s); }
    }
    if (back.size === reach.size) return start;
    for (const s of reach) if (!back.has(s)) { start = s; break; }
  }
}

function reachableFrom(chain: MarkovChain, start: number): Set<number> {
  const seen = new Set<number>([start]);
  const stack = [start];
  while (stack.length) {
    const s = stack.pop()!;
    successors(chain, s, (t) => { if (!seen.has(t)) { seen.add(t); stack.push(t); } });
  }
  return seen;
}

/**
 * Stationary distribution over contexts of the closed class containing
 * `chain.startState` (zero elsewhere), by power iteration on the lazy chain
 * (I + P)/2, which has the same stationary distribution and is aperiodic.
 */
export function stationaryDistribution(chain: MarkovChain, tolerance = 1e-13, maxIterations = 100_000): Float64Array {
  const cls = [...reachableFrom(chain, chain.startState)].sort((a, b) => a - b);
  let pi = new Float64Array(chain.states);
  for (const s of cls) pi[s] = 1 / cls.length;
  let nxt = new Float64Array(chain.states);
  const b = chain.branching;
  for (let it = 0; it < maxIterations; it++) {
    for (const s of cls) nxt[s] = 0.5 * pi[s];
    for (const s of cls) {
      const m = 0.5 * pi[s];
      for (let r = 0; r < b; r++) {
        const p = chain.prob[s * b + r];
        if (p > 0) nxt[nextState(chain, s, chain.next[s * b + r])] += m * p;
      }
    }
    let diff = 0;
    for (const s of cls) diff += Math.abs(nxt[s] - pi[s]);
    [pi, nxt] = [nxt, pi];
    if (diff < tolerance) break;
  }
  return pi;
}

/**
 * Entropy rate in nats per token: H = Σ_s π(s) · (−Σ_y P(y|s) ln P(y|s)) (Cover & Thomas,
 * Elements of Information Theory, 2nd ed., Thm 4.2.4), with π the stationary distribution
 * of the chain's closed class (power iteration). It is the loss an ideal model reaches on
 * text from the chain, and at most ln(branching).
 *
 * @param chain - a chain from {@link createMarkovChain}
 * @returns the entropy rate, nats per token
 * @example
 * ```ts
 * import { createMarkovChain, markovEntropyRate } from '@scaling-lab/core/train';
 * const chain = createMarkovChain({ order: 1, vocab: 8, branching: 3, seed: 1 });
 * markovEntropyRate(chain); // → 0.989
 * markovEntropyRate(chain) < Math.log(3); // → true
 * ```
 */
export function markovEntropyRate(chain: MarkovChain): number {
  const pi = stationaryDistribution(chain);
  const b = chain.branching;
  let h = 0;
  for (let s = 0; s < chain.states; s++) {
    if (pi[s] === 0) continue;
    let hs = 0;
    for (let r = 0; r < b; r++) {
      const p = chain.prob[s * b + r];
      if (p > 0) hs -= p * Math.log(p);
    }
    h += pi[s] * hs;
  }
  return h;
}

/**
 * A walker that emits tokens from the chain: it starts at the chain's `startState` (inside
 * its closed class) and discards `burnIn` tokens (default 64) so the first one it returns
 * is already well mixed. Deterministic in the random stream `rng`.
 *
 * @param chain - a chain from {@link createMarkovChain}
 * @param rng - the random stream (`createRng(seed)` from `@scaling-lab/core`)
 * @param burnIn - tokens drawn and discarded before the first one returned; default 64
 * @returns `{ next }`, which draws the next token
 * @example
 * ```ts
 * import { createRng } from '@scaling-lab/core';
 * import { createMarkovChain, markovWalker } from '@scaling-lab/core/train';
 * const chain = createMarkovChain({ order: 1, vocab: 8, branching: 3, seed: 1 });
 * const walker = markovWalker(chain, createRng(1));
 * const tokens = [walker.next(), walker.next(), walker.next()];
 * tokens.every((t) => t >= 0 && t < 8); // → true
 * ```
 */
export function markovWalker(chain: MarkovChain, rng: Rng, burnIn = 64) {
  let s = chain.startState;
  const step = () => {
    const t = sampleToken(chain, s, rng);
    s = nextState(chain, s, t);
    return t;
  };
  for (let i = 0; i < burnIn; i++) step();
  return { next: step };
}
