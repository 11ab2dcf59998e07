/**
 * Quantile function (inverse CDF) of the standard normal distribution.
 *
 * Algorithm: P. J. Acklam's rational approximation, relative error below
 * 1.15e-9 over (0, 1). Reference: Acklam, "An algorithm for computing the
 * inverse normal cumulative distribution function" (2003, web note).
 *
 * Hand-written because simple-statistics' `probit` is only good to about 1e-3
 * (it returns 1.6434 for p = 0.95 instead of 1.64485), which is larger than the
 * sampling error our analytic tests check against; (mathjs, no longer a dependency, had no inverse erf either).
 */
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/**
 * The standard normal quantile: z such that P(Z ≤ z) = p, by Acklam's rational
 * approximation (relative error below 1.15e-9; see the module comment).
 *
 * @param p - a probability in [0, 1]
 * @returns z; −Infinity at 0 and Infinity at 1
 * @throws RangeError when p is outside [0, 1] (a programming error, not user input)
 * @example
 * ```ts
 * import { normalQuantile } from '@scaling-lab/core';
 * normalQuantile(0.975); // → 1.95996
 * ```
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    throw new RangeError(`normalQuantile: p must be in [0, 1], got ${p}`);
  }
  let x: number;
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  } else if (p <= 1 - P_LOW) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
      (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  return x;
}

/** Standard normal CDF Φ(z), absolute error below about 1e-7. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/**
 * Complementary error function, W. J. Cody's rational Chebyshev approximation
 * as given in Numerical Recipes (2nd ed., §6.2, `erfcc`); fractional error
 * below 1.2e-7 everywhere. Hand-written for the same reason as above.
 */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 +
    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}
