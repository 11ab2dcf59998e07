/**
 * Learning rate and batch size for a budget, from four published fits. Each figure carries its
 * source, the range it was fitted on, and a warning when the request lies outside that range.
 *
 * - DeepSeek LLM (Bi et al. 2024, arXiv 2401.02954, §3.1 eq. 1): η_opt = 0.3118·C^−0.1250,
 *   B_opt = 0.2920·C^0.3271 tokens, C = M·D in FLOPs (M = non-embedding FLOPs per token; close to
 *   6N). Fitted on budgets 1e17–2e19 FLOPs; DeepSeek set its 7B and 67B runs with it (Table 2:
 *   η 4.2e-4 / 3.2e-4, batches of 9.4M / 18.9M tokens).
 * - Step Law (Li et al. 2025, "Predictable Scale: Part I", arXiv 2503.04715, eq. in §3 / abstract):
 *   η_opt = 1.79·N^−0.713·D^0.307, B_opt = 0.58·D^0.571 tokens (N non-embedding parameters).
 *   Its largest grid is 1B parameters on 100B tokens (Fig. 1).
 * - Kaplan et al. 2020 (arXiv 2001.08361), critical batch §5.1 eq. 5.3 (= eq. 1.4):
 *   B_crit(L) = B* / L^(1/α_B), B* ≈ 2e8 tokens, α_B ≈ 0.21, L in nats on WebText2 (GPT-2 BPE);
 *   and the learning rate of its Appendix D.6, eq. D.1: η(N) ≈ 0.003239 − 0.0001395·ln N
 *   (models of 768 to 1.5e9 non-embedding parameters).
 * - McCandlish et al. 2018, "An Empirical Model of Large-Batch Training" (arXiv 1812.06162), §2.2
 *   eq. 2.11: (S/S_min − 1)(E/E_min − 1) = 1 — at batch B the run takes S = S_min·(1 + B_crit/B)
 *   steps and E = E_min·(1 + B/B_crit) examples; at B = B_crit, twice the minimum of each.
 * None of these papers publishes an interval for its coefficients.
 */
import { InputError, requireNumber } from '../errors.js';
import { paramsForTrainingFlops, tokensForTrainingFlops, trainingFlops } from '../estimate/flops.js';
import { sig } from '../format.js';
import { computeOptimal, lossAtUnchecked } from './decisions.js';
import { getPublishedLaw } from './published.js';

export interface HyperparamFigure {
  quantity: 'learningRate' | 'batchTokens' | 'criticalBatchTokens';
  value: number;
  unit: string;
  law: 'deepseek2024' | 'steplaw2025' | 'kaplan2020';
  formula: string;
  source: string;
  /** The range the law was fitted on, in words. */
  validity: string;
  inRange: boolean;
  /** Present when the request lies outside the fitted range (how far, in words). */
  warning?: string;
}

export const DEEPSEEK2024_SOURCE = 'Bi et al. 2024, "DeepSeek LLM: Scaling Open-Source Language Models with Longtermism", arXiv 2401.02954, §3.1 eq. 1; no interval published';
export const STEPLAW2025_SOURCE = 'Li et al. 2025, "Predictable Scale: Part I — Step Law", arXiv 2503.04715, §3 (η = 1.79 N^−0.713 D^0.307, B = 0.58 D^0.571); no interval published';
export const KAPLAN2020_BATCH_SOURCE = 'Kaplan et al. 2020, "Scaling Laws for Neural Language Models", arXiv 2001.08361, §5.1 eq. 5.3 (B* ≈ 2e8 tokens, α_B ≈ 0.21); no interval published';
export const KAPLAN2020_LR_SOURCE = 'Kaplan et al. 2020, arXiv 2001.08361, Appendix D.6 eq. D.1 (η ≈ 0.003239 − 0.0001395 ln N); no interval published';
export const MCCANDLISH2018_SOURCE = 'McCandlish, Kaplan, Amodei et al. 2018, "An Empirical Model of Large-Batch Training", arXiv 1812.06162, §2.2 eq. 2.11';

/** How far outside [lo, hi] x is, in words ("" when inside; lo = 0 means no lower edge). */
function outside(x: number, lo: number, hi: number, what: string): string {
  const f = (v: number) => (v >= 1e4 ? v.toExponential(2).replace(/\.?0+e/, 'e').replace('e+', 'e') : sig(v, 3));
  const range = lo > 0 ? `${f(lo)}–${f(hi)}` : `up to ${f(hi)}`;
  if (x < lo) return `${what} ${f(x)} is ${sig(lo / x, lo / x < 10 ? 3 : 2)}× below the fitted range (${range})`;
  if (x > hi) return `${what} ${f(x)} is ${sig(x / hi, x / hi < 10 ? 3 : 2)}× above the fitted range (${range}): an extrapolation`;
  return '';
}

function figure(f: Omit<HyperparamFigure, 'inRange' | 'warning'>, warning: string): HyperparamFigure {
  return warning ? { ...f, inRange: false, warning } : { ...f, inRange: true };
}

/**
 * DeepSeek LLM's compute-optimal learning rate and batch (Bi et al. 2024, arXiv 2401.02954,
 * §3.1, eq. 1): η_opt = 0.3118·C^−0.1250 and B_opt = 0.2920·C^0.3271 tokens, fitted on
 * budgets 1e17–2e19 FLOPs; a warning comes with a budget outside that range.
 *
 * @param flops - the training budget C, FLOPs
 * @returns the learning-rate and batch figures with formula, source and validity
 * @throws InputError when the budget is not a positive number
 * @example
 * ```ts
 * import { deepseekHyperparams } from '@scaling-lab/core';
 * const [lr, batch] = deepseekHyperparams(1e21);
 * lr.value; // → 7.39e-4
 * batch.value; // → 2.16e6
 * ```
 */
export function deepseekHyperparams(flops: number): HyperparamFigure[] {
  const C = requireNumber('flops', flops, { exclusiveMin: 0, unit: 'FLOP' });
  // Fitted on 1e17–2e19; DeepSeek itself used it up to its 67B run (~8e23), so that is the outer edge.
  const w = outside(C, 1e17, 1e24, 'compute');
  const validity = 'fitted on budgets 1e17–2e19 FLOPs (non-embedding FLOPs M·D); used by DeepSeek up to its 67B run (~8e23)';
  return [
    figure({ quantity: 'learningRate', value: 0.3118 * C ** -0.125, unit: 'peak learning rate (AdamW)', law: 'deepseek2024', formula: 'η = 0.3118·C^−0.1250', source: DEEPSEEK2024_SOURCE, validity }, w),
    figure({ quantity: 'batchTokens', value: 0.292 * C ** 0.3271, unit: 'tokens per batch', law: 'deepseek2024', formula: 'B = 0.2920·C^0.3271', source: DEEPSEEK2024_SOURCE, validity }, w),
  ];
}

/**
 * Step Law (Li et al. 2025, arXiv 2503.04715, §3): the optimal peak learning rate
 * η_opt = 1.79·N^−0.713·D^0.307 and batch size B_opt = 0.58·D^0.571 in tokens.
 *
 * @param params - non-embedding parameters N
 * @param tokens - training tokens D
 * @returns the learning-rate and batch-size figures, each with formula, source and validity
 * @example
 * ```ts
 * import { stepLawHyperparams } from '@scaling-lab/core';
 * stepLawHyperparams(1e9, 2e10)[0].value; // → 9.96e-4
 * ```
 */
export function stepLawHyperparams(params: number, tokens: number): HyperparamFigure[] {
  const N = requireNumber('params', params, { exclusiveMin: 0 });
  const D = requireNumber('tokens', tokens, { exclusiveMin: 0, unit: 'tokens' });
  const validity = 'fitted on dense and MoE models up to 1B non-embedding parameters and 100B tokens';
  const w = [outside(N, 0, 1e9, 'params'), outside(D, 0, 1e11, 'tokens')].filter(Boolean).join('; ');
  return [
    figure({ quantity: 'learningRate', value: 1.79 * N ** -0.713 * D ** 0.307, unit: 'peak learning rate (AdamW)', law: 'steplaw2025', formula: 'η = 1.79·N^−0.713·D^0.307', source: STEPLAW2025_SOURCE, validity }, w),
    figure({ quantity: 'batchTokens', value: 0.58 * D ** 0.571, unit: 'tokens per batch', law: 'steplaw2025', formula: 'B = 0.58·D^0.571', source: STEPLAW2025_SOURCE, validity }, outside(D, 0, 1e11, 'tokens')),
  ];
}

/**
 * Kaplan et al. 2020's critical batch at a loss (§5.1, eq. 5.3): B_crit = 2e8 / L^(1/0.21)
 * tokens, measured on WebText2 (GPT-2 BPE) at losses of about 2.5–6 nats.
 *
 * @param loss - L, nats per token
 * @returns the critical batch figure with formula, source and validity
 * @throws InputError when the loss is not a positive number
 * @example
 * ```ts
 * import { kaplanCriticalBatch } from '@scaling-lab/core';
 * kaplanCriticalBatch(2.5).value; // → 2.55e6
 * ```
 */
export function kaplanCriticalBatch(loss: number): HyperparamFigure {
  const L = requireNumber('loss', loss, { exclusiveMin: 0, unit: 'nats/token' });
  return figure(
    {
      quantity: 'criticalBatchTokens',
      value: 2e8 / L ** (1 / 0.21),
      unit: 'tokens per batch (critical)',
      law: 'kaplan2020',
      formula: 'B_crit = 2e8 / L^(1/0.21)',
      source: KAPLAN2020_BATCH_SOURCE,
      validity: 'measured on WebText2 (GPT-2 BPE) at losses of about 2.5–6 nats; a loss on another tokenizer or dataset is not comparable',
    },
    outside(L, 2.5, 6, 'loss'),
  );
}

/**
 * Kaplan et al. 2020 (arXiv 2001.08361) Appendix D.6 eq. D.1: the peak learning rate that
 * worked across their model sizes, η ≈ 0.003239 − 0.0001395·ln N.
 *
 * @param params - non-embedding parameters N
 * @returns the learning rate with its formula, source, validity range and whether N lies inside it
 * @example
 * ```ts
 * import { kaplanLearningRate } from '@scaling-lab/core';
 * kaplanLearningRate(1e9).value; // → 3.481e-4
 * ```
 */
export function kaplanLearningRate(params: number): HyperparamFigure {
  const N = requireNumber('params', params, { exclusiveMin: 0 });
  const value = 0.003239 - 0.0001395 * Math.log(N);
  if (!(value > 0)) throw new InputError('params', `Kaplan's eq. D.1 gives no positive learning rate at ${N.toExponential(2)} parameters`, 'give at most ~1e10 parameters for this rule');
  return figure(
    { quantity: 'learningRate', value, unit: 'peak learning rate (Adam)', law: 'kaplan2020', formula: 'η = 0.003239 − 0.0001395·ln N', source: KAPLAN2020_LR_SOURCE, validity: 'models of 768 to 1.5e9 non-embedding parameters' },
    outside(N, 768, 1.5e9, 'params'),
  );
}

/**
 * McCandlish et al. 2018 (arXiv 1812.06162) eq. 2.11: optimisation steps and training data
 * relative to their minimums at a batch size, S/S_min = 1 + B_crit/B and E/E_min = 1 + B/B_crit.
 *
 * @param batchTokens - the batch size B, in tokens
 * @param criticalBatchTokens - the critical batch size B_crit, in tokens
 * @returns stepsOverMin (S/S_min) and dataOverMin (E/E_min)
 * @example
 * ```ts
 * import { batchTradeoff } from '@scaling-lab/core';
 * batchTradeoff(2e6, 1e6).stepsOverMin; // → 1.5
 * batchTradeoff(2e6, 1e6).dataOverMin; // → 3
 * ```
 */
export function batchTradeoff(batchTokens: number, criticalBatchTokens: number): { stepsOverMin: number; dataOverMin: number } {
  const B = requireNumber('batchTokens', batchTokens, { exclusiveMin: 0, unit: 'tokens' });
  const Bc = requireNumber('criticalBatchTokens', criticalBatchTokens, { exclusiveMin: 0, unit: 'tokens' });
  return { stepsOverMin: 1 + Bc / B, dataOverMin: 1 + B / Bc };
}

export interface HyperparamsRequest {
  /** Training compute, FLOPs (C ≈ 6ND). */
  flops?: number;
  params?: number;
  tokens?: number;
  /** Loss for Kaplan's critical batch (default: Kaplan's own L(N, D), eq. 1.5). */
  loss?: number;
}

export interface HyperparamsAnswer {
  flops: number;
  params: number;
  tokens: number;
  /** How N and D were chosen when not given. */
  sizing: string;
  figures: HyperparamFigure[];
  /** McCandlish trade-off of running at DeepSeek's batch against Kaplan's critical batch. */
  tradeoff: { batchTokens: number; criticalBatchTokens: number; stepsOverMin: number; dataOverMin: number };
}

/**
 * Every published hyperparameter recommendation for one budget: DeepSeek LLM's learning
 * rate and batch (Bi et al. 2024, §3.1, eq. 1), the Step Law (Li et al. 2025), Kaplan et al.
 * 2020's critical batch, each with its source, its fitted range and a warning outside it.
 *
 * @param req - `flops`, or `params` and `tokens` (N and D default to the Chinchilla-optimal split of C)
 * @returns the budget, N, D and one figure per law and quantity
 * @throws InputError when neither a budget nor N and D are given, or one is not valid
 * @example
 * ```ts
 * import { recommendHyperparams } from '@scaling-lab/core';
 * const h = recommendHyperparams({ flops: 1e21 });
 * h.params; // → 1.82e9
 * h.figures[0].law; // → 'deepseek2024'
 * h.figures[0].value; // → 7.39e-4
 * ```
 */
export function recommendHyperparams(req: HyperparamsRequest): HyperparamsAnswer {
  let { flops, params, tokens } = req;
  let sizing = 'as given';
  if (flops === undefined) {
    if (params === undefined || tokens === undefined) throw new InputError('flops', 'is missing', 'give a compute budget (e.g. 1e22), or both params and tokens');
    requireNumber('params', params, { exclusiveMin: 0 });
    requireNumber('tokens', tokens, { exclusiveMin: 0, unit: 'tokens' });
    flops = trainingFlops(params, tokens);
    sizing = 'C = 6ND from the given params and tokens';
  } else {
    requireNumber('flops', flops, { exclusiveMin: 0, unit: 'FLOP' });
    if (params === undefined && tokens === undefined) {
      const opt = computeOptimal(getPublishedLaw('hoffmann2022').law, flops);
      params = opt.params;
      tokens = opt.tokens;
      sizing = 'N and D: the Chinchilla-optimal split of C (Hoffmann et al. 2022, Approach 3)';
    } else if (params === undefined) {
      params = paramsForTrainingFlops(flops, tokens as number);
      sizing = 'N = C / (6D)';
    } else if (tokens === undefined) {
      tokens = tokensForTrainingFlops(flops, params);
      sizing = 'D = C / (6N)';
    }
  }
  const N = params as number;
  const D = tokens as number;
  const kaplanLaw = getPublishedLaw('kaplan2020').law;
  const loss = req.loss ?? lossAtUnchecked(kaplanLaw, N, D);
  const ds = deepseekHyperparams(flops);
  const crit = kaplanCriticalBatch(loss);
  const figures = [...ds, ...stepLawHyperparams(N, D), crit];
  try {
    figures.push(kaplanLearningRate(N));
  } catch {
    // beyond eq. D.1's reach (no positive rate): leave it out rather than print a negative rate
  }
  const batch = ds[1].value;
  return { flops, params: N, tokens: D, sizing, figures, tradeoff: { batchTokens: batch, criticalBatchTokens: crit.value, ...batchTradeoff(batch, crit.value) } };
}
