/**
 * Sizing a model for its inference: Sardana, Portes, Doubov & Frankle 2024, "Beyond
 * Chinchilla-Optimal: Accounting for Inference in Language Model Scaling Laws", ICML,
 * arXiv 2401.00448, §2 (FLOPs) and §3 (cost).
 *
 * For a target loss ℓ and a lifetime inference demand of T tokens, choose N and D on the
 * iso-loss curve L(N, D) = ℓ of a Chinchilla-form law, D(N) = (B / (ℓ − E − A·N^−α))^(1/β),
 * to minimise
 *   total = w_train · 6·N·D  +  w_inf · 2·N·T
 * with w = 1 for FLOPs (§2, eq. 2: training 6ND, inference 2N per token), or w = dollars or
 * joules per FLOP of each phase's hardware at its own MFU (§3: inference runs at a lower MFU
 * on possibly different hardware). Solved numerically over N (the paper uses Newton's method;
 * the objective is one-dimensional and smooth, so a bracketed golden-section search suffices).
 * With T = 0 it returns the Chinchilla-optimal model for ℓ.
 */
import { InputError, requireNumber } from '../errors.js';
import { trainingFlops } from '../estimate/flops.js';
import { computeForLoss } from './decisions.js';
import { minimiseLog } from './dataConstrained.js';
import type { ChinchillaLaw } from './types.js';

export const SARDANA2024_SOURCE =
  'Sardana et al. 2024, "Beyond Chinchilla-Optimal: Accounting for Inference in Language Model Scaling Laws", ICML, arXiv 2401.00448, §2 eq. 2 (training 6ND + inference 2N per token, at a fixed loss of the Chinchilla law)';

/**
 * The Chinchilla law as Sardana et al. use it (§2): Hoffmann et al.'s Approach 3 with
 * E 1.69, A 406.4, B 410.7 and the exponents to three digits, α 0.336, β 0.283. With these
 * constants their Figure 1 is reproduced (a 13B Chinchilla-optimal model for 2T inference
 * tokens → a 7B model, saving 1.7e22 FLOPs, 17%).
 */
export const SARDANA2024_LAW: ChinchillaLaw = { form: 'chinchilla', E: 1.69, A: 406.4, B: 410.7, alpha: 0.336, beta: 0.283 };

export interface InferenceAwareOptions {
  targetLoss: number;
  /** Lifetime inference demand, tokens (prompt + generated). */
  inferenceTokens: number;
  /** Weight of one training FLOP (1 for FLOPs; $ or J per FLOP for cost or energy). */
  trainWeightPerFlop?: number;
  /** Weight of one inference FLOP, in the same unit. */
  inferenceWeightPerFlop?: number;
}

export interface LifetimePlan {
  params: number;
  tokens: number;
  tokensPerParam: number;
  trainingFlops: number;
  inferenceFlops: number;
  /** w_train·training + w_inf·inference (FLOPs when both weights are 1). */
  total: number;
  /** Training's share of `total`. */
  trainingShare: number;
  inferenceShare: number;
}

export interface InferenceAwareResult {
  targetLoss: number;
  inferenceTokens: number;
  optimal: LifetimePlan;
  /** The Chinchilla-optimal model of the same loss, served for the same demand. */
  chinchilla: LifetimePlan;
  /** chinchilla.total − optimal.total. */
  saving: number;
  /** saving / chinchilla.total. */
  savingFraction: number;
}

function plan(params: number, tokens: number, T: number, wt: number, wi: number): LifetimePlan {
  const training = trainingFlops(params, tokens);
  const inferenceFlops = 2 * params * T;
  const total = wt * training + wi * inferenceFlops;
  return { params, tokens, tokensPerParam: tokens / params, trainingFlops: training, inferenceFlops, total, trainingShare: (wt * training) / total, inferenceShare: (wi * inferenceFlops) / total };
}

/**
 * Tokens a model of N parameters needs to reach a target loss on a Chinchilla-form law:
 * D = (B / (ℓ − E − A·N^−α))^(1/β), the iso-loss curve of Sardana et al. 2024, §2.
 *
 * @param law - a Chinchilla-form law
 * @param params - N, parameters
 * @param targetLoss - ℓ, nats per token
 * @returns D, tokens; `Infinity` when N is too small to ever reach ℓ
 * @example
 * ```ts
 * import { getPublishedLaw, tokensForLoss } from '@scaling-lab/core';
 * tokensForLoss(getPublishedLaw('hoffmann2022').law, 7e9, 2.0); // → 3.39e12
 * ```
 */
export function tokensForLoss(law: ChinchillaLaw, params: number, targetLoss: number): number {
  const gap = targetLoss - law.E - law.A / params ** law.alpha;
  return gap > 0 ? (law.B / gap) ** (1 / law.beta) : Infinity;
}

/**
 * The model that reaches a target loss at the least lifetime cost, training plus inference
 * (Sardana et al. 2024, "Beyond Chinchilla-Optimal", §2–3): on the iso-loss curve, minimise
 * w_train·6ND + w_inf·2N·T for T lifetime inference tokens; compared with the
 * Chinchilla-optimal model for the same loss.
 *
 * @param law - a Chinchilla-form law
 * @param opts - `targetLoss`, `inferenceTokens` and optional weights per training and inference FLOP
 *   (dollars or joules, for a cost or energy optimum)
 * @returns the optimal plan, the Chinchilla plan and the saving
 * @throws InputError when the loss is out of the law's reach or an input is not valid
 * @example
 * ```ts
 * import { getPublishedLaw, inferenceAwareOptimal } from '@scaling-lab/core';
 * const r = inferenceAwareOptimal(getPublishedLaw('hoffmann2022').law, { targetLoss: 2.0, inferenceTokens: 2e12 });
 * r.optimal.params; // → 9.91e9
 * r.chinchilla.params; // → 1.53e10
 * r.savingFraction; // → 0.0803
 * ```
 */
export function inferenceAwareOptimal(law: ChinchillaLaw, opts: InferenceAwareOptions): InferenceAwareResult {
  if (law.form !== 'chinchilla') throw new InputError('law', 'the inference-aware optimum needs a Chinchilla-form law L = E + A/N^α + B/D^β', 'use hoffmann2022, besiroglu2024 or an Approach 3 fit');
  const ell = requireNumber('targetLoss', opts.targetLoss, { exclusiveMin: 0, unit: 'nats/token' });
  if (!(ell > law.E)) throw new InputError('targetLoss', `${ell} is not above the law's irreducible loss E = ${law.E}`, `give a target loss above ${law.E}`);
  const T = requireNumber('inferenceTokens', opts.inferenceTokens, { min: 0, unit: 'tokens' });
  const wt = requireNumber('trainWeightPerFlop', opts.trainWeightPerFlop ?? 1, { exclusiveMin: 0 });
  const wi = requireNumber('inferenceWeightPerFlop', opts.inferenceWeightPerFlop ?? 1, { exclusiveMin: 0 });
  const chin = computeForLoss(law, ell);
  // Smallest model that can reach ℓ at all: A·N^−α = ℓ − E.
  const nMin = (law.A / (ell - law.E)) ** (1 / law.alpha);
  const total = (n: number) => {
    const d = tokensForLoss(law, n, ell);
    return Number.isFinite(d) ? wt * 6 * n * d + wi * 2 * n * T : Infinity;
  };
  // The optimum lies between the smallest feasible model and the Chinchilla-optimal one (inference only pushes N down).
  const params = minimiseLog(total, nMin * (1 + 1e-9), chin.params * 1.0001);
  const optimal = plan(params, tokensForLoss(law, params, ell), T, wt, wi);
  const chinchilla = plan(chin.params, chin.tokens, T, wt, wi);
  const saving = chinchilla.total - optimal.total;
  return { targetLoss: ell, inferenceTokens: T, optimal, chinchilla, saving, savingFraction: saving / chinchilla.total };
}
