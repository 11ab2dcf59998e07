/**
 * Single-variable power laws.
 *
 * - `fitLogLinear(xs, ys)`: y = k·x^p by least squares on (log x, log y) (simple-statistics'
 *   linearRegression); used for N_opt ∝ C^a and D_opt ∝ C^b in Approaches 1 and 2
 *   (Hoffmann et al. 2022, §3.1–3.2).
 * - `fitPowerLaw(xs, losses)`: L = (x_c/x)^α (Kaplan et al. 2020 eqs. 1.1–1.3), the same regression.
 * - `fitSaturatingPowerLaw(xs, losses)`: L = E + A·x^−α, fitted as Approach 3 is: sum of Huber
 *   losses of LSE(a − α log x, e) − log L, multi-start L-BFGS over α ∈ {0, 0.5, …, 2},
 *   e ∈ {−1, −0.5, …, 1}, a ∈ {0, 5, …, 25}.
 */
import { linearRegression, rSquared } from 'simple-statistics';
import { InputError } from '../errors.js';
import type { PowerLaw, SaturatingPowerLaw } from '../laws/types.js';
import { Lbfgs, type LbfgsStopReason } from './lbfgs.js';
import { distinctCount } from './points.js';

export interface LogLinearFit {
  /** p in y = k·x^p. */
  exponent: number;
  /** k in y = k·x^p. */
  coefficient: number;
  /** R² of the regression in log–log space. */
  rSquared: number;
  points: number;
}

function checkSeries(xs: ArrayLike<number>, ys: ArrayLike<number>, minPoints: number, xName: string, yName: string): void {
  if (xs.length !== ys.length) throw new InputError(yName, `has ${ys.length} values for ${xs.length} ${xName} values`, 'give one per point');
  if (xs.length < minPoints) throw new InputError(xName, `${xs.length} points is fewer than the ${minPoints} this fit needs`, `give at least ${minPoints}`);
  for (let i = 0; i < xs.length; i++) {
    if (!(Number.isFinite(xs[i]) && xs[i] > 0)) throw new InputError(`${xName}[${i}]`, `must be a finite number > 0, got ${xs[i]}`, 'fix or remove that point');
    if (!(Number.isFinite(ys[i]) && ys[i] > 0)) throw new InputError(`${yName}[${i}]`, `must be a finite number > 0, got ${ys[i]}`, 'fix or remove that point');
  }
  if (distinctCount(xs) < 2) throw new InputError(xName, 'all values are equal, so no exponent can be identified', 'give points at two or more scales');
}

/**
 * A power law y = k·x^p by ordinary least squares in log–log space, as Hoffmann et al.
 * 2022 fit N_opt ∝ C^a across budgets (§3.1–3.2).
 *
 * @param xs - positive abscissae at two or more scales
 * @param ys - positive ordinates, one per x
 * @param names - the field names errors use for x and y
 * @returns the exponent p, the coefficient k, R² in log space and the number of points
 * @throws InputError naming the field when a value is not positive, the lengths differ or all x are equal
 * @example
 * ```ts
 * import { fitLogLinear } from '@scaling-lab/core';
 * fitLogLinear([1e19, 1e20, 1e21], [1e9, 3.16e9, 1e10]).exponent; // → 0.500
 * ```
 */
export function fitLogLinear(xs: ArrayLike<number>, ys: ArrayLike<number>, names: { x?: string; y?: string } = {}): LogLinearFit {
  checkSeries(xs, ys, 2, names.x ?? 'x', names.y ?? 'y');
  const pairs: [number, number][] = Array.from({ length: xs.length }, (_, i) => [Math.log(xs[i]), Math.log(ys[i])]);
  const { m, b } = linearRegression(pairs);
  const line = (u: number) => m * u + b;
  const r2 = pairs.length > 2 ? rSquared(pairs, line) : 1;
  return { exponent: m, coefficient: Math.exp(b), rSquared: r2, points: pairs.length };
}

/**
 * Fits L = (x_c / x)^α (Kaplan et al. 2020's single-variable form, eqs. 1.1–1.3) by least
 * squares on log L against log x.
 *
 * @param xs - the scale variable (parameters, tokens or FLOPs), all positive
 * @param losses - the loss at each x, all positive
 * @returns the law (`xC`, `alpha`), R² in log space and the number of points
 * @throws InputError when fewer than two points, lengths differ or a value is not positive
 * @example
 * ```ts
 * import { fitPowerLaw } from '@scaling-lab/core';
 * const xs = [1e18, 1e19, 1e20, 1e21];
 * const fit = fitPowerLaw(xs, xs.map((x) => (2.3e26 / x) ** 0.05));
 * fit.law.alpha; // → 0.0500
 * fit.law.xC; // → 2.30e26
 * ```
 */
export function fitPowerLaw(xs: ArrayLike<number>, losses: ArrayLike<number>): { law: PowerLaw; rSquared: number; points: number } {
  const f = fitLogLinear(xs, losses, { x: 'x', y: 'loss' });
  const alpha = -f.exponent;
  if (!(alpha !== 0)) throw new InputError('loss', 'does not change with x, so x_c is undefined', 'check the data');
  // log L = α log x_c − α log x  →  log x_c = log k / α
  return { law: { form: 'power', xC: Math.exp(Math.log(f.coefficient) / alpha), alpha }, rSquared: f.rSquared, points: f.points };
}

/**
 * Loss of a one-variable power law at scale x: L = (x_c/x)^α for the pure form (Kaplan et al.
 * 2020 eq. 1.1–1.3) or L = E + A·x^−α for the saturating form.
 *
 * @param law - a pure ('power') or saturating power law
 * @param x - the scale (parameters, tokens or compute, in the law's units)
 * @returns the predicted loss
 * @example
 * ```ts
 * import { powerLawLoss } from '@scaling-lab/core';
 * powerLawLoss({ form: 'saturating', E: 1.7, A: 400, alpha: 0.34 }, 1e9); // → 2.048
 * ```
 */
export function powerLawLoss(law: PowerLaw | SaturatingPowerLaw, x: number): number {
  return law.form === 'power' ? (law.xC / x) ** law.alpha : law.E + law.A * x ** -law.alpha;
}

export interface SaturatingFit {
  law: SaturatingPowerLaw;
  objective: number;
  converged: boolean;
  stopReason: LbfgsStopReason;
  starts: number;
  startsAtBest: number;
  points: number;
}

const grid = (from: number, to: number, step: number) => Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => from + i * step);

/**
 * Fits the saturating power law L = E + A·x^−α by multi-start L-BFGS on the Huber objective
 * (δ = 1e-3, as Hoffmann et al. 2022 §3.3 use) of log residuals, for one scale variable x
 * (parameters, tokens or compute).
 *
 * @param xs - the scale of each run (x > 0)
 * @param losses - the loss of each run
 * @param opts - delta: the Huber threshold (default 1e-3)
 * @returns the law, the objective at the optimum, convergence and how many starts reached it
 * @throws InputError for fewer than 3 points, or non-positive scales or losses
 * @example
 * ```ts
 * import { fitSaturatingPowerLaw } from '@scaling-lab/core';
 * const xs = [1e6, 1e7, 1e8, 1e9, 1e10];
 * fitSaturatingPowerLaw(xs, xs.map((x) => 1.7 + 400 * x ** -0.34)).law.alpha; // → 0.34
 * ```
 */
export function fitSaturatingPowerLaw(xs: ArrayLike<number>, losses: ArrayLike<number>, opts: { delta?: number } = {}): SaturatingFit {
  checkSeries(xs, losses, 3, 'x', 'loss');
  if (distinctCount(xs) < 3) throw new InputError('x', 'fewer than 3 distinct values cannot identify E, A and α', 'give points at three or more scales');
  const n = xs.length;
  const lx = Float64Array.from({ length: n }, (_, i) => Math.log(xs[i]));
  const ll = Float64Array.from({ length: n }, (_, i) => Math.log(losses[i]));
  const delta = opts.delta ?? 1e-3;
  // x = [a, e, α]
  const fg = (x: Float64Array, g: Float64Array): number => {
    const [a, e, al] = [x[0], x[1], x[2]];
    let f = 0;
    let ga = 0;
    let ge = 0;
    let gal = 0;
    for (let i = 0; i < n; i++) {
      const t = a - al * lx[i];
      const m = t > e ? t : e;
      const e1 = Math.exp(t - m);
      const e2 = Math.exp(e - m);
      const s = e1 + e2;
      const r = m + Math.log(s) - ll[i];
      let dh: number;
      if (r > delta) {
        f += delta * (r - 0.5 * delta);
        dh = delta;
      } else if (r < -delta) {
        f += delta * (-r - 0.5 * delta);
        dh = -delta;
      } else {
        f += 0.5 * r * r;
        dh = r;
      }
      ga += (dh * e1) / s;
      ge += (dh * e2) / s;
      gal -= (dh * e1 * lx[i]) / s;
    }
    g[0] = ga;
    g[1] = ge;
    g[2] = gal;
    return f;
  };
  const opt = new Lbfgs(3);
  const finals: number[] = [];
  let best: { f: number; x: Float64Array; stopReason: LbfgsStopReason; converged: boolean } | undefined;
  for (const al of grid(0, 2, 0.5))
    for (const e of grid(-1, 1, 0.5))
      for (const a of grid(0, 25, 5)) {
        const r = opt.minimize(fg, [a, e, al]);
        if (!Number.isFinite(r.f)) continue;
        finals.push(r.f);
        if (!best || r.f < best.f) best = { f: r.f, x: r.x, stopReason: r.stopReason, converged: r.converged };
      }
  if (!best) throw new InputError('loss', 'the objective was not finite at any start', 'check the data for extreme values');
  const thr = best.f * (1 + 1e-6);
  return {
    law: { form: 'saturating', E: Math.exp(best.x[1]), A: Math.exp(best.x[0]), alpha: best.x[2] },
    objective: best.f,
    converged: best.converged,
    stopReason: best.stopReason,
    starts: finals.length,
    startsAtBest: finals.filter((f) => f <= thr).length,
    points: n,
  };
}
