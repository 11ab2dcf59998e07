/**
 * Fits the decay constant R*_D of repeated tokens (Muennighoff et al. 2023, §3) on runs of one
 * model size trained on unique-token caps for several epochs, plus unique-data runs:
 *   L(D, U) = E′ + B / D′^β,  D′ = U + U·R*_D·(1 − e^(−(D/U − 1)/R*_D))   (D′ = D when U ≥ D)
 * E′ absorbs the model-size term (N is fixed), so only the data side is fitted.
 *
 * Method: profile least squares on log-loss residuals. For fixed (β, R*_D) the model is linear
 * in (E′, B), so those come from a 2×2 solve; (β, R*_D) are found on a log grid refined twice
 * around the best cell. Hand-written rather than L-BFGS because the objective is flat in R*_D
 * when repetition hardly hurts and a grid makes "not identified" visible (the best R* on the
 * edge of the grid). A case bootstrap over runs gives the interval.
 */
import { quantileSorted } from 'simple-statistics';
import { InputError } from '../errors.js';
import { createRng } from '../random.js';

export interface RepeatRun {
  tokens: number;
  /** Unique tokens; undefined (or ≥ tokens) for a unique-data run. */
  uniqueTokens?: number;
  loss: number;
}

export interface RepeatDecayFit {
  E: number;
  B: number;
  beta: number;
  repeatDecayTokens: number;
  /** Root mean square of log-loss residuals. */
  rmseLog: number;
  runs: number;
  /** False when R*_D sits at the edge of the search range (no finite value fits better). */
  identified: boolean;
}

export interface RepeatDecayBootstrap extends RepeatDecayFit {
  samples: number;
  /** 5th and 95th percentiles of R*_D over the bootstrap fits. */
  interval90: [number, number];
  /** Share of bootstrap fits whose R*_D sits on the edge of the grid. */
  unidentifiedShare: number;
}

const R_MIN = 0.05;
const R_MAX = 1e4;
const BETA_MIN = 0.02;
const BETA_MAX = 3;

function effective(tokens: number, unique: number | undefined, r: number): number {
  if (unique === undefined || unique >= tokens) return tokens;
  return unique + unique * r * -Math.expm1(-(tokens / unique - 1) / r);
}

/** Weighted SSE of log residuals and (E, B) at fixed beta, given ln D′ per run (E, B ≥ 0 enforced by rejecting). */
function inner(logLoss: Float64Array, loss: Float64Array, logEff: Float64Array, w: ArrayLike<number>, beta: number, xs: Float64Array) {
  let sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = Math.exp(-beta * logEff[i]);
    xs[i] = x;
    const wi = w[i];
    sw += wi; sx += wi * x; sy += wi * loss[i]; sxx += wi * x * x; sxy += wi * x * loss[i];
  }
  const det = sw * sxx - sx * sx;
  if (!(det > 0)) return { sse: Infinity, E: NaN, B: NaN };
  const B = (sw * sxy - sx * sy) / det;
  const E = (sy - B * sx) / sw;
  if (!(B > 0) || !(E >= 0)) return { sse: Infinity, E, B };
  let sse = 0;
  for (let i = 0; i < xs.length; i++) {
    if (w[i] === 0) continue;
    const d = Math.log(E + B * xs[i]) - logLoss[i];
    sse += w[i] * d * d;
  }
  return { sse, E, B };
}

function fitWeighted(runs: readonly RepeatRun[], w: ArrayLike<number>): RepeatDecayFit {
  let lb0 = Math.log(BETA_MIN), lb1 = Math.log(BETA_MAX), lr0 = Math.log(R_MIN), lr1 = Math.log(R_MAX);
  let best = { sse: Infinity, E: NaN, B: NaN, beta: NaN, r: NaN };
  const loss = Float64Array.from(runs, (p) => p.loss);
  const logLoss = loss.map(Math.log);
  const logEff = new Float64Array(runs.length);
  const xs = new Float64Array(runs.length);
  const n = 25;
  for (let round = 0; round < 4; round++) {
    const db = (lb1 - lb0) / (n - 1);
    const dr = (lr1 - lr0) / (n - 1);
    for (let j = 0; j < n; j++) {
      const r = Math.exp(lr0 + j * dr);
      runs.forEach((p, i) => (logEff[i] = Math.log(effective(p.tokens, p.uniqueTokens, r))));
      for (let i = 0; i < n; i++) {
        const beta = Math.exp(lb0 + i * db);
        const f = inner(logLoss, loss, logEff, w, beta, xs);
        if (f.sse < best.sse) best = { ...f, beta, r };
      }
    }
    const cb = Math.log(best.beta);
    const cr = Math.log(best.r);
    lb0 = Math.max(Math.log(BETA_MIN), cb - 2 * db); lb1 = Math.min(Math.log(BETA_MAX), cb + 2 * db);
    lr0 = Math.max(Math.log(R_MIN), cr - 2 * dr); lr1 = Math.min(Math.log(R_MAX), cr + 2 * dr);
  }
  let sw = 0;
  for (let i = 0; i < runs.length; i++) sw += w[i];
  // "No cost of repetition" is R*_D → ∞ (D′ = D); the value is identified only when a finite R*_D fits clearly better.
  runs.forEach((p, i) => (logEff[i] = Math.log(p.tokens)));
  let sseNoCost = Infinity;
  for (let i = 0; i < 200; i++) sseNoCost = Math.min(sseNoCost, inner(logLoss, loss, logEff, w, Math.exp(Math.log(BETA_MIN) + (i * Math.log(BETA_MAX / BETA_MIN)) / 199), xs).sse);
  const edge = best.r <= R_MIN * 1.05 || best.r >= R_MAX / 1.05 || !(sseNoCost > 1.05 * best.sse + 1e-12);
  return { E: best.E, B: best.B, beta: best.beta, repeatDecayTokens: best.r, rmseLog: Math.sqrt(best.sse / sw), runs: runs.length, identified: !edge && Number.isFinite(best.sse) };
}

function check(runs: readonly RepeatRun[]) {
  if (runs.length < 5) throw new InputError('runs', `${runs.length} run(s) are too few to fit E′, B, β and R*_D`, 'give at least 5 runs, some with repeated data');
  runs.forEach((p, i) => {
    if (!(p.tokens > 0) || !(p.loss > 0)) throw new InputError(`runs[${i}]`, 'needs positive tokens and loss', 'drop diverged or empty runs');
    if (p.uniqueTokens !== undefined && !(p.uniqueTokens > 0)) throw new InputError(`runs[${i}].uniqueTokens`, `must be positive, got ${p.uniqueTokens}`, 'give the unique-token cap, or leave it out for unique data');
  });
  if (!runs.some((p) => p.uniqueTokens !== undefined && p.tokens / p.uniqueTokens > 1.5)) {
    throw new InputError('runs', 'no run repeats its data (epochs > 1.5)', 'add runs trained for several epochs over a unique-token cap');
  }
}

/**
 * Fits the repeated-data decay R*_D of Muennighoff et al. 2023 (arXiv 2305.16264, eq. 5) for
 * one model size: L = E′ + B/D′^β with D′ = U + U·R*_D·(1 − e^(−R/R*_D)), R = D/U − 1, by a
 * profile search over R*_D with E′, B, β fitted at each. Identified only when a finite R*_D
 * fits clearly better than no cost of repetition and lies inside the search range.
 *
 * @param runs - runs of one model size with tokens, unique-token cap (absent for unique data) and loss
 * @returns E, B, beta, repeatDecayTokens (R*_D), rmseLog, runs and identified
 * @throws InputError for fewer than 5 runs, bad runs, or no run that repeats its data (epochs > 1.5)
 * @example
 * ```ts
 * import { effectiveTokens, fitRepeatDecay } from '@scaling-lab/core';
 * // one model size, 1e9 unique tokens, loss by Muennighoff et al.'s D′ (R* = 15.4)
 * const runs = [1e9, 2e9, 4e9, 8e9, 1.6e10, 3.2e10].map((tokens) => ({
 *   tokens, uniqueTokens: 1e9, loss: 1.8 + 400 * effectiveTokens(tokens, 1e9) ** -0.3 }));
 * fitRepeatDecay(runs).repeatDecayTokens; // → 15.38
 * ```
 */
export function fitRepeatDecay(runs: readonly RepeatRun[]): RepeatDecayFit {
  check(runs);
  return fitWeighted(runs, new Float64Array(runs.length).fill(1));
}

/**
 * fitRepeatDecay plus a case bootstrap (resampling runs with replacement) for R*_D's 90%
 * interval, and the share of replicates where R*_D is not identified. Seeded, so repeatable.
 *
 * @param runs - runs of one model size with tokens, unique-token cap and loss
 * @param opts - samples (default as in the code) and seed
 * @returns the fit, samples, interval90 for R*_D and unidentifiedShare
 * @throws InputError for fewer than 5 runs, bad runs, or no run that repeats its data
 * @example
 * ```ts
 * import { effectiveTokens, bootstrapRepeatDecay } from '@scaling-lab/core';
 * // one model size, 1e9 unique tokens, loss by Muennighoff et al.'s D′ (R* = 15.4)
 * const runs = [1e9, 2e9, 4e9, 8e9, 1.6e10, 3.2e10].map((tokens) => ({
 *   tokens, uniqueTokens: 1e9, loss: 1.8 + 400 * effectiveTokens(tokens, 1e9) ** -0.3 }));
 * bootstrapRepeatDecay(runs, { samples: 20 }).samples; // → 20
 * ```
 */
export function bootstrapRepeatDecay(runs: readonly RepeatRun[], opts: { samples?: number; seed?: number } = {}): RepeatDecayBootstrap {
  const fit = fitRepeatDecay(runs);
  const samples = opts.samples ?? 500;
  const rng = createRng(opts.seed ?? 42);
  const rs: number[] = [];
  let edge = 0;
  const w = new Float64Array(runs.length);
  for (let s = 0; s < samples; s++) {
    w.fill(0);
    for (let i = 0; i < runs.length; i++) w[rng.int(runs.length)] += 1;
    const f = fitWeighted(runs, w);
    if (!f.identified) edge++;
    if (Number.isFinite(f.repeatDecayTokens)) rs.push(f.repeatDecayTokens);
  }
  rs.sort((a, b) => a - b);
  return { ...fit, samples, interval90: [quantileSorted(rs, 0.05), quantileSorted(rs, 0.95)], unidentifiedShare: edge / samples };
}
