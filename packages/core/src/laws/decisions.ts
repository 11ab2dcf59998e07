/**
 * Decisions from a two-variable law L(N, D), with training compute C = 6·N·D
 * (Kaplan et al. 2020 §2.1; Hoffmann et al. 2022 §3):
 *
 * - `lossAt(law, N, D)`.
 * - `computeOptimal(law, C)`: the N, D minimising L subject to 6ND = C. Closed forms:
 *   Chinchilla (Hoffmann et al. 2022, eq. 4): N_opt = G·(C/6)^a, D_opt = G⁻¹·(C/6)^b,
 *   G = (αA / βB)^(1/(α+β)), a = β/(α+β), b = α/(α+β); at the optimum αA·N^−α = βB·D^−β,
 *   so L* = E + (1 + α/β)·A·N_opt^−α.
 *   Kaplan form: L^(1/α_D) = k·N^−p + (6 D_c / C)·N with p = α_N/α_D, k = N_c^p, minimised at
 *   N_opt = (p·k·C / (6 D_c))^(1/(1+p)), so N_opt ∝ C^(α_D/(α_N+α_D)) ≈ C^0.56. (Kaplan's
 *   headline N ∝ C^0.73 comes from early-stopped training curves, not from this L(N, D).)
 * - `computeForLoss(law, L)`: the least compute whose compute-optimal model reaches L (closed
 *   forms obtained by inverting the above).
 * - `marginalLossPerDoubling(law, {fromFlops, doublings})`: the loss gained by each doubling of
 *   compute along the compute-optimal frontier — the diminishing-returns series.
 * - `wrongSizePenalty(law, {params, targetLoss})`: a model of fixed size N needs
 *   D = (B / (L − E − A·N^−α))^(1/β) tokens to reach L (Kaplan form: D = D_c / (L^(1/α_D) − (N_c/N)^p));
 *   its compute 6ND versus the compute-optimal compute for L is the penalty.
 */
import { InputError, requireNumber } from '../errors.js';
import { tokensForTrainingFlopsUnchecked, trainingFlops } from '../estimate/flops.js';
import { requireWholeNumber } from '../wholeNumber.js';
import { requireFiniteResult } from './validateOutput.js';
import { FLOPS_PER_PF_DAY, type ChinchillaLaw, type KaplanLaw, type Law } from './types.js';
import { validateLaw } from './validate.js';

export interface OptimalAllocation {
  flops: number;
  params: number;
  tokens: number;
  /** Loss (nats/token) of the compute-optimal model. */
  loss: number;
  tokensPerParam: number;
}

/**
 * The loss a two-variable law predicts for N parameters trained on D tokens:
 * L = E + A/N^α + B/D^β (Chinchilla form, Hoffmann et al. 2022, eq. 2) or Kaplan et al.
 * 2020's L(N, D), eq. 1.5. The law and the inputs are validated.
 *
 * @param law - a Chinchilla- or Kaplan-form law
 * @param params - N, parameters
 * @param tokens - D, training tokens
 * @returns loss in nats per token
 * @throws InputError when the law or a count is not valid
 * @example
 * ```ts
 * import { getPublishedLaw, lossAt } from '@scaling-lab/core';
 * lossAt(getPublishedLaw('hoffmann2022').law, 70e9, 1.4e12); // → 1.937
 * ```
 */
export function lossAt(law: Law, params: number, tokens: number): number {
  validateLaw(law);
  requireNumber('params', params, { exclusiveMin: 0 });
  requireNumber('tokens', tokens, { exclusiveMin: 0 });
  const loss = lossAtUnchecked(law, params, tokens);
  requireFiniteResult('params', params, { loss }, { fix: 'give params and tokens within the range of real models (about 1e3 to 1e15)' });
  return loss;
}

/** lossAt without validation, for hot loops over already-validated inputs. */
export function lossAtUnchecked(law: Law, params: number, tokens: number): number {
  if (law.form === 'chinchilla') return law.E + law.A / params ** law.alpha + law.B / tokens ** law.beta;
  const p = law.alphaN / law.alphaD;
  return ((law.paramsC / params) ** p + law.tokensC / tokens) ** law.alphaD;
}

/**
 * Exponents of the compute-optimal frontier N_opt ∝ C^a, D_opt ∝ C^b
 * (Chinchilla: a = β/(α+β), b = α/(α+β), Hoffmann et al. 2022 eq. 4; Kaplan form:
 * a = α_D/(α_N+α_D), Kaplan et al. 2020 §6.1).
 *
 * @param law - a fitted or published law
 * @returns the exponents a (parameters) and b (tokens); a + b = 1 under C = 6ND
 * @example
 * ```ts
 * import { frontierExponents, getPublishedLaw } from '@scaling-lab/core';
 * frontierExponents(getPublishedLaw('hoffmann2022').law).a; // → 0.4516
 * ```
 */
export function frontierExponents(law: Law): { a: number; b: number } {
  validateLaw(law);
  const a = law.form === 'chinchilla' ? law.beta / (law.alpha + law.beta) : law.alphaD / (law.alphaN + law.alphaD);
  return { a, b: 1 - a };
}

/**
 * The compute-optimal model for a budget: minimises L(N, D) subject to C = 6ND.
 * For the Chinchilla form the optimum is closed-form, N_opt = G·(C/6)^(β/(α+β)) with
 * G = (αA/(βB))^(1/(α+β)) (Hoffmann et al. 2022, eq. 4); D_opt = C/(6·N_opt).
 *
 * @param law - a Chinchilla- or Kaplan-form law
 * @param flops - the training budget C, FLOPs
 * @returns params, tokens, loss and tokens per parameter at the optimum
 * @throws InputError when the law or the budget is not valid
 * @example
 * ```ts
 * import { computeOptimal, getPublishedLaw } from '@scaling-lab/core';
 * // Gopher's budget, 5.76e23 FLOPs (Hoffmann et al. 2022, §3)
 * const o = computeOptimal(getPublishedLaw('hoffmann2022').law, 5.76e23);
 * o.params; // → 3.22e10
 * o.tokens; // → 2.98e12
 * o.loss; // → 1.931
 * ```
 */
export function computeOptimal(law: Law, flops: number): OptimalAllocation {
  validateLaw(law);
  requireNumber('flops', flops, { exclusiveMin: 0, unit: 'FLOP' });
  const params = law.form === 'chinchilla' ? chinchillaOptimalParams(law, flops) : kaplanOptimalParams(law, flops);
  const tokens = tokensForTrainingFlopsUnchecked(flops, params);
  const out = { flops, params, tokens, loss: lossAtUnchecked(law, params, tokens), tokensPerParam: tokens / params };
  requireFiniteResult('flops', flops, { params, tokens, loss: out.loss, tokensPerParam: out.tokensPerParam }, { positive: ['params', 'tokens', 'tokensPerParam'], fix: 'give a compute budget between about 1e6 and 1e40 FLOPs' });
  return out;
}

function chinchillaOptimalParams(law: ChinchillaLaw, flops: number): number {
  const { A, B, alpha, beta } = law;
  const G = ((alpha * A) / (beta * B)) ** (1 / (alpha + beta));
  return G * (flops / 6) ** (beta / (alpha + beta));
}

function kaplanOptimalParams(law: KaplanLaw, flops: number): number {
  const p = law.alphaN / law.alphaD;
  const k = law.paramsC ** p;
  return ((p * k * flops) / (6 * law.tokensC)) ** (1 / (1 + p));
}

/**
 * The lowest loss any model can reach under a law: the irreducible loss E of the
 * Chinchilla form (Hoffmann et al. 2022, eq. 2), 0 for Kaplan's form.
 *
 * @param law - a Chinchilla- or Kaplan-form law
 * @returns nats per token
 * @example
 * ```ts
 * import { getPublishedLaw, lossFloor } from '@scaling-lab/core';
 * lossFloor(getPublishedLaw('hoffmann2022').law); // → 1.69
 * ```
 */
export function lossFloor(law: Law): number {
  validateLaw(law);
  return law.form === 'chinchilla' ? law.E : 0;
}

/**
 * The least training compute (and the compute-optimal model) that reaches `targetLoss`:
 * inverts the compute-optimal frontier L(C) of the law (closed form for the Chinchilla form,
 * Hoffmann et al. 2022 eq. 4; Kaplan et al. 2020 eq. 1.3 for the Kaplan form).
 *
 * @param law - a fitted or published law (Chinchilla or Kaplan form)
 * @param targetLoss - the loss to reach, in nats per token
 * @returns flops, params, tokens, loss and tokensPerParam of the compute-optimal run
 * @throws InputError when the target is at or below the law's floor (unreachable)
 * @example
 * ```ts
 * import { computeForLoss, getPublishedLaw } from '@scaling-lab/core';
 * const law = getPublishedLaw('hoffmann2022').law;
 * computeForLoss(law, 2.0).flops; // → 1.11e23
 * computeForLoss(law, 1.5); // → throws InputError
 * ```
 */
export function computeForLoss(law: Law, targetLoss: number): OptimalAllocation {
  validateLaw(law);
  requireNumber('targetLoss', targetLoss, { exclusiveMin: 0, unit: 'nats/token' });
  const floor = lossFloor(law);
  if (!(targetLoss > floor)) {
    throw new InputError('targetLoss', `${targetLoss} is not above this law's irreducible loss ${floor}, so no compute reaches it`, `give a loss above ${floor}`);
  }
  let params: number;
  let flops: number;
  if (law.form === 'chinchilla') {
    const { E, A, B, alpha, beta } = law;
    // L − E = (1 + α/β)·A·N^−α  →  N; then C = 6·N·D with αA·N^−α = βB·D^−β.
    params = (((1 + alpha / beta) * A) / (targetLoss - E)) ** (1 / alpha);
    const tokens = ((beta * B) / (alpha * A * params ** -alpha)) ** (1 / beta);
    flops = trainingFlops(params, tokens);
  } else {
    const p = law.alphaN / law.alphaD;
    const k = law.paramsC ** p;
    const inner = targetLoss ** (1 / law.alphaD); // = (1+p)·k·N^−p at the optimum
    params = (((1 + p) * k) / inner) ** (1 / p);
    flops = (6 * law.tokensC * params ** (1 + p)) / (p * k);
  }
  const tokens = tokensForTrainingFlopsUnchecked(flops, params);
  const out = { flops, params, tokens, loss: lossAtUnchecked(law, params, tokens), tokensPerParam: tokens / params };
  requireFiniteResult('targetLoss', targetLoss, { flops, params, tokens, loss: out.loss, tokensPerParam: out.tokensPerParam }, { positive: ['flops', 'params', 'tokens', 'tokensPerParam'], fix: `give a loss a little above the law's floor ${floor}, within a few nats of it` });
  return out;
}

export interface DoublingStep {
  fromFlops: number;
  toFlops: number;
  lossBefore: number;
  lossAfter: number;
  /** lossBefore − lossAfter (nats/token): what this doubling buys. */
  lossGained: number;
}

/**
 * Diminishing returns: the loss each of `doublings` successive doublings of compute gains
 * from `fromFlops`, always at the compute-optimal allocation ({@link computeOptimal}).
 *
 * @param law - a Chinchilla- or Kaplan-form law
 * @param opts - `fromFlops`, the starting budget, and `doublings`, how many
 * @returns one step per doubling: budgets, loss before and after, and the loss gained
 * @throws InputError when the budget or the count is not valid
 * @example
 * ```ts
 * import { getPublishedLaw, marginalLossPerDoubling } from '@scaling-lab/core';
 * const steps = marginalLossPerDoubling(getPublishedLaw('hoffmann2022').law, { fromFlops: 1e21, doublings: 2 });
 * steps[0].lossGained; // → 0.0645
 * steps[1].lossGained; // → 0.0580
 * ```
 */
export function marginalLossPerDoubling(law: Law, opts: { fromFlops: number; doublings: number }): DoublingStep[] {
  validateLaw(law);
  requireNumber('fromFlops', opts.fromFlops, { exclusiveMin: 0, unit: 'FLOP' });
  requireWholeNumber('doublings', opts.doublings, { min: 1, max: 1000 });
  const steps: DoublingStep[] = [];
  let c = opts.fromFlops;
  let before = computeOptimal(law, c).loss;
  for (let i = 0; i < opts.doublings; i++) {
    const after = computeOptimal(law, 2 * c).loss;
    steps.push({ fromFlops: c, toFlops: 2 * c, lossBefore: before, lossAfter: after, lossGained: before - after });
    c *= 2;
    before = after;
  }
  return steps;
}

export interface WrongSizePenalty {
  params: number;
  /** Tokens this model needs to reach the target loss. */
  tokens: number;
  flops: number;
  targetLoss: number;
  optimal: OptimalAllocation;
  /** flops − optimal.flops. */
  extraFlops: number;
  /** flops / optimal.flops − 1 (0.25 = 25% more compute). */
  extraFraction: number;
  /** params / optimal.params. */
  sizeRatio: number;
}

/**
 * The price of the wrong model size: the compute a model of `params` parameters needs to
 * reach `targetLoss` (D from the iso-loss curve), against the compute-optimal model for
 * that loss.
 *
 * @param law - a Chinchilla- or Kaplan-form law
 * @param opts - `params`, the model's size, and `targetLoss`
 * @returns tokens and FLOPs for that model, the optimal plan, and the extra compute (absolute and as a fraction)
 * @throws InputError when the model is too small to reach the target with any amount of data
 * @example
 * ```ts
 * import { getPublishedLaw, wrongSizePenalty } from '@scaling-lab/core';
 * // a 7B model trained to loss 2.0 spends 28 % more compute than the optimal 15B one
 * wrongSizePenalty(getPublishedLaw('hoffmann2022').law, { params: 7e9, targetLoss: 2.0 }).extraFraction; // → 0.283
 * ```
 */
export function wrongSizePenalty(law: Law, opts: { params: number; targetLoss: number }): WrongSizePenalty {
  const optimal = computeForLoss(law, opts.targetLoss);
  const params = requireNumber('params', opts.params, { exclusiveMin: 0 });
  const L = opts.targetLoss;
  let gap: number; // what the data term must contribute
  let tokens: number;
  if (law.form === 'chinchilla') {
    gap = L - law.E - law.A / params ** law.alpha;
    tokens = (law.B / gap) ** (1 / law.beta);
  } else {
    const p = law.alphaN / law.alphaD;
    gap = L ** (1 / law.alphaD) - (law.paramsC / params) ** p;
    tokens = law.tokensC / gap;
  }
  if (!(gap > 0)) {
    const floor = law.form === 'chinchilla' ? law.E + law.A / params ** law.alpha : (law.paramsC / params) ** law.alphaN;
    throw new InputError(
      'params',
      `a ${params.toExponential(3)}-parameter model cannot reach loss ${L}: with unlimited data it stops at ${floor.toFixed(4)}`,
      `give more parameters (the compute-optimal size is ${optimal.params.toExponential(3)}) or a higher target loss`,
    );
  }
  const flops = trainingFlops(params, tokens);
  requireFiniteResult('params', params, { tokens, flops }, { positive: ['tokens', 'flops'], fix: 'give a model size between about 1e3 and 1e15 parameters' });
  return {
    params,
    tokens,
    flops,
    targetLoss: L,
    optimal,
    extraFlops: flops - optimal.flops,
    extraFraction: flops / optimal.flops - 1,
    sizeRatio: params / optimal.params,
  };
}

/**
 * Kaplan et al. 2020 eq. 1.3: loss along their compute-efficient frontier,
 * L(C_min) = (C_c / C_min)^α_C with C in PF-days (1 PF-day = 8.64e19 FLOP).
 *
 * @param law - a Kaplan-form law (with C_c and α_C)
 * @param flops - the training compute, in FLOP
 * @returns the loss on Kaplan's frontier, in nats per token
 * @example
 * ```ts
 * import { getPublishedLaw, kaplanLossAtCompute } from '@scaling-lab/core';
 * const kaplan = getPublishedLaw('kaplan2020').law;
 * kaplanLossAtCompute(kaplan, 1e21); // → 2.352
 * ```
 */
export function kaplanLossAtCompute(law: KaplanLaw, flops: number): number {
  requireNumber('flops', flops, { exclusiveMin: 0, unit: 'FLOP' });
  if (law.alphaC === undefined || law.computeCPfDays === undefined) {
    throw new InputError('law', 'has no compute law (alphaC, computeCPfDays)', 'use the kaplan2020 law or give both constants');
  }
  requireNumber('law.alphaC', law.alphaC, { exclusiveMin: 0 });
  requireNumber('law.computeCPfDays', law.computeCPfDays, { exclusiveMin: 0 });
  return (law.computeCPfDays / (flops / FLOPS_PER_PF_DAY)) ** law.alphaC;
}
