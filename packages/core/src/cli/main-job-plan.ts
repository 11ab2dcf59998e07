/**
 * The main job's two-phase plan for predict-then-verify: train every isoFLOP
 * budget but the largest, predict the largest budget's compute-optimal size from
 * those runs alone, then train the largest budget with a model of the predicted
 * size added (unless the spec already has one within 10 %).
 *
 * The added model keeps the depth and head count of the spec model nearest in
 * size (log distance) and takes the width that gives N = 12·L·d² closest to the
 * prediction (a multiple of the head count), so its run is an ordinary sweep run
 * with a stable runKey: a rerun resumes it, and `--no-train` finds it again.
 */
import { computeOptimal } from '../laws/decisions.js';
import { fitChinchilla } from '../fit/fitChinchilla.js';
import { fitIsoflop } from '../fit/isoflop.js';
import { InputError } from '../errors.js';
import { nominalNonEmbeddingParams } from '../node/sweep/expand.js';
import type { SweepSpec } from '../sweep/spec.js';
import type { SweepRecord } from '../sweep/types.js';

/** The held-out (largest) budget of an isoFLOP spec with 3 or more budgets, else undefined. */
export function heldOutBudget(spec: SweepSpec): number | undefined {
  if (spec.design !== 'isoflop' || spec.budgets.length < 3) return undefined;
  return Math.max(...spec.budgets.map((b) => b.flops));
}

export interface OptimumGuess {
  params: number;
  source: 'approach2' | 'approach3';
  /** Approach 3's L_opt at the budget, when its fit is available. */
  loss?: number;
}

/** N_opt at `flops` from the smaller budgets' runs: Approach 2 when it fits, else Approach 3. */
export function guessOptimum(records: readonly SweepRecord[], flops: number, paramsKind: 'nonEmbedding' | 'total'): OptimumGuess | undefined {
  const pts = records
    .filter((r) => !r.diverged && r.finalValLoss !== null && Number.isFinite(r.finalValLoss) && r.sweep.flopsBudget !== undefined)
    .map((r) => ({ params: paramsKind === 'total' ? r.paramsTotal : r.paramsNonEmbedding, tokens: r.tokens, loss: r.finalValLoss!, flops: r.sweep.flopsBudget! }));
  let loss: number | undefined;
  try {
    loss = computeOptimal(fitChinchilla(pts).law, flops).loss;
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
  }
  try {
    const iso = fitIsoflop(pts);
    return { params: iso.params.coefficient * flops ** iso.a, source: 'approach2', loss };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
  }
  try {
    return { params: computeOptimal(fitChinchilla(pts).law, flops).params, source: 'approach3', loss };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return undefined;
  }
}

/**
 * The spec with a model of about `params` non-embedding parameters added to the
 * budget `flops` (see the module comment); `added` is undefined when the budget
 * already has a model within 10 % of it.
 */
export function withPredictedModel(spec: SweepSpec, flops: number, params: number): { spec: SweepSpec; added?: { name: string; params: number } } {
  if (spec.design !== 'isoflop') return { spec };
  const budget = spec.budgets.find((b) => b.flops === flops);
  if (!budget) return { spec };
  const sizeOf = (name: string) => nominalNonEmbeddingParams(spec.models[name]);
  if (budget.models.some((m) => Math.abs(sizeOf(m) / params - 1) <= 0.1)) return { spec };
  const nearest = Object.keys(spec.models).reduce((x, y) => (Math.abs(Math.log(sizeOf(y) / params)) < Math.abs(Math.log(sizeOf(x) / params)) ? y : x));
  const { layers, heads } = spec.models[nearest];
  const dModel = Math.max(heads, Math.round(Math.sqrt(params / (12 * layers)) / heads) * heads);
  const shape = { layers, dModel, heads };
  const existing = Object.entries(spec.models).find(([, m]) => m.layers === layers && m.dModel === dModel && m.heads === heads)?.[0];
  const name = existing ?? `L${layers}-d${dModel}`;
  if (budget.models.includes(name)) return { spec };
  const models = existing ? spec.models : { ...spec.models, [name]: shape };
  const budgets = spec.budgets.map((b) => (b === budget ? { ...b, models: [...b.models, name] } : b));
  return { spec: { ...spec, models, budgets }, added: { name, params: nominalNonEmbeddingParams(shape) } };
}
