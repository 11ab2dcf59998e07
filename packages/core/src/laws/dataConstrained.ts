/**
 * Repeated data: the data-constrained scaling law of Muennighoff et al. 2023,
 * "Scaling Data-Constrained Language Models" (NeurIPS 2023, arXiv 2305.16264), §3.
 *
 * With U_D unique tokens seen for D tokens in all, R_D = D/U_D − 1 repetitions are worth
 *   D′ = U_D + U_D·R*_D·(1 − e^(−R_D/R*_D))                         (effective data)
 * and parameters beyond those that U_D tokens can use compute-optimally, U_N = min(N, N_opt(U_D)),
 * R_N = N/U_N − 1, are worth
 *   N′ = U_N + U_N·R*_N·(1 − e^(−R_N/R*_N))                         (effective parameters)
 * in the Chinchilla form L = E + A/N′^α + B/D′^β. R*_D is the number of repetitions after which a
 * repeated token is worth 1/e of a fresh one; however many epochs, D′ < U_D·(1 + R*_D).
 *
 * Constants: the paper's fit on its C4 runs, as published with the paper's code
 * (huggingface/datablations README, "Parametric Fit"): ln A 6.255414, ln B 7.3049974, ln E 0.6254804,
 * α = β = 0.3526596, R*_D 15.387756, R*_N 5.309743 (the paper rounds them to R*_D ≈ 15.4, R*_N ≈ 5.3).
 * No interval is published for R*_D or R*_N.
 */
import { InputError, requireNumber } from '../errors.js';
import { tokensForTrainingFlopsUnchecked } from '../estimate/flops.js';
import type { ChinchillaLaw } from './types.js';

export interface DataConstrainedLaw extends ChinchillaLaw {
  /** R*_D: repetitions after which a repeated token is worth 1/e of a unique one. */
  repeatDecayTokens: number;
  /** R*_N: the same for parameters in excess of what the unique data can use. */
  repeatDecayParams: number;
}

export const MUENNIGHOFF2023: DataConstrainedLaw = {
  form: 'chinchilla',
  E: Math.exp(0.6254804),
  A: Math.exp(6.255414),
  B: Math.exp(7.3049974),
  alpha: 0.3526596,
  beta: 0.3526596,
  repeatDecayTokens: 15.387756,
  repeatDecayParams: 5.309743,
};

export const MUENNIGHOFF2023_SOURCE =
  'Muennighoff et al. 2023, "Scaling Data-Constrained Language Models", NeurIPS, arXiv 2305.16264, §3 (effective data D′ and parameters N′ with R*_D 15.4, R*_N 5.3, fitted on C4); unrounded constants from the paper\'s repository (huggingface/datablations README, "Parametric Fit"); no interval published';

/**
 * Effective training tokens under repeated data (Muennighoff et al. 2023, arXiv 2305.16264, eq. 5):
 * D′ = U + U·R*·(1 − e^(−R/R*)), R = tokens/unique − 1 (0 when every token is unique), so
 * repeated epochs are worth less than fresh data, and at most U·(1 + R*).
 *
 * @param tokens - the training tokens D (all epochs)
 * @param uniqueTokens - the unique tokens U
 * @param repeatDecay - R*, the decay constant for repeated tokens (default Muennighoff et al.'s fit, 15.4)
 * @returns the effective token count D′ (≤ D)
 * @example
 * ```ts
 * import { effectiveTokens } from '@scaling-lab/core';
 * // four epochs of 100B unique tokens
 * effectiveTokens(4e11, 1e11); // → 3.726e11
 * ```
 */
export function effectiveTokens(tokens: number, uniqueTokens: number, repeatDecay = MUENNIGHOFF2023.repeatDecayTokens): number {
  requireNumber('tokens', tokens, { exclusiveMin: 0, unit: 'tokens' });
  requireNumber('uniqueTokens', uniqueTokens, { exclusiveMin: 0, unit: 'tokens' });
  requireNumber('repeatDecay', repeatDecay, { exclusiveMin: 0 });
  const u = Math.min(uniqueTokens, tokens);
  const repeats = tokens / u - 1;
  return u + u * repeatDecay * -Math.expm1(-repeats / repeatDecay);
}

/**
 * Parameters that U tokens can use compute-optimally under the Chinchilla form: the N whose
 * compute-optimal token count D_opt(N) equals U (Hoffmann et al. 2022 eq. 4; used for U_N in
 * Muennighoff et al. 2023 eq. 5).
 *
 * @param law - a Chinchilla-form law
 * @param tokens - the unique tokens U
 * @returns the parameter count N with D_opt(N) = U
 * @example
 * ```ts
 * import { getPublishedLaw, paramsForTokens } from '@scaling-lab/core';
 * paramsForTokens(getPublishedLaw('hoffmann2022').law, 2e11); // → 3.478e9
 * ```
 */
export function paramsForTokens(law: ChinchillaLaw, tokens: number): number {
  const G = ((law.alpha * law.A) / (law.beta * law.B)) ** (1 / (law.alpha + law.beta));
  // On the frontier N = G·(C/6)^a and D = (C/6)^b / G (a = β/(α+β), b = α/(α+β)), so N = G·(D·G)^(β/α).
  return (tokens * G) ** (law.beta / law.alpha) * G;
}

/**
 * Effective parameters under repeated data (Muennighoff et al. 2023, arXiv 2305.16264, eq. 5):
 * N′ = U_N + U_N·R*_N·(1 − e^(−R_N/R*_N)) with U_N = min(N, paramsForTokens(U)) and
 * R_N = N/U_N − 1: parameters beyond what the unique data can use count for less.
 *
 * @param law - a data-constrained law (e.g. MUENNIGHOFF2023) with its decay constant R*_N
 * @param params - the model's parameters N
 * @param uniqueTokens - the unique training tokens U
 * @returns the effective parameter count N′ (≤ N)
 * @example
 * ```ts
 * import { MUENNIGHOFF2023, effectiveParams } from '@scaling-lab/core';
 * effectiveParams(MUENNIGHOFF2023, 1e10, 1e11); // → 9.582e9
 * ```
 */
export function effectiveParams(law: DataConstrainedLaw, params: number, uniqueTokens: number): number {
  const un = Math.min(params, paramsForTokens(law, uniqueTokens));
  const repeats = params / un - 1;
  return un + un * law.repeatDecayParams * -Math.expm1(-repeats / law.repeatDecayParams);
}

export interface DataConstrainedPoint {
  params: number;
  tokens: number;
  uniqueTokens: number;
  /** tokens / uniqueTokens (1 when no token repeats). */
  epochs: number;
  effectiveTokens: number;
  effectiveParams: number;
  loss: number;
}

function validate(law: DataConstrainedLaw) {
  for (const k of ['E', 'A', 'B', 'alpha', 'beta', 'repeatDecayTokens', 'repeatDecayParams'] as const) {
    requireNumber(`law.${k}`, law[k], { min: k === 'E' ? 0 : Number.MIN_VALUE });
  }
}

/**
 * The loss of N parameters trained on D tokens of which only `uniqueTokens` are unique
 * (Muennighoff et al. 2023, §3, eq. 5): the Chinchilla form at the effective data
 * D′ = U + U·R*_D·(1 − e^(−R/R*_D)) and effective parameters N′.
 *
 * @param law - the data-constrained law, e.g. {@link MUENNIGHOFF2023}
 * @param run - `params`, `tokens` and `uniqueTokens`
 * @returns epochs, effective tokens and parameters, and the loss
 * @throws InputError when a count is not a positive number (unique tokens above `tokens` count as `tokens`)
 * @example
 * ```ts
 * import { dataConstrainedLoss, MUENNIGHOFF2023 } from '@scaling-lab/core';
 * const r = dataConstrainedLoss(MUENNIGHOFF2023, { params: 8.7e9, tokens: 178e9, uniqueTokens: 25e9 });
 * r.epochs; // → 7.12
 * r.effectiveTokens; // → 1.512e11
 * ```
 */
export function dataConstrainedLoss(law: DataConstrainedLaw, run: { params: number; tokens: number; uniqueTokens: number }): DataConstrainedPoint {
  validate(law);
  const params = requireNumber('params', run.params, { exclusiveMin: 0 });
  const tokens = requireNumber('tokens', run.tokens, { exclusiveMin: 0, unit: 'tokens' });
  const unique = Math.min(requireNumber('uniqueTokens', run.uniqueTokens, { exclusiveMin: 0, unit: 'tokens' }), tokens);
  const dEff = effectiveTokens(tokens, unique, law.repeatDecayTokens);
  const nEff = effectiveParams(law, params, unique);
  return {
    params,
    tokens,
    uniqueTokens: unique,
    epochs: tokens / unique,
    effectiveTokens: dEff,
    effectiveParams: nEff,
    loss: law.E + law.A / nEff ** law.alpha + law.B / dEff ** law.beta,
  };
}

export interface DataConstrainedOptimum extends DataConstrainedPoint {
  flops: number;
  tokensPerParam: number;
  /** The compute-optimal model for the same compute with unlimited unique data (same constants). */
  unlimited: { params: number; tokens: number; loss: number };
  /** loss − unlimited.loss (nats/token): what the cap on unique data costs. */
  lossPenalty: number;
  /** Unique tokens the unlimited-data optimum would need (= its tokens); the cap binds when above uniqueTokens. */
  capBinds: boolean;
}

/** Minimum of f over log-space [lo, hi]: a coarse grid, then golden-section refinement (f need only be unimodal near the best grid point). */
export function minimiseLog(f: (x: number) => number, lo: number, hi: number, gridPoints = 241): number {
  const a0 = Math.log(lo);
  const b0 = Math.log(hi);
  let best = 0;
  let bestV = Infinity;
  const step = (b0 - a0) / (gridPoints - 1);
  for (let i = 0; i < gridPoints; i++) {
    const v = f(Math.exp(a0 + i * step));
    if (v < bestV) {
      bestV = v;
      best = i;
    }
  }
  let a = a0 + Math.max(0, best - 1) * step;
  let b = a0 + Math.min(gridPoints - 1, best + 1) * step;
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(Math.exp(c));
  let fd = f(Math.exp(d));
  for (let k = 0; k < 100 && b - a > 1e-10; k++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(Math.exp(c));
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(Math.exp(d));
    }
  }
  return Math.exp((a + b) / 2);
}

/**
 * The compute-optimal model when only `uniqueTokens` unique tokens exist (Muennighoff et al.
 * 2023, "Scaling Data-Constrained Language Models", §3): minimises the data-constrained loss,
 * with repeated tokens worth D′ = U + U·R*_D·(1 − e^(−R/R*_D)), over N with D = C/(6N)
 * (numerically; the paper's code uses a grid search).
 *
 * @param law - the data-constrained law, e.g. {@link MUENNIGHOFF2023}
 * @param opts - `flops`, the budget C, and `uniqueTokens`, U_D
 * @returns params, tokens, epochs, effective data and parameters, the loss and its penalty over unlimited data
 * @throws InputError when the budget or the unique tokens are not positive numbers
 * @example
 * ```ts
 * import { dataConstrainedOptimal, MUENNIGHOFF2023 } from '@scaling-lab/core';
 * const o = dataConstrainedOptimal(MUENNIGHOFF2023, { flops: 1e24, uniqueTokens: 1e11 });
 * o.epochs; // → 27.2
 * o.lossPenalty; // → 0.0434
 * ```
 */
export function dataConstrainedOptimal(law: DataConstrainedLaw, opts: { flops: number; uniqueTokens: number }): DataConstrainedOptimum {
  validate(law);
  const flops = requireNumber('flops', opts.flops, { exclusiveMin: 0, unit: 'FLOP' });
  const unique = requireNumber('uniqueTokens', opts.uniqueTokens, { exclusiveMin: 0, unit: 'tokens' });
  const lossFor = (n: number) => {
    const d = tokensForTrainingFlopsUnchecked(flops, n);
    return dataConstrainedLoss(law, { params: n, tokens: d, uniqueTokens: Math.min(unique, d) }).loss;
  };
  const mid = Math.sqrt(flops / 6);
  const params = minimiseLog(lossFor, mid * 1e-6, mid * 1e6);
  const tokens = tokensForTrainingFlopsUnchecked(flops, params);
  const point = dataConstrainedLoss(law, { params, tokens, uniqueTokens: Math.min(unique, tokens) });
  const G = ((law.alpha * law.A) / (law.beta * law.B)) ** (1 / (law.alpha + law.beta));
  const a = law.beta / (law.alpha + law.beta);
  const nU = G * (flops / 6) ** a;
  const dU = tokensForTrainingFlopsUnchecked(flops, nU);
  const unlimitedLoss = law.E + law.A / nU ** law.alpha + law.B / dU ** law.beta;
  return {
    ...point,
    flops,
    tokensPerParam: tokens / params,
    unlimited: { params: nU, tokens: dU, loss: unlimitedLoss },
    lossPenalty: point.loss - unlimitedLoss,
    capBinds: dU > unique,
  };
}

/**
 * Epochs and effective data of a planned run on repeated data (for `estimate --unique-tokens`):
 * epochs = D/U, effective tokens D′ by Muennighoff et al. 2023 eq. 5 (see effectiveTokens), and
 * the most any number of epochs can give, U·(1 + R*).
 *
 * @param tokens - the training tokens D (all epochs)
 * @param uniqueTokens - the unique tokens U
 * @param repeatDecay - R*, the decay constant for repeated tokens (default Muennighoff et al.'s fit, 15.4)
 * @returns tokens, uniqueTokens, epochs, effectiveTokens, effectiveFraction, effectiveTokensLimit and repeatDecay
 * @example
 * ```ts
 * import { repeatedDataSummary } from '@scaling-lab/core';
 * const s = repeatedDataSummary(4e11, 1e11);
 * s.epochs; // → 4
 * s.effectiveFraction; // → 0.9314
 * ```
 */
export function repeatedDataSummary(tokens: number, uniqueTokens: number, repeatDecay = MUENNIGHOFF2023.repeatDecayTokens) {
  requireNumber('tokens', tokens, { exclusiveMin: 0, unit: 'tokens' });
  requireNumber('uniqueTokens', uniqueTokens, { exclusiveMin: 0, unit: 'tokens' });
  if (uniqueTokens > tokens) {
    throw new InputError('uniqueTokens', `${uniqueTokens.toExponential(3)} unique tokens is more than the ${tokens.toExponential(3)} tokens trained on`, 'give at most the training tokens (epochs cannot be below 1)');
  }
  const eff = effectiveTokens(tokens, uniqueTokens, repeatDecay);
  return {
    tokens,
    uniqueTokens,
    epochs: tokens / uniqueTokens,
    effectiveTokens: eff,
    /** effectiveTokens / tokens: what the repeated run is worth per token against fresh data. */
    effectiveFraction: eff / tokens,
    /** U·(1 + R*_D): the most any number of epochs over these unique tokens is worth. */
    effectiveTokensLimit: uniqueTokens * (1 + repeatDecay),
    repeatDecay,
  };
}
