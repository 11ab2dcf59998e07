/**
 * The Approach-3 objective of Hoffmann et al. 2022 (arXiv 2203.15556, §3.3, eq. 3) as
 * Besiroglu et al. 2024 (arXiv 2404.10102, §2) reimplemented it, with its analytic gradient:
 *
 *   f(a, b, e, α, β) = Σᵢ wᵢ · Huber_δ( LSE(a − α·log Nᵢ, b − β·log Dᵢ, e) − log Lᵢ )
 *
 * with Huber_δ(r) = r²/2 for |r| ≤ δ, δ(|r| − δ/2) otherwise (scipy.special.huber), and
 * A = eᵃ, B = eᵇ, E = eᵉ. The weights wᵢ are 1 for a plain fit and the resampling counts
 * for a bootstrap replicate (weighting by multiplicity = fitting the resampled set).
 * ∂LSE/∂tₖ = softmax weights, so the gradient costs nothing beyond the three exponentials.
 * Parameter vector order: [a, b, e, α, β] (Besiroglu et al.'s code).
 *
 * Hot loop (the 4,500-start grid evaluates it ~300,000 times): the data are snapshotted when
 * the objective is made into one interleaved Float64Array of the points with non-zero weight,
 * and exp(a − α·log N) is computed once per distinct model size (Chinchilla's 240 runs have
 * 140 sizes; a bootstrap replicate drops ~37% of points). Those exponentials use `fastExp`
 * (table + polynomial, within 2 ulp of Math.exp, ~2.5× cheaper); the rare over/underflow
 * fallback and exp(e) use Math.exp. Most points of most evaluations lie in the Huber loss's
 * linear region (96% over the grid), where the gradient needs only the side of ±δ and the
 * value only Σ r, so those points share a Math.log (see `linCount` below).
 */
import { fastExp } from './fastExp.js';
import type { ObjectiveWithGradient } from './lbfgs.js';

export interface ChinchillaData {
  logN: Float64Array;
  logD: Float64Array;
  logL: Float64Array;
  /** Per-point weights (multiplicities); length n. */
  weights: Float64Array;
}

/**
 * f and ∇f of the Approach-3 objective. The data (weights included) are read when this is
 * called: later changes to `data` do not affect the returned function.
 */
export function chinchillaObjective(data: ChinchillaData, delta: number): ObjectiveWithGradient {
  const { logN, logD, logL, weights } = data;
  const halfDelta = 0.5 * delta;
  // Points with weight ≠ 0 as rows [log N, log D, log L, w, index of log N among the distinct
  // values, L·e^δ, L·e^−δ, 1/L] (L·e^±δ: the sum s = E + A/N^α + B/D^β above/below which the
  // residual r = log s − log L lies beyond ±δ).
  const rows: number[] = [];
  const distinct = new Map<number, number>();
  for (let i = 0; i < logN.length; i++) {
    const w = weights[i];
    if (w === 0) continue;
    let u = distinct.get(logN[i]);
    if (u === undefined) {
      u = distinct.size;
      distinct.set(logN[i], u);
    }
    rows.push(logN[i], logD[i], logL[i], w, u, Math.exp(logL[i] + delta), Math.exp(logL[i] - delta), Math.exp(-logL[i]));
  }
  const P = Float64Array.from(rows);
  const len = P.length;
  const sizes = Float64Array.from(distinct.keys());
  const nSizes = sizes.length;
  const expN = new Float64Array(nSizes); // exp(a − α·log N) per distinct N, refilled per call
  return (x, g) => {
    const a = x[0];
    const b = x[1];
    const e = x[2];
    const al = x[3];
    const be = x[4];
    let f = 0;
    // Linear-region points of weight 1 add ±δ·r − δ²/2 with r = log(s/L): their r are summed as
    // the log of running products of s/L (one Math.log per many points instead of one per
    // point), flushed to logAbove/logBelow before a product leaves [1e-150, 1e150]. Products of
    // s/L (not sums of log s and log L apart) keep the sum as exact as per-point logs: near the
    // optimum s/L ≈ 1, and nothing large cancels.
    let linCount = 0;
    let prodAbove = 1;
    let prodBelow = 1;
    let logAbove = 0;
    let logBelow = 0;
    let ga = 0;
    let gb = 0;
    let ge = 0;
    let gal = 0;
    let gbe = 0;
    const E = Math.exp(e);
    for (let u = 0; u < nSizes; u++) expN[u] = fastExp(a - al * sizes[u]);
    for (let j = 0; j < len; j += 8) {
      const ln = P[j];
      const ld = P[j + 1];
      const w = P[j + 3];
      const t2 = b - be * ld;
      // Direct sum (2 exponentials); the max-shifted LSE only when it over/underflows.
      let e1 = expN[P[j + 4]];
      let e2 = fastExp(t2);
      let e3 = E;
      let s = e1 + e2 + e3;
      let dh: number;
      if (s < 1e300 && s > 1e-300) {
        if (s > P[j + 5]) {
          dh = delta;
          if (w === 1) {
            const sl = s * P[j + 7];
            const q = prodAbove * sl;
            if (q < 1e150 && q > 1e-150) prodAbove = q;
            else {
              logAbove += Math.log(prodAbove) + Math.log(sl);
              prodAbove = 1;
            }
            linCount++;
          } else f += w * delta * (Math.log(s) - P[j + 2] - halfDelta);
        } else if (s < P[j + 6]) {
          dh = -delta;
          if (w === 1) {
            const sl = s * P[j + 7];
            const q = prodBelow * sl;
            if (q < 1e150 && q > 1e-150) prodBelow = q;
            else {
              logBelow += Math.log(prodBelow) + Math.log(sl);
              prodBelow = 1;
            }
            linCount++;
          } else f += w * delta * (P[j + 2] - Math.log(s) - halfDelta);
        } else {
          const r = Math.log(s) - P[j + 2];
          f += w * 0.5 * r * r;
          dh = r;
        }
      } else {
        const t1 = a - al * ln;
        let m = t1 > t2 ? t1 : t2;
        if (e > m) m = e;
        e1 = Math.exp(t1 - m);
        e2 = Math.exp(t2 - m);
        e3 = Math.exp(e - m);
        s = e1 + e2 + e3;
        const r = m + Math.log(s) - P[j + 2];
        if (r > delta) {
          f += w * delta * (r - halfDelta);
          dh = delta;
        } else if (r < -delta) {
          f += w * delta * (-r - halfDelta);
          dh = -delta;
        } else {
          f += w * 0.5 * r * r;
          dh = r;
        }
      }
      const k = (w * dh) / s;
      const w1 = e1 * k;
      const w2 = e2 * k;
      ga += w1;
      gb += w2;
      ge += e3 * k;
      gal -= w1 * ln;
      gbe -= w2 * ld;
    }
    f += delta * (logAbove + Math.log(prodAbove) - (logBelow + Math.log(prodBelow)) - linCount * halfDelta);
    g[0] = ga;
    g[1] = gb;
    g[2] = ge;
    g[3] = gal;
    g[4] = gbe;
    return f;
  };
}
