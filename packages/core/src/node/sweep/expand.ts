/**
 * Expands a validated sweep spec into the list of runs to train.
 *
 * - grid: models × token budgets × seeds.
 * - isoFLOP: for each budget C and model, D = C / (6·N) with N = 12·L·d²
 *   (non-embedding parameters, Kaplan et al. 2020 Table 1; the same N as in
 *   C ≈ 6ND, Kaplan §2.1).
 * D is rounded to whole optimiser steps of batchSize·context tokens.
 *
 * Each run gets a stable `runKey`: a readable prefix plus a hash of the run's
 * full training spec (sorted-key JSON), so editing a setting gives new keys
 * (those runs are retrained) while an unchanged run is recognised on resume,
 * plus the trainer version (`-t<TRAINER_VERSION>`), so a newer trainer retrains it too.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../../errors.js';
import { countParams } from '../../train/params.js';
import { countedTrainingFlops } from '../../train/flops.js';
import { versionedRunKey } from '../../train/version.js';
import type { LearningRateRule, SweepModelShape, SweepSpec } from '../../sweep/spec.js';
import type { PlannedRun, RunSpec, SweepCoordinates } from '../../sweep/types.js';

/**
 * Non-embedding parameters N = 12·L·d² (Kaplan et al. 2020, Table 1), from the trainer's
 * own count (countParams): the N a sweep sizes its token budgets by (D = C / 6N) and
 * orders runs by. The number of heads does not change it.
 *
 * @param m - the model shape: `layers` L, `dModel` d, `heads`
 * @returns 12·L·d²
 * @example
 * ```ts
 * import { nominalNonEmbeddingParams } from '@scaling-lab/core/node';
 * nominalNonEmbeddingParams({ layers: 2, dModel: 64, heads: 4 }); // → 98304
 * ```
 */
export function nominalNonEmbeddingParams(m: { layers: number; dModel: number; heads: number }): number {
  return countParams({ ...m, context: 1 }, 0).nonEmbedding;
}

export function learningRateFor(rule: LearningRateRule, dModel: number): number {
  if (rule.rule === 'constant') return rule.value;
  return rule.base * (rule.baseDModel / dModel) ** rule.exponent;
}

/** JSON with object keys sorted, so equal specs hash equally whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Key of a run's training spec: `<model>-D<tokens>-s<seed>-<8 hex of sha256(spec without id)>` (the whole key before trainer versions). */
export function specKeyFor(modelName: string, spec: Omit<RunSpec, 'id'>): string {
  const hash = createHash('sha256').update(canonicalJson(spec)).digest('hex').slice(0, 8);
  const d = spec.tokens.toExponential(2).replace('+', '');
  return `${modelName}-D${d}-s${spec.seed}-${hash}`;
}

/** Stable key of a run: its spec key plus the trainer version, `<spec key>-t<TRAINER_VERSION>` (see train/version.ts). */
export function runKeyFor(modelName: string, spec: Omit<RunSpec, 'id'>): string {
  return versionedRunKey(specKeyFor(modelName, spec));
}

/** Vocabulary size for cost estimates only (character-level Moby Dick has under 100 symbols; bytes 256). */
function vocabGuess(spec: SweepSpec): number {
  const ds = spec.dataset;
  if (ds.kind === 'markov') return ds.vocab;
  return ds.tokenizer === 'byte' ? 256 : 100;
}

/**
 * Plans a sweep: one run per model × token budget (grid), per budget × model with
 * D = C / (6·N) (isoFLOP; N from {@link nominalNonEmbeddingParams}), or per model × unique-token
 * cap × epochs (epochs), and per seed. Tokens are rounded to whole optimiser steps of
 * batchSize × context tokens. Each run gets its stable run key (spec hash plus trainer
 * version), so a rerun resumes; a run listed twice is planned once.
 *
 * @param spec - a sweep spec checked by `parseSweepSpec` (from `@scaling-lab/core`) or {@link loadSweepSpec}
 * @param source - the name used in error fields (e.g. the spec's file name); default `spec`
 * @returns the planned runs, in the spec's order
 * @throws InputError when a run would get fewer than `minSteps` or more than `maxSteps` optimiser steps
 * @example
 * ```ts
 * import { parseSweepSpec } from '@scaling-lab/core';
 * import { expandSweep } from '@scaling-lab/core/node';
 * const spec = parseSweepSpec({
 *   name: 'tiny', design: 'grid', context: 8, batchSize: 4, seeds: [0], dataset: { kind: 'markov', order: 1, vocab: 8 },
 *   learningRate: { rule: 'constant', value: 0.01 }, models: { s: { layers: 1, dModel: 16, heads: 2 } }, grid: { models: ['s'], tokens: [640] },
 * });
 * const [run] = expandSweep(spec);
 * run.steps; // → 20
 * run.spec.tokens; // → 640
 * expandSweep({ ...spec, grid: { models: ['s'], tokens: [64] } }); // → throws InputError
 * ```
 */
export function expandSweep(spec: SweepSpec, source = 'spec'): PlannedRun[] {
  const tokensPerStep = spec.batchSize * spec.context;
  const runs: PlannedRun[] = [];
  const seen = new Set<string>();

  const add = (modelName: string, requestedTokens: number, field: string, coords: Omit<SweepCoordinates, 'seed'>, uniqueTokens?: number) => {
    const shape: SweepModelShape = spec.models[modelName];
    const steps = Math.round(requestedTokens / tokensPerStep);
    if (!Number.isFinite(steps) || steps > spec.maxSteps) {
      throw new InputError(
        `${source}: ${field}`,
        `model "${modelName}" would get ${Number.isFinite(steps) ? steps.toExponential(2) : steps} optimiser steps of ${tokensPerStep} tokens (${requestedTokens.toExponential(2)} tokens), above maxSteps ${spec.maxSteps}: it would not finish`,
        'lower the budget or token count (isoFLOP budgets are FLOPs: 6 × params × tokens), or raise maxSteps',
      );
    }
    if (steps < spec.minSteps) {
      throw new InputError(
        `${source}: ${field}`,
        `model "${modelName}" would get ${steps} optimiser step(s) of ${tokensPerStep} tokens (${requestedTokens.toExponential(2)} tokens), below minSteps ${spec.minSteps}`,
        'raise the budget, drop this model from it, or lower minSteps',
      );
    }
    const tokens = steps * tokensPerStep;
    const nNominal = nominalNonEmbeddingParams(shape);
    for (const seed of spec.seeds) {
      const body: Omit<RunSpec, 'id'> = {
        model: { layers: shape.layers, dModel: shape.dModel, heads: shape.heads, context: spec.context },
        tokens,
        batchSize: spec.batchSize,
        learningRate: learningRateFor(spec.learningRate, shape.dModel),
        weightDecay: spec.weightDecay,
        warmupFraction: spec.warmupFraction,
        gradClip: spec.gradClip,
        evalEvery: spec.evalEvery,
        evalBatches: spec.evalBatches,
        seed,
        dataset: uniqueTokens === undefined || spec.dataset.kind !== 'moby-dick' ? spec.dataset : { ...spec.dataset, uniqueTokens },
      };
      for (const k of Object.keys(body) as (keyof typeof body)[]) if (body[k] === undefined) delete body[k];
      const runKey = runKeyFor(modelName, body);
      if (seen.has(runKey)) continue; // the same run listed twice (e.g. two budgets rounding to the same D)
      seen.add(runKey);
      runs.push({
        runKey,
        spec: { id: runKey, ...body },
        sweep: { ...coords, seed },
        paramsNonEmbeddingNominal: nNominal,
        flopsNominal: 6 * nNominal * tokens,
        costEstimate: countedTrainingFlops(body.model, vocabGuess(spec), tokens),
        steps,
      });
    }
  };

  if (spec.design === 'grid') {
    spec.grid.models.forEach((m, i) =>
      spec.grid.tokens.forEach((d, j) =>
        add(m, d, `grid.tokens[${j}] × grid.models[${i}]`, { name: spec.name, design: 'grid', model: m, tokenBudget: d }),
      ),
    );
  } else if (spec.design === 'epochs') {
    const e = spec.epochs;
    e.models.forEach((m, i) => {
      e.caps.forEach((cap, j) =>
        cap.epochs.forEach((ep, k) =>
          add(m, cap.uniqueTokens * ep, `epochs.caps[${j}].epochs[${k}] × epochs.models[${i}]`, { name: spec.name, design: 'epochs', model: m, uniqueTokens: cap.uniqueTokens, epochs: ep }, cap.uniqueTokens),
        ),
      );
      e.unlimitedTokens.forEach((d, j) =>
        add(m, d, `epochs.unlimitedTokens[${j}] × epochs.models[${i}]`, { name: spec.name, design: 'epochs', model: m, tokenBudget: d }),
      );
    });
  } else {
    spec.budgets.forEach((b, i) =>
      b.models.forEach((m, j) => {
        const d = b.flops / (6 * nominalNonEmbeddingParams(spec.models[m]));
        add(m, d, `budgets[${i}].models[${j}]`, { name: spec.name, design: 'isoflop', model: m, flopsBudget: b.flops });
      }),
    );
  }
  return runs;
}

/**
 * The runs sorted largest first by estimated cost (counted FLOPs, `costEstimate`), ties by
 * run key, so the longest runs do not start last and leave a core idle at the end (the
 * longest-processing-time-first rule, Graham 1969). Returns a new array.
 *
 * @param runs - planned runs (expandSweep)
 * @returns a sorted copy
 * @example
 * ```ts
 * import { parseSweepSpec } from '@scaling-lab/core';
 * import { expandSweep, largestFirst } from '@scaling-lab/core/node';
 * const spec = parseSweepSpec({
 *   name: 'tiny', design: 'grid', context: 8, batchSize: 4, seeds: [0], dataset: { kind: 'markov', order: 1, vocab: 8 },
 *   learningRate: { rule: 'constant', value: 0.01 }, models: { s: { layers: 1, dModel: 16, heads: 2 } }, grid: { models: ['s'], tokens: [640, 1280] },
 * });
 * largestFirst(expandSweep(spec)).map((r) => r.spec.tokens).join(' '); // → '1280 640'
 * ```
 */
export function largestFirst(runs: readonly PlannedRun[]): PlannedRun[] {
  return [...runs].sort((a, b) => b.costEstimate - a.costEstimate || (a.runKey < b.runKey ? -1 : 1));
}
