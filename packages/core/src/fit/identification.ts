/**
 * Is a fitted scaling law identified by its data? An optimiser that "converged" only says it stopped at
 * a stationary point; these checks say whether that point means anything, in the terms a statistician
 * would use, so the library result, the CLI, the report and the site can say "this fit is not
 * identified: …" and projections from it can be refused or marked.
 *
 * Approach 3 (L = E + A/N^α + B/D^β, Hoffmann et al. 2022 §3.3):
 * - exponents that are not positive (loss not falling with N or D) or implausible (> 2, the edge of the
 *   Hoffmann start grid; published fits lie in 0.07–0.7: Kaplan et al. 2020, Hoffmann et al. 2022,
 *   Besiroglu et al. 2024);
 * - E at its bound: below 1 % of the lowest observed loss (the irreducible term collapsed to 0) or at
 *   or above it (then A/N^α + B/D^β would have to be negative somewhere);
 * - too few model sizes or dataset sizes (fewer than 3 distinct: a power law and its constant from two
 *   points has no residual), or no more runs than parameters;
 * - a flat objective: starts that end within 0.1 % of the best objective disagree on α or β by more
 *   than 0.05 (absolute) and 20 % (relative), or on E by more than a factor 2 — other laws fit as well;
 * - an implausible compute-optimal ratio at the data's largest budget (outside 0.1–10⁵ tokens per
 *   parameter; Chinchilla gives 20, heavily over-trained models ~2,000);
 * - with a bootstrap: intervals of α or β spanning more than a factor 10, or of N_opt spanning more than
 *   a factor 100 (two orders of magnitude).
 * Approach 2 (isoFLOP profiles): fewer than 3 budgets (R² from two points is not evidence), profiles of
 * exactly 3 runs (a parabola through 3 points has no residual), or frontier exponents outside (0, 1).
 */
import type { ChinchillaLaw } from '../laws/types.js';
import type { ChinchillaBootstrap } from './bootstrap.js';
import type { ChinchillaFit } from './fitChinchilla.js';
import type { IsoflopFit } from './isoflop.js';
import { distinctCount, flopsOf, type ScalingPoint } from './points.js';

export interface IdentificationIssue {
  /** Stable code for programs: 'exponent', 'irreducible', 'design', 'flat-objective', 'ratio', 'interval', 'budgets', 'profile'. */
  code: string;
  /** One sentence in words. */
  message: string;
}

export interface Identification {
  identified: boolean;
  issues: IdentificationIssue[];
  /** "this fit is not identified: …" (null when identified). */
  summary: string | null;
}

const fmt = (x: number) => (Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(2) : String(Number(x.toPrecision(3))));

function result(issues: IdentificationIssue[]): Identification {
  return { identified: issues.length === 0, issues, summary: issues.length ? `this fit is not identified: ${issues.map((i) => i.message).join('; ')}` : null };
}

/** Checks on a law and its data alone (shared by the fit and its bootstrap). */
function lawIssues(law: ChinchillaLaw, points: readonly ScalingPoint[]): IdentificationIssue[] {
  const issues: IdentificationIssue[] = [];
  for (const [name, v, what] of [['α', law.alpha, 'model size'], ['β', law.beta, 'training tokens']] as const) {
    if (!(v > 0)) issues.push({ code: 'exponent', message: `${name} = ${fmt(v)} is not positive, so loss does not fall with ${what} in these runs` });
    else if (v > 2) issues.push({ code: 'exponent', message: `${name} = ${fmt(v)} is implausibly large (published fits lie between 0.07 and 0.7)` });
  }
  const minLoss = Math.min(...points.map((p) => p.loss));
  if (!(law.E > 0.01 * minLoss)) issues.push({ code: 'irreducible', message: `E = ${fmt(law.E)} sits at its lower bound (under 1 % of the lowest loss ${fmt(minLoss)}): the irreducible loss is not determined` });
  else if (law.E >= minLoss) issues.push({ code: 'irreducible', message: `E = ${fmt(law.E)} is not below the lowest observed loss ${fmt(minLoss)}` });
  const sizes = distinctCount(points.map((p) => p.params));
  const tokens = distinctCount(points.map((p) => p.tokens));
  if (sizes < 3) issues.push({ code: 'design', message: `only ${sizes} distinct model sizes: A and α come from ${sizes} points with no residual` });
  if (tokens < 3) issues.push({ code: 'design', message: `only ${tokens} distinct token counts: B and β come from ${tokens} points with no residual` });
  if (points.length <= 5) issues.push({ code: 'design', message: `${points.length} runs for 5 parameters leave no residual degrees of freedom` });
  if (law.alpha > 0 && law.beta > 0 && Number.isFinite(law.A) && Number.isFinite(law.B)) {
    const cMax = Math.max(...points.map(flopsOf));
    const G = ((law.alpha * law.A) / (law.beta * law.B)) ** (1 / (law.alpha + law.beta));
    const n = G * (cMax / 6) ** (law.beta / (law.alpha + law.beta));
    const ratio = cMax / (6 * n * n);
    if (!(ratio >= 0.1 && ratio <= 1e5)) issues.push({ code: 'ratio', message: `the compute-optimal ratio at the largest budget is ${fmt(ratio)} tokens per parameter, outside any plausible range (0.1 to 10⁵; Chinchilla: 20)` });
  }
  return issues;
}

/**
 * Whether an Approach-3 (Chinchilla form) fit is identified by its data: checks the runs'
 * design (sizes, token counts, compute range), parameters at the search bounds and, given its
 * bootstrap, intervals too wide to use; each problem comes with a message saying what to add.
 *
 * @param fit - the result of fitChinchilla on `points`
 * @param points - the runs it was fitted on
 * @param bootstrap - optional bootstrapChinchilla result, to check the intervals too
 * @returns identified, the issues found (code and message) and a one-line summary (null when identified)
 * @example
 * ```ts
 * import { computeOptimal, fitChinchilla, getPublishedLaw, identifyChinchillaFit, lossAt } from '@scaling-lab/core';
 * const law = getPublishedLaw('hoffmann2022').law;
 * const points = [1e18, 1e19, 1e20].flatMap((C) => [0.25, 0.5, 1, 2, 4].map((k, i) => {
 *   const params = k * computeOptimal(law, C).params, tokens = C / (6 * params);
 *   return { params, tokens, loss: lossAt(law, params, tokens) * (1 + 0.01 * ((i % 3) - 1)) };
 * }));
 * identifyChinchillaFit(fitChinchilla(points), points).identified; // → true
 * ```
 */
export function identifyChinchillaFit(fit: ChinchillaFit, points: readonly ScalingPoint[], bootstrap?: ChinchillaBootstrap): Identification {
  const issues = lawIssues(fit.law, points);
  const nb = fit.nearBest;
  const wide = (r: [number, number]) => r[1] - r[0] > 0.05 && r[1] - r[0] > 0.2 * Math.abs(r[1]);
  if (nb && nb.starts > 1 && (wide(nb.alpha) || wide(nb.beta) || nb.E[1] > 2 * nb.E[0])) {
    issues.push({ code: 'flat-objective', message: `${nb.starts} starts fit within 0.1 % of the best objective but disagree (α ${fmt(nb.alpha[0])} to ${fmt(nb.alpha[1])}, β ${fmt(nb.beta[0])} to ${fmt(nb.beta[1])}, E ${fmt(nb.E[0])} to ${fmt(nb.E[1])}): the objective is flat` });
  }
  if (bootstrap) issues.push(...intervalIssues(bootstrap));
  return result(issues);
}

function intervalIssues(b: ChinchillaBootstrap): IdentificationIssue[] {
  const issues: IdentificationIssue[] = [];
  const pct = Math.round(b.level * 100);
  for (const [name, iv, factor] of [['α', b.intervals.alpha, 10], ['β', b.intervals.beta, 10], ['N_opt', b.intervals.paramsOpt, 100]] as const) {
    const span = iv.upper / iv.lower;
    if (!(iv.lower > 0) || !(span <= factor)) {
      issues.push({ code: 'interval', message: `the ${pct} % bootstrap interval of ${name} [${fmt(iv.lower)}, ${fmt(iv.upper)}] spans ${iv.lower > 0 ? `a factor ${fmt(span)}` : 'zero'}` });
    }
  }
  return issues;
}

/**
 * Whether an Approach-2 (isoFLOP, Hoffmann et al. 2022 §3.2) fit is identified: enough compute
 * budgets behind N_opt ∝ C^a, and vertices inside the sampled sizes; each problem comes with a
 * message saying what to add.
 *
 * @param fit - the result of fitIsoflop
 * @returns identified, the issues found (code and message) and a one-line summary (null when identified)
 * @example
 * ```ts
 * import { computeOptimal, fitIsoflop, getPublishedLaw, identifyIsoflopFit, lossAt } from '@scaling-lab/core';
 * const law = getPublishedLaw('hoffmann2022').law;
 * const points = [1e18, 1e19, 1e20].flatMap((C) => [0.25, 0.5, 1, 2, 4].map((k, i) => {
 *   const params = k * computeOptimal(law, C).params, tokens = C / (6 * params);
 *   return { params, tokens, loss: lossAt(law, params, tokens) * (1 + 0.01 * ((i % 3) - 1)) };
 * }));
 * identifyIsoflopFit(fitIsoflop(points)).identified; // → true
 * ```
 */
export function identifyIsoflopFit(fit: IsoflopFit): Identification {
  const issues: IdentificationIssue[] = [];
  const k = fit.profiles.length;
  if (k < 3) issues.push({ code: 'budgets', message: `N_opt ∝ C^a is fitted through ${k} compute budgets, so its R² of ${fmt(fit.params.rSquared)} is not evidence (give 3 or more budgets)` });
  const thin = fit.profiles.filter((p) => p.runs <= 3);
  if (thin.length) issues.push({ code: 'profile', message: `${thin.length} of ${k} isoFLOP parabolas pass through only 3 runs, with no residual to test their minimum` });
  if (!(fit.a > 0 && fit.a < 1)) issues.push({ code: 'exponent', message: `the N_opt exponent a = ${fmt(fit.a)} (and D_opt exponent b = ${fmt(fit.b)}) lies outside (0, 1): one of model size or data shrinks as compute grows` });
  return result(issues);
}
