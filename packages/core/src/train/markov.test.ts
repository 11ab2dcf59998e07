import { describe, expect, it } from 'vitest';
import { createRng } from '../random.js';
import { createMarkovChain, markovChainFromTable, markovEntropyRate, markovWalker, nextState, stationaryDistribution } from './markov.js';

const h2 = (p: number) => -p * Math.log(p) - (1 - p) * Math.log(1 - p);

describe('Markov entropy rate', () => {
  it('two-state chain: π = (5/6, 1/6), H = 5/6·h(0.1) + 1/6·ln 2', () => {
    // P = [[0.9, 0.1], [0.5, 0.5]]; π solves π0·0.1 = π1·0.5 → π = (5/6, 1/6)
    const c = markovChainFromTable(1, 2, [[[0, 0.9], [1, 0.1]], [[0, 0.5], [1, 0.5]]]);
    const pi = stationaryDistribution(c);
    expect(pi[0]).toBeCloseTo(5 / 6, 10);
    expect(markovEntropyRate(c)).toBeCloseTo((5 / 6) * h2(0.1) + (1 / 6) * Math.log(2), 10);
  });

  it('a deterministic periodic chain has entropy 0 (periodicity handled)', () => {
    const c = markovChainFromTable(1, 3, [[[1, 1]], [[2, 1]], [[0, 1]]]);
    expect(markovEntropyRate(c)).toBe(0);
    expect(stationaryDistribution(c)[2]).toBeCloseTo(1 / 3, 10);
  });

  it('uses the closed class the sampler lives in (transient and other classes excluded)', () => {
    // state 0 → 1 (p 0.5) or 2 (p 0.5); 1 → 1 always; 2 ↔ 2/0 … make 2 absorbing at uniform over {2, 3}? keep it simple:
    // 0 → {1, 2}; 1 → 1 (entropy 0); 2 → {2, 3} fair coin; 3 → {2, 3} fair coin.
    const c = markovChainFromTable(1, 4, [
      [[1, 0.5], [2, 0.5]],
      [[1, 1]],
      [[2, 0.5], [3, 0.5]],
      [[2, 0.5], [3, 0.5]],
    ]);
    // the sampler starts at the first closed class found from 0: {1} (entropy 0)
    expect(c.startState).toBe(1);
    expect(markovEntropyRate(c)).toBe(0);
  });

  it('order-2 chain: contexts are pairs, next state shifts the window', () => {
    // vocab 2, order 2: states 00,01,10,11 = 0..3; from any context emit 0 or 1 with p = 0.5 → H = ln 2
    const row: Array<[number, number]> = [[0, 0.5], [1, 0.5]];
    const c = markovChainFromTable(2, 2, [row, row, row, row]);
    expect(nextState(c, 0b01, 1)).toBe(0b11);
    expect(nextState(c, 0b10, 1)).toBe(0b01);
    expect(markovEntropyRate(c)).toBeCloseTo(Math.log(2), 12);
  });

  it('random Zipf chains: rows sum to 1, deterministic in the seed, and sampled log-loss ≈ entropy rate', () => {
    const c = createMarkovChain({ order: 2, vocab: 8, branching: 3, zipfExponent: 1, seed: 7 });
    const again = createMarkovChain({ order: 2, vocab: 8, branching: 3, zipfExponent: 1, seed: 7 });
    expect(Array.from(again.next)).toEqual(Array.from(c.next));
    for (let s = 0; s < c.states; s++) {
      const sum = c.prob.slice(s * 3, s * 3 + 3).reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(1, 12);
    }
    const H = markovEntropyRate(c);
    // each context's exponent lies in [0.5, 1.5]: its entropy lies between Zipf(1.5) and Zipf(0.5) over 3
    const rowH = (e: number) => {
      const w = [1, 2 ** -e, 3 ** -e];
      const z = w[0] + w[1] + w[2];
      return -w.reduce((a, x) => a + (x / z) * Math.log(x / z), 0);
    };
    expect(H).toBeGreaterThan(rowH(1.5));
    expect(H).toBeLessThan(rowH(0.5));
    // Monte Carlo: mean −ln P(next | context) along a sample path
    const w = markovWalker(c, createRng(3), 0);
    let s = c.startState;
    let nll = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const t = w.next();
      const r = Array.from(c.next.slice(s * 3, s * 3 + 3)).indexOf(t);
      nll -= Math.log(c.prob[s * 3 + r]);
      s = nextState(c, s, t);
    }
    expect(Math.abs(nll / n - H)).toBeLessThan(0.02);
  });

  it('rejects impossible shapes with a named field', () => {
    expect(() => createMarkovChain({ order: 6, vocab: 64 })).toThrow(/dataset/);
    expect(() => createMarkovChain({ order: 1, vocab: 4, branching: 9 })).toThrow(/dataset.branching/);
  });
});
