/**
 * Checks a RunSpec and fills in its defaults. Bad input → InputError naming
 * the field (e.g. `model.heads`) and how to fix it.
 */
import { InputError, requireNumber } from '../errors.js';
import { validateDropout, validateModelShape } from './shape.js';
import type { RunSpec } from './types.js';

export interface ResolvedRunSpec extends RunSpec {
  weightDecay: number;
  warmupFraction: number;
  gradClip: number;
  evalEvery: number;
  evalBatches: number;
  dropout: number;
  /** Validation batches for the final loss. */
  finalEvalBatches: number;
  /** Optimiser steps: ceil(tokens / (batchSize · context)). */
  steps: number;
}

/** Defaults with their sources. */
export const RUN_DEFAULTS = {
  /** Brown et al. 2020 (GPT-3), App. B. */
  weightDecay: 0.1,
  /** Short warmup for short runs; our choice (GPT-3 used 375M tokens of 300B ≈ 0.1 %, too few steps here). */
  warmupFraction: 0.05,
  /** Brown et al. 2020 (GPT-3), App. B. */
  gradClip: 1.0,
  /** No dropout: every existing result was trained without it. */
  dropout: 0,
  evalBatches: 4,
  /** About ±0.005 nats standard error for per-token losses with spread ~0.6 nats. */
  finalEvalTokens: 16384,
  /** Evaluations per run when evalEvery is not given. */
  evaluations: 5,
} as const;

/**
 * Checks a RunSpec and fills in the defaults of RUN_DEFAULTS (each with its source there).
 * The derived counts: steps = ⌈tokens / (batchSize·context)⌉; evalEvery defaults to
 * max(1, round(steps / 5)) (five evaluations per run); finalEvalBatches =
 * max(evalBatches, ⌈finalEvalTokens / (batchSize·context)⌉).
 *
 * @param spec - the run: `id`, `model` shape, `tokens`, `batchSize`, `learningRate`, `seed`, `dataset` and optional overrides
 * @returns the spec with every default filled in, plus `steps` and `finalEvalBatches`
 * @throws InputError naming the first bad field (e.g. `model.heads`) and how to fix it
 * @example
 * ```ts
 * import { resolveRunSpec } from '@scaling-lab/core/train/pure';
 * const spec = { id: 'tiny', model: { layers: 1, dModel: 16, heads: 2, context: 8 }, tokens: 1000, batchSize: 4, learningRate: 1e-3, seed: 0, dataset: { kind: 'markov' as const, order: 1, vocab: 8 } };
 * const r = resolveRunSpec(spec);
 * r.steps; // → 32
 * r.evalEvery; // → 6
 * r.weightDecay; // → 0.1
 * resolveRunSpec({ ...spec, model: { ...spec.model, heads: 3 } }); // → throws InputError
 * ```
 */
export function resolveRunSpec(spec: RunSpec): ResolvedRunSpec {
  if (!spec || typeof spec !== 'object') throw new InputError('spec', 'is not an object', 'give a RunSpec');
  if (typeof spec.id !== 'string' || !spec.id) throw new InputError('id', 'is missing', 'give the run an id string');
  if (!spec.model || typeof spec.model !== 'object') throw new InputError('model', 'is missing', 'give { layers, dModel, heads, context }');
  validateModelShape(spec.model);
  requireNumber('tokens', spec.tokens, { exclusiveMin: 0, unit: 'tokens' });
  requireNumber('batchSize', spec.batchSize, { min: 1 });
  if (!Number.isInteger(spec.batchSize)) throw new InputError('batchSize', `must be an integer, got ${spec.batchSize}`, 'give a whole number');
  requireNumber('learningRate', spec.learningRate, { exclusiveMin: 0 });
  requireNumber('seed', spec.seed);
  const weightDecay = requireNumber('weightDecay', spec.weightDecay ?? RUN_DEFAULTS.weightDecay, { min: 0 });
  const warmupFraction = requireNumber('warmupFraction', spec.warmupFraction ?? RUN_DEFAULTS.warmupFraction, { min: 0, max: 1 });
  const gradClip = requireNumber('gradClip', spec.gradClip ?? RUN_DEFAULTS.gradClip, { min: 0 });
  const dropout = validateDropout(spec.dropout ?? RUN_DEFAULTS.dropout);
  const evalBatches = requireNumber('evalBatches', spec.evalBatches ?? RUN_DEFAULTS.evalBatches, { min: 1 });
  const finalEvalTokens = requireNumber('finalEvalTokens', spec.finalEvalTokens ?? RUN_DEFAULTS.finalEvalTokens, { min: 1, unit: 'tokens' });
  const finalEvalBatches = Math.max(Math.round(evalBatches), Math.ceil(finalEvalTokens / (spec.batchSize * spec.model.context)));
  const steps = Math.ceil(spec.tokens / (spec.batchSize * spec.model.context));
  const evalEvery = requireNumber('evalEvery', spec.evalEvery ?? Math.max(1, Math.round(steps / RUN_DEFAULTS.evaluations)), { min: 1 });
  const ds = spec.dataset;
  if (!ds || typeof ds !== 'object') throw new InputError('dataset', 'is missing', "give { kind: 'moby-dick', tokenizer: 'char' } or { kind: 'markov', order, vocab }");
  if (ds.kind === 'moby-dick') {
    if (ds.tokenizer !== 'char' && ds.tokenizer !== 'byte') throw new InputError('dataset.tokenizer', `unknown tokenizer ${JSON.stringify(ds.tokenizer)}`, "use 'char' or 'byte'");
    if (ds.uniqueTokens !== undefined) {
      requireNumber('dataset.uniqueTokens', ds.uniqueTokens, { min: spec.model.context + 1, unit: 'tokens' });
    }
  } else if (ds.kind === 'markov') {
    requireNumber('dataset.order', ds.order, { min: 1 });
    requireNumber('dataset.vocab', ds.vocab, { min: 2 });
  } else {
    throw new InputError('dataset.kind', `unknown dataset ${JSON.stringify((ds as { kind: unknown }).kind)}`, "use 'moby-dick' or 'markov'");
  }
  return { ...spec, weightDecay, warmupFraction, gradClip, dropout, evalEvery: Math.round(evalEvery), evalBatches: Math.round(evalBatches), finalEvalBatches, steps };
}
