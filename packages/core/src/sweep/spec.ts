/**
 * The sweep specification: a JSON file describing a set of training runs.
 *
 * Two designs:
 * - `grid`: every model in `grid.models` × every token budget D in `grid.tokens`.
 * - `isoflop`: for each compute budget C in `budgets`, each listed model is
 *   trained on D = C / (6·N) tokens (Hoffmann et al. 2022, §3.2 "Approach 2"),
 *   with N the non-embedding parameter count 12·L·d² (Kaplan et al. 2020, Table 1).
 *
 * Shared settings: seeds, batch size, context, learning-rate rule, optimiser
 * settings, dataset. Validated with zod; `parseSweepSpec` turns the first
 * problem into an `InputError` naming the field and the fix (one line).
 */
import { z } from 'zod';
import { InputError } from '../errors.js';
import { checkModelShape, type ModelShapeLimits } from '../train/shape.js';

const int = (min: number) => z.number().int().min(min);

/** The sweep's caps on a model (a typo such as 6400 layers is refused before any run); context is the sweep's own field. */
const SWEEP_MODEL_LIMITS: ModelShapeLimits = {
  layers: { min: 1, max: 64 },
  dModel: { min: 1, max: 8192 },
  heads: { min: 1, max: 256 },
};

/** A model of the sweep: three numbers, checked by the trainer's one shape check (train/shape.ts) with the sweep's caps. */
export const ModelShapeSchema = z
  .strictObject({ layers: z.number(), dModel: z.number(), heads: z.number() })
  .superRefine((m, ctx) => {
    try {
      checkModelShape(m, { field: '', limits: SWEEP_MODEL_LIMITS });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      ctx.addIssue({ code: 'custom', path: [err.field], message: err.problem, params: { fix: err.fix } });
    }
  });

/**
 * Learning-rate rules.
 * - `constant`: the same peak learning rate for every run.
 * - `width-scaled`: lr = base · (baseDModel / dModel)^exponent — Adam's hidden-layer
 *   learning rate falls as 1/width under μP (Yang et al. 2022, "Tensor Programs V",
 *   Table 3); exponent 1 by default, 0.5 for a gentler rule.
 */
export const LearningRateRuleSchema = z.discriminatedUnion('rule', [
  z.strictObject({ rule: z.literal('constant'), value: z.number().positive().max(1) }),
  z.strictObject({
    rule: z.literal('width-scaled'),
    base: z.number().positive().max(1),
    baseDModel: int(1),
    exponent: z.number().min(0).max(2).default(1),
  }),
]);

export const DatasetSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('moby-dick'),
    tokenizer: z.enum(['char', 'byte']).default('char'),
    // Cap on unique training tokens (repeated data); the `epochs` design sets it per run.
    uniqueTokens: z.number().positive().optional(),
  }),
  // Synthetic order-k Markov chain with a known entropy rate (src/train/markov.ts).
  z.strictObject({
    kind: z.literal('markov'),
    order: int(1).max(8),
    vocab: int(2).max(65536),
    branching: int(1).optional(),
    zipfExponent: z.number().min(0).optional(),
    chainSeed: int(0).optional(),
  }),
]);

const common = {
  name: z.string().min(1).regex(/^[A-Za-z0-9._-]+$/, 'use letters, digits, ".", "_" or "-" only'),
  description: z.string().optional(),
  dataset: DatasetSchema,
  context: int(2).max(4096),
  batchSize: int(1).max(4096),
  seeds: z.array(int(0)).min(1).default([0]),
  learningRate: LearningRateRuleSchema,
  weightDecay: z.number().min(0).max(1).optional(),
  warmupFraction: z.number().min(0).max(0.5).optional(),
  gradClip: z.number().positive().optional(),
  evalEvery: int(1).optional(),
  evalBatches: int(1).optional(),
  /** Runs shorter than this many optimiser steps are refused (they measure the warmup, not the model). */
  minSteps: int(1).default(10),
  /** Runs longer than this many optimiser steps are refused: a budget typo (flops 1e30 on a 432-parameter model) would never end. */
  maxSteps: int(1).default(1_000_000),
  models: z.record(z.string().regex(/^[A-Za-z0-9._-]+$/, 'model names use letters, digits, ".", "_" or "-"'), ModelShapeSchema),
};

export const GridSpecSchema = z.strictObject({
  ...common,
  design: z.literal('grid'),
  grid: z.strictObject({
    models: z.array(z.string()).min(1),
    tokens: z.array(z.number().positive()).min(1),
  }),
});

export const IsoflopSpecSchema = z.strictObject({
  ...common,
  design: z.literal('isoflop'),
  budgets: z
    .array(z.strictObject({ flops: z.number().positive(), models: z.array(z.string()).min(2) }))
    .min(1),
});

/**
 * Repeated data (Muennighoff et al. 2023, §3): each model trains on `uniqueTokens · epochs`
 * tokens drawn from only the first `uniqueTokens` tokens of the text, for each cap and
 * epoch count; `unlimitedTokens` adds runs on the whole text (the unique-data baseline).
 */
export const EpochsSpecSchema = z.strictObject({
  ...common,
  design: z.literal('epochs'),
  epochs: z.strictObject({
    models: z.array(z.string()).min(1),
    caps: z.array(z.strictObject({ uniqueTokens: z.number().positive(), epochs: z.array(z.number().min(1)).min(1) })).min(1),
    unlimitedTokens: z.array(z.number().positive()).default([]),
  }),
});

export const SweepSpecSchema = z.discriminatedUnion('design', [GridSpecSchema, IsoflopSpecSchema, EpochsSpecSchema]);

export type SweepSpec = z.output<typeof SweepSpecSchema>;
export type SweepSpecInput = z.input<typeof SweepSpecSchema>;
/** One entry of a sweep's `models` table: layers, width and heads (the context is set sweep-wide). */
export type SweepModelShape = z.output<typeof ModelShapeSchema>;
export type LearningRateRule = z.output<typeof LearningRateRuleSchema>;

/** `budgets[0].models[2]` from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s || '(top level)';
}

type Issue = z.core.$ZodIssue;

/** The value at a zod path in the input (zod 4 leaves `issue.input` out unless asked). Own properties only. */
function valueAt(value: unknown, path: readonly PropertyKey[]): { found: boolean; value?: unknown } {
  let v: unknown = value;
  for (const p of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, p)) return { found: false };
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return { found: true, value: v };
}

/** One line: what is wrong and how to fix it, for a zod issue; `input` is the whole parsed spec. */
function describe(issue: Issue, input?: unknown): { problem: string; fix: string } {
  const at = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      // JSON.parse turns 1e400 into Infinity: say so rather than "missing" or "got null".
      if (at.found && typeof at.value === 'number' && !Number.isFinite(at.value)) {
        return { problem: `is ${at.value} (a number beyond double precision, such as 1e400)`, fix: 'give a finite number' };
      }
      if (at.found && at.value !== undefined) return { problem: `expected a ${issue.expected}, got ${JSON.stringify(at.value)}`, fix: `give a ${issue.expected}` };
      return issue.input === undefined
        ? { problem: `is missing`, fix: `add a ${issue.expected}` }
        : { problem: `expected a ${issue.expected}, got ${JSON.stringify(issue.input)}`, fix: `give a ${issue.expected}` };
    case 'too_small':
      return issue.origin === 'array'
        ? { problem: `needs at least ${issue.minimum} item(s)`, fix: `list ${issue.minimum} or more` }
        : { problem: `must be ${issue.inclusive ? 'at least' : 'greater than'} ${issue.minimum}`, fix: `give a larger value` };
    case 'too_big':
      return { problem: `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`, fix: `give a smaller value` };
    case 'invalid_value':
      return { problem: `is not one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`, fix: `use one of them` };
    case 'unrecognized_keys':
      return { problem: `unknown field(s) ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`, fix: `remove or correct the spelling` };
    case 'invalid_union': {
      const opts = (issue as { options?: unknown[] }).options;
      return opts
        ? { problem: `must be one of ${opts.map((o) => JSON.stringify(o)).join(', ')}`, fix: `set it to one of them` }
        : { problem: issue.message, fix: 'see sweeps/quick.json for a valid example' };
    }
    case 'invalid_format':
      return { problem: issue.message, fix: 'use letters, digits, ".", "_" or "-"' };
    case 'custom':
      return { problem: issue.message, fix: String((issue as { params?: { fix?: unknown } }).params?.fix ?? '') };
    default:
      return { problem: issue.message, fix: 'see sweeps/quick.json for a valid example' };
  }
}

/**
 * Validates a parsed JSON value as a sweep spec (grid, isoFLOP or epochs design; see the
 * module comment), filling the defaults, with zod.
 *
 * @param value - the parsed JSON
 * @param source - what to call it in errors (default `spec`)
 * @returns the spec, defaults filled in
 * @throws InputError on the first problem, one line naming the field and the fix, including
 *   references to model names that are not in `models`
 * @example
 * ```ts
 * import { parseSweepSpec } from '@scaling-lab/core';
 * const spec = {
 *   name: 'tiny', design: 'grid', context: 64, batchSize: 8, seeds: [1], dataset: { kind: 'moby-dick' },
 *   learningRate: { rule: 'constant', value: 0.003 }, models: { s: { layers: 2, dModel: 64, heads: 4 } },
 *   grid: { models: ['s'], tokens: [1e5, 1e6] },
 * };
 * parseSweepSpec(spec).design; // → 'grid'
 * parseSweepSpec({ ...spec, models: { s: { layers: 2, dModel: 64, heads: 3 } } }); // → throws InputError
 * ```
 */
export function parseSweepSpec(value: unknown, source = 'spec'): SweepSpec {
  // Prototype keys as model names would be dropped by the parser and then "found" on Object.prototype.
  const models = valueAt(value, ['models']);
  if (models.found && models.value && typeof models.value === 'object') {
    for (const k of Object.keys(models.value)) {
      if (k === '__proto__' || k === 'constructor' || k === 'prototype' || k in Object.prototype) {
        throw new InputError(`${source}: models.${k}`, `"${k}" is a reserved name`, 'rename the model, e.g. "L1-d8"');
      }
    }
  }
  const r = SweepSpecSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    const { problem, fix } = describe(issue, value);
    throw new InputError(`${source}: ${formatPath(issue.path)}`, problem, fix);
  }
  const spec = r.data;
  const known = Object.keys(spec.models);
  const check = (name: string, field: string) => {
    if (!Object.hasOwn(spec.models, name)) {
      throw new InputError(`${source}: ${field}`, `unknown model "${name}"`, `define it under "models" or use one of ${known.join(', ') || '(none defined)'}`);
    }
  };
  if (spec.design === 'grid') spec.grid.models.forEach((m, i) => check(m, `grid.models[${i}]`));
  else if (spec.design === 'epochs') {
    spec.epochs.models.forEach((m, i) => check(m, `epochs.models[${i}]`));
    if (spec.dataset.kind !== 'moby-dick') throw new InputError(`${source}: dataset.kind`, 'the epochs design caps unique tokens of a text', 'use { "kind": "moby-dick" }');
  } else spec.budgets.forEach((b, i) => b.models.forEach((m, j) => check(m, `budgets[${i}].models[${j}]`)));
  return spec;
}

/** Parses JSON text (with a one-line error for malformed JSON) and validates it. */
export function parseSweepSpecText(text: string, source = 'spec'): SweepSpec {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new InputError(source, `is not valid JSON (${(err as Error).message})`, 'fix the JSON syntax');
  }
  return parseSweepSpec(value, source);
}
