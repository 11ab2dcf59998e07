/**
 * Warnings that keep a projection honest, in words a newcomer can act on:
 * - extrapolation distance: how many decades of compute lie between the largest
 *   budget trained and the target, and how much wider N_opt's interval grows there;
 * - Approaches 2 and 3 disagreeing on N_opt by more than their intervals allow
 *   (disjoint intervals), or by more than ×10 with intervals so wide they overlap; and which to trust and why (the one that predicted the
 *   held-out budget's best size better; else Approach 2, which reads optima off
 *   measured isoFLOP minima instead of off fitted exponents);
 * - saturation: the predicted loss at the target is within 1 % of the fitted
 *   irreducible loss E, so the law only says "the floor" and nothing about scale;
 * - a recommendation outside sane bounds: fewer than 1 or more than 10,000 tokens
 *   per parameter (published compute-optimal ratios are ~20, Hoffmann et al. 2022;
 *   heavily over-trained models reach ~2,000, e.g. Llama 3 8B on 15T tokens, Meta 2024);
 * - an exponent that is not identified: outside [0.05, 2] (the judgement analyse.ts
 *   uses), or with a bootstrap interval wider than ×10.
 * Pure: takes numbers, returns sentences.
 */
import type { Interval } from './heldOut.js';

export type WarningKind = 'extrapolation' | 'disagreement' | 'saturated' | 'tokens-per-param' | 'not-identified';

export interface ProjectionWarning {
  kind: WarningKind;
  message: string;
}

export interface ApproachAtTarget {
  params: number;
  paramsInterval: Interval;
  tokens: number;
  /** N_opt interval at the largest budget trained, to show how the interval grows. */
  paramsIntervalAtSweep?: Interval;
}

export interface HonestProjectionInput {
  targetFlops: number;
  /** Largest compute budget the sweep trained. */
  sweepMaxFlops: number;
  level: number;
  approach2?: ApproachAtTarget;
  approach3?: ApproachAtTarget & { loss: number; E: number; alpha: number; beta: number; alphaInterval?: Interval; betaInterval?: Interval };
  /** measured/predicted N at the held-out budget, per approach (from predictThenVerify). */
  heldOutParamsRatio?: { approach2?: number; approach3?: number };
}

/** Tokens per parameter outside [1, 10 000] is flagged (see the module comment). */
export const SANE_TOKENS_PER_PARAM: Interval = [1, 1e4];
/** Point estimates of N_opt more than this factor apart count as a disagreement even when wide intervals overlap. */
export const DISAGREEMENT_RATIO = 10;
/** A bootstrap interval on α or β wider than this factor (high/low) means the exponent is not identified. */
export const UNIDENTIFIED_WIDTH = 10;
/** Predicted loss within this fraction above E counts as saturated. */
export const SATURATION_FRACTION = 0.01;

const fmt = (x: number) => (x >= 1e4 || x < 0.01 ? x.toExponential(2).replace('e+', 'e') : x.toPrecision(3));
const width = (iv: Interval) => iv[1] / iv[0];
const overlap = (a: Interval, b: Interval) => a[0] <= b[1] && b[0] <= a[1];
const pct = (level: number) => `${Math.round(level * 100)} %`;

/**
 * The warnings an honest projection carries: how many decades of compute it extrapolates beyond
 * the sweep, intervals that widen or disagree between approaches, implausible tokens per parameter,
 * a target near the irreducible loss, and a failed held-out check.
 *
 * @param input - the target and largest trained FLOPs, the level, and each approach's N_opt at the target with its interval
 * @returns the warnings (kind and message), empty when none applies
 * @example
 * ```ts
 * import { projectionWarnings } from '@scaling-lab/core';
 * const w = projectionWarnings({ targetFlops: 1e25, sweepMaxFlops: 1e21, level: 0.9,
 *   approach2: { params: 2e10, paramsInterval: [5e9, 9e10], tokens: 8e10 } });
 * w[0].kind; // → 'extrapolation'
 * ```
 */
export function projectionWarnings(input: HonestProjectionInput): ProjectionWarning[] {
  const w: ProjectionWarning[] = [];
  const { targetFlops: C, sweepMaxFlops: Cmax, level } = input;
  const decades = Math.log10(C / Cmax);
  if (decades > 1) {
    const grow = (name: string, a?: ApproachAtTarget) =>
      a?.paramsIntervalAtSweep ? ` ${name}'s ${pct(level)} interval on N_opt spans ×${fmt(width(a.paramsIntervalAtSweep))} at the largest budget and ×${fmt(width(a.paramsInterval))} at the target.` : '';
    w.push({
      kind: 'extrapolation',
      message:
        `The target (${fmt(C)} FLOPs) is ${decades.toFixed(1)} decades of compute beyond the largest budget trained (${fmt(Cmax)} FLOPs): ` +
        `every number below assumes the fitted power laws hold over that whole range, which nothing here has tested.${grow('Approach 2', input.approach2)}${grow('Approach 3', input.approach3)}`,
    });
  }
  const a2 = input.approach2;
  const a3 = input.approach3;
  const ratio = a2 && a3 ? Math.max(a2.params / a3.params, a3.params / a2.params) : 1;
  if (a2 && a3 && (!overlap(a2.paramsInterval, a3.paramsInterval) || ratio > DISAGREEMENT_RATIO)) {
    const r = input.heldOutParamsRatio;
    let trust: string;
    if (r?.approach2 !== undefined && r.approach3 !== undefined) {
      const e2 = Math.abs(Math.log(r.approach2));
      const e3 = Math.abs(Math.log(r.approach3));
      const better = e2 <= e3 ? 2 : 3;
      const off = (x: number) => `×${fmt(Math.max(x, 1 / x))}`;
      trust = `Trust Approach ${better}: predicting the held-out largest budget, it missed the best model size by ${off(better === 2 ? r.approach2 : r.approach3)}, Approach ${5 - better} by ${off(better === 2 ? r.approach3 : r.approach2)}.`;
    } else {
      trust = 'Trust Approach 2 for N and D: it reads each budget\'s optimum off measured isoFLOP minima, while Approach 3 infers it from the ratio of two fitted exponents, which a small sweep pins down poorly.';
    }
    const ivs = `${pct(level)} intervals [${fmt(a2.paramsInterval[0])}, ${fmt(a2.paramsInterval[1])}] and [${fmt(a3.paramsInterval[0])}, ${fmt(a3.paramsInterval[1])}]`;
    const why = overlap(a2.paramsInterval, a3.paramsInterval)
      ? `their ${ivs} overlap only because they are so wide (×${fmt(width(a2.paramsInterval))} and ×${fmt(width(a3.paramsInterval))}) that they rule almost nothing out`
      : `their ${ivs} do not overlap`;
    w.push({
      kind: 'disagreement',
      message: `Approaches 2 and 3 disagree on the model size: ${fmt(a2.params)} vs ${fmt(a3.params)} parameters (×${fmt(ratio)} apart), and ${why}. ${trust}`,
    });
  }
  if (a3 && a3.loss - a3.E <= SATURATION_FRACTION * a3.E) {
    w.push({
      kind: 'saturated',
      message: `The Approach 3 law has saturated at the target: its predicted loss ${a3.loss.toFixed(3)} is within ${SATURATION_FRACTION * 100} % of its irreducible loss E = ${a3.E.toFixed(3)}. It says only that loss would reach the floor this sweep estimates; it carries no information about how good a model of that size would really be.`,
    });
  }
  for (const [name, a] of [['Approach 2', a2], ['Approach 3', a3]] as const) {
    if (!a) continue;
    const tpp = a.tokens / a.params;
    if (tpp < SANE_TOKENS_PER_PARAM[0] || tpp > SANE_TOKENS_PER_PARAM[1]) {
      w.push({
        kind: 'tokens-per-param',
        message: `${name} recommends ${fmt(tpp)} tokens per parameter, outside the sane range [${SANE_TOKENS_PER_PARAM[0]}, ${SANE_TOKENS_PER_PARAM[1].toLocaleString('en-US')}] (Chinchilla trained on ~20): ${tpp < 1 ? 'a model that never sees as many tokens as it has parameters is mostly wasted' : 'a model that small is starved of capacity'}. Do not act on it.`,
      });
    }
  }
  if (a3) {
    for (const [name, v, vi] of [['α', a3.alpha, a3.alphaInterval], ['β', a3.beta, a3.betaInterval]] as const) {
      const outside = !(v >= 0.05 && v <= 2);
      const wide = vi !== undefined && !(vi[1] / vi[0] <= UNIDENTIFIED_WIDTH);
      if (outside || wide) {
        const what = outside ? `= ${v.toPrecision(3)} is outside [0.05, 2]` : `= ${v.toPrecision(3)} has a ${pct(level)} interval [${fmt(vi![0])}, ${fmt(vi![1])}], wider than ×${UNIDENTIFIED_WIDTH}`;
        w.push({
          kind: 'not-identified',
          message:
            `Approach 3's ${name} ${what}: the sweep does not pin down how loss depends on ${name === 'α' ? 'model size' : 'data'}, so Approach 3's split of compute between N and D is not identified (its loss prediction near the sweep may still hold). ` +
            (name === 'α'
              ? 'Pinning α down takes runs whose loss is limited by model size rather than by data (small models trained on many more tokens) and less run-to-run scatter (more seeds); for the committed Moby Dick sweeps, sweeps/README.md ("Why α is not identified") shows it stays unidentified even with several times the main job\'s tokens.'
              : 'Pinning β down takes runs whose loss is limited by data rather than by model size — large models on few tokens — over a wider range of D.'),
        });
      }
    }
  }
  return w;
}
