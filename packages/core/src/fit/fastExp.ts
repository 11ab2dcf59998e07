/**
 * exp(x) by table and polynomial, for the Approach-3 objective's hot loop.
 *
 * Method (Tang 1989, "Table-driven implementation of the exponential function in IEEE
 * floating-point arithmetic", ACM TOMS 15(2)): x = (32k + j)·ln2/32 + r with |r| ≤ ln2/64,
 * exp(x) = 2ᵏ · 2^(j/32) · exp(r), exp(r) by its degree-6 Taylor polynomial (truncation
 * error < r⁷/7! ≈ 3.5e-18). ln2/32 is split into a 32-bit head (fdlibm's ln2_hi/32, so N·head
 * is exact for |N| < 2²¹) and a tail. Measured difference from Math.exp: < 5e-16 relative (2 ulp)
 * (fastExp.test.ts); arguments outside [−700, 700] go to Math.exp.
 *
 * Hand-written on purpose: V8 compiles Math.exp to a call into C (fdlibm); this inlines into
 * the loop and measured ~2× faster per call on this machine (Node 20: 5.4 vs 10.6 ns), and the Approach-3
 * grid makes ~150 million calls. No npm package offers an inlinable exp.
 */
const LN2_HI_32 = 6.93147180369123816490e-1 / 32; // fdlibm ln2_hi (low 21 bits zero) / 32
const LN2_LO_32 = 1.90821492927058770002e-10 / 32; // fdlibm ln2_lo / 32
const INV_LN2_32 = 32 / Math.LN2;
/** 1.5·2⁵²: (y + ROUND) − ROUND rounds y to the nearest integer (|y| < 2⁵¹); faster than Math.round here. */
const ROUND = 6755399441055744;
/** 2^(j/32), j = 0…31. */
const TWO_J32 = Float64Array.from({ length: 32 }, (_, j) => 2 ** (j / 32));
/** 2^k for k = −1024…1023 at index k + 1024 (|x| ≤ 700 needs |k| ≤ 1010). */
const TWO_K = Float64Array.from({ length: 2048 }, (_, i) => 2 ** (i - 1024));

export function fastExp(x: number): number {
  if (!(x >= -700 && x <= 700)) return Math.exp(x); // also NaN
  const n = x * INV_LN2_32 + ROUND - ROUND;
  const r = x - n * LN2_HI_32 - n * LN2_LO_32;
  const j = n & 31;
  const k = (n - j) / 32;
  const r2 = r * r; // Estrin's scheme: shorter dependency chains than Horner's
  const p = 1 + r + r2 * (0.5 + r * (1 / 6) + r2 * (1 / 24 + r * (1 / 120) + r2 * (1 / 720)));
  return TWO_J32[j] * p * TWO_K[k + 1024];
}
