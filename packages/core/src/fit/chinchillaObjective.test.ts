import { describe, expect, it } from 'vitest';
import { chinchillaObjective, type ChinchillaData } from './chinchillaObjective.js';

/** The objective written straight from its formula (Hoffmann et al. 2022 eq. 3; scipy's huber), for comparison. */
function naive(d: ChinchillaData, delta: number, x: number[]): number {
  const [a, b, e, al, be] = x;
  let f = 0;
  for (let i = 0; i < d.logN.length; i++) {
    const t = [a - al * d.logN[i], b - be * d.logD[i], e];
    const m = Math.max(...t);
    const r = m + Math.log(t.reduce((s, v) => s + Math.exp(v - m), 0)) - d.logL[i];
    f += d.weights[i] * (Math.abs(r) <= delta ? 0.5 * r * r : delta * (Math.abs(r) - 0.5 * delta));
  }
  return f;
}

// Small made-up data set with repeated model sizes (the objective shares exp(a − α log N) across them).
const sizes = [1e7, 1e7, 5e7, 5e7, 5e7, 2e8, 2e8, 1e9];
const tokens = [2e8, 1e9, 3e8, 1e9, 4e9, 1e9, 5e9, 2e10];
function data(weights: number[]): ChinchillaData {
  return {
    logN: Float64Array.from(sizes, Math.log),
    logD: Float64Array.from(tokens, Math.log),
    logL: Float64Array.from(sizes, (n, i) => Math.log(1.7 + 400 / n ** 0.34 + 400 / tokens[i] ** 0.28 + 0.01 * Math.sin(i))),
    weights: Float64Array.from(weights),
  };
}

describe('chinchillaObjective', () => {
  const points: number[][] = [
    [6, 7, 0.5, 0.34, 0.28],
    [0, 0, -1, 0, 0],
    [25, 25, 1, 2, 2],
    [300, 3, 0.5, 0.1, 0.2], // s ≈ 1e129: the running products of s are flushed to logs
    [-3, -5, -4, 0.1, 0.1], // s below L·e^−δ at every point
    [800, 3, 0.5, 0.1, 0.2], // exp overflows: the max-shifted branch
    [-900, -900, -800, 0.5, 0.5], // exp underflows
  ];
  it('matches the formula, with weights (zeros dropped, counts multiply)', () => {
    for (const w of [[1, 1, 1, 1, 1, 1, 1, 1], [0, 2, 1, 0, 3, 1, 0, 1]]) {
      const d = data(w);
      const fg = chinchillaObjective(d, 1e-3);
      for (const x of points) {
        const f = fg(Float64Array.from(x), new Float64Array(5));
        const ref = naive(d, 1e-3, x);
        expect(Math.abs(f - ref)).toBeLessThanOrEqual(1e-12 * Math.abs(ref));
      }
    }
  });
  it('gradient matches central differences', () => {
    const d = data([1, 2, 1, 0, 1, 1, 3, 1]);
    const delta = 0.05; // wide enough that the test point has residuals on both sides of the kink
    const fg = chinchillaObjective(d, delta);
    const x = [6, 7, 0.5, 0.34, 0.28];
    const g = new Float64Array(5);
    fg(Float64Array.from(x), g);
    for (let k = 0; k < 5; k++) {
      const h = 1e-6;
      const xp = x.slice();
      const xm = x.slice();
      xp[k] += h;
      xm[k] -= h;
      const fd = (naive(d, delta, xp) - naive(d, delta, xm)) / (2 * h);
      expect(Math.abs(g[k] - fd)).toBeLessThan(1e-6 * Math.max(1, Math.abs(fd)));
    }
  });
  it('snapshots the data: later changes to the weights do not affect it', () => {
    const d = data([1, 1, 1, 1, 1, 1, 1, 1]);
    const fg = chinchillaObjective(d, 1e-3);
    const x = Float64Array.from(points[0]);
    const before = fg(x, new Float64Array(5));
    d.weights.fill(0);
    expect(fg(x, new Float64Array(5))).toBe(before);
    expect(before).toBeGreaterThan(0);
  });
});
