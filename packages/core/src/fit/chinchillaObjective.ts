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
 */
import type { ObjectiveWithGradient } from './lbfgs.js';

export interface ChinchillaData {
  logN: Float64Array;
  logD: Float64Array;
  logL: Float64Array;
  /** Per-point weights (multiplicities); length n. */
  weights: Float64Array;
}

export function chinchillaObjective(data: ChinchillaData, delta: number): ObjectiveWithGradient {
  const { logN, logD, logL, weights } = data;
  const n = logN.length;
  const halfDelta = 0.5 * delta;
  return (x, g) => {
    const a = x[0];
    const b = x[1];
    const e = x[2];
    const al = x[3];
    const be = x[4];
    let f = 0;
    let ga = 0;
    let gb = 0;
    let ge = 0;
    let gal = 0;
    let gbe = 0;
    const E = Math.exp(e);
    for (let i = 0; i < n; i++) {
      const w = weights[i];
      if (w === 0) continue;
      const ln = logN[i];
      const ld = logD[i];
      const t1 = a - al * ln;
      const t2 = b - be * ld;
      // Direct sum (2 exponentials); the max-shifted LSE only when it over/underflows.
      let e1 = Math.exp(t1);
      let e2 = Math.exp(t2);
      let e3 = E;
      let s = e1 + e2 + e3;
      let m = 0;
      if (!(s < 1e300 && s > 1e-300)) {
        m = t1 > t2 ? t1 : t2;
        if (e > m) m = e;
        e1 = Math.exp(t1 - m);
        e2 = Math.exp(t2 - m);
        e3 = Math.exp(e - m);
        s = e1 + e2 + e3;
      }
      const r = m + Math.log(s) - logL[i];
      let dh: number;
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
      const k = (w * dh) / s;
      const w1 = e1 * k;
      const w2 = e2 * k;
      ga += w1;
      gb += w2;
      ge += e3 * k;
      gal -= w1 * ln;
      gbe -= w2 * ld;
    }
    g[0] = ga;
    g[1] = gb;
    g[2] = ge;
    g[3] = gal;
    g[4] = gbe;
    return f;
  };
}
