/**
 * Accelerator reference data: look-up by id (forgiving, with "did you mean"),
 * peak rates by precision and average power. Rates are dense (no 2:4
 * sparsity); see packages/core/data/hardware/PROVENANCE.md.
 */
import { ACCELERATORS } from './accelerators.generated.js';
import type { AcceleratorRow, Precision } from './types.js';
import { fuzzyFind, fuzzyGet, type Candidate } from '../lookup.js';
import { shortNameDefault } from './hardwareShortNames.js';
import { InputError } from '../errors.js';

const CANDIDATES: Candidate<AcceleratorRow>[] = ACCELERATORS.map((a) => ({ id: a.id, keys: [a.id, a.name], value: a }));

/**
 * Every accelerator in the reference table (data/hardware/accelerators.csv: dense peak
 * rates, memory, bandwidth and TDP from vendor datasheets, each row with its source), in
 * table order.
 *
 * @returns the rows
 * @example
 * ```ts
 * import { listAccelerators } from '@scaling-lab/core';
 * listAccelerators().length; // → 27
 * listAccelerators()[0].id; // → 'nvidia-v100-sxm2-32gb'
 * ```
 */
export function listAccelerators(): readonly AcceleratorRow[] {
  return ACCELERATORS;
}

/**
 * The accelerator for `query`: its id or name, ignoring case and punctuation, or a
 * fragment only one id contains (`h200`). Rows come from data/hardware/accelerators.csv
 * (dense peak rates from vendor datasheets; see its PROVENANCE.md).
 *
 * @param query - an id, a name or a unique fragment
 * @returns the accelerator's row: peak TFLOP/s per precision, memory, bandwidth, TDP, source
 * @throws InputError for field `hardware` when the query is unknown or ambiguous, suggesting the closest ids
 * @example
 * ```ts
 * import { getAccelerator } from '@scaling-lab/core';
 * getAccelerator('h100').id; // → 'nvidia-h100-sxm5-80gb'
 * getAccelerator('h100').tflops.bf16; // → 989.4
 * getAccelerator('h10'); // → throws InputError
 * ```
 */
export function getAccelerator(query: string): AcceleratorRow {
  if (typeof query === 'string') {
    const short = shortNameDefault(query);
    if (short && !findAccelerator(query).accelerator) return fuzzyGet('hardware', 'accelerator', short.id, CANDIDATES, '').value;
  }
  return fuzzyGet('hardware', 'accelerator', query, CANDIDATES, 'list them with `scaling-lab hardware`').value;
}

/**
 * The note to show when `query` was a short name (such as `h100`) that {@link getAccelerator} resolved
 * to a default variant (data/hardwareShortNames.ts), so the reader knows which part was assumed.
 *
 * @param query - what the user typed for the accelerator
 * @returns the note, or undefined when `query` named one accelerator by itself
 * @example
 * ```ts
 * import { acceleratorNote } from '@scaling-lab/core';
 * acceleratorNote('h100'); // → 'h100 read as the H100 SXM5 80GB (the training-cluster part); give h100-pcie for the PCIe card'
 * acceleratorNote('h200'); // → undefined
 * ```
 */
export function acceleratorNote(query: string): string | undefined {
  const short = shortNameDefault(query);
  return short && !findAccelerator(query).accelerator ? short.note : undefined;
}

/**
 * Non-throwing accelerator look-up: matches `query` against ids and names ignoring case and punctuation,
 * then as the one entry containing it; returns the match (if any), how it matched, and the closest ids
 * by edit distance when nothing or several matched. Short names are not defaulted (see {@link getAccelerator}).
 *
 * @param query - accelerator id, name or fragment
 * @returns `accelerator` and `how` on a match; `suggestions` always
 * @example
 * ```ts
 * import { findAccelerator } from '@scaling-lab/core';
 * findAccelerator('h200').accelerator?.id; // → 'nvidia-h200-sxm-141gb'
 * findAccelerator('h100').suggestions[0]; // → 'nvidia-h100-sxm5-80gb'
 * ```
 */
export function findAccelerator(query: string): { accelerator?: AcceleratorRow; how?: 'exact' | 'contains'; suggestions: string[] } {
  const r = fuzzyFind(query, CANDIDATES);
  return { accelerator: r.match?.value, how: r.how, suggestions: r.suggestions.map((s) => s.id) };
}

/** Precisions tried, in order, when the caller does not name one: bf16 then fp16 (V100, T4 have no bf16). */
export const DEFAULT_PRECISIONS: readonly Precision[] = ['bf16', 'fp16', 'tf32', 'fp32'];

/**
 * The dense peak FLOP/s of an accelerator at a precision (default: bf16, else fp16, else
 * tf32, else fp32), from its datasheet row (data/hardware/accelerators.csv).
 *
 * @param acc - the accelerator's row, e.g. from {@link getAccelerator}
 * @param precision - `fp32`, `tf32`, `bf16`, `fp16`, `fp8` or `int8`
 * @returns FLOP/s and the precision used
 * @throws InputError for field `precision` when the accelerator publishes no rate at that precision
 * @example
 * ```ts
 * import { getAccelerator, peakFlopsPerSecond } from '@scaling-lab/core';
 * peakFlopsPerSecond(getAccelerator('a100-80gb')).flopsPerSecond; // → 312e12
 * ```
 */
export function peakFlopsPerSecond(acc: AcceleratorRow, precision?: Precision): { flopsPerSecond: number; precision: Precision } {
  const order = precision ? [precision] : DEFAULT_PRECISIONS;
  for (const p of order) {
    const t = acc.tflops[p];
    if (t !== undefined) return { flopsPerSecond: t * 1e12, precision: p };
  }
  const known = Object.keys(acc.tflops).join(', ') || 'none';
  throw new InputError('precision', `${acc.id} has no published ${precision ?? 'training'} rate`, `choose one of: ${known}`);
}
