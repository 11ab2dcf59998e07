/**
 * Reading numbers typed into the calculators. Accepts 1e9, 1_000, 70B, 1.4T,
 * 300M, 2k — the same syntax as the CLI's `parseNumber` (packages/core/src/cli/util.ts).
 * That function lives in the CLI module (which imports commander), so it is not
 * reachable from the browser through core's `exports`; this is input parsing,
 * not a formula. NOTE for the lead: export a pure `parseNumber` from core's index
 * and this file becomes a one-line re-export.
 */
import { InputError } from '@scaling-lab/core';

const SUFFIX: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, B: 1e9, G: 1e9, T: 1e12, P: 1e15 };

export function parseQuantity(raw: string): number | undefined {
  const s = raw.trim().replace(/[_,\s]/g, '');
  const m = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)([kKMBGTP]?)$/i.exec(s);
  if (!m) return undefined;
  const v = Number(m[1]) * (m[2] ? SUFFIX[m[2]] ?? SUFFIX[m[2].toUpperCase()] ?? 1 : 1);
  return Number.isFinite(v) ? v : undefined;
}

/** Parses a form value or throws an InputError naming the field (shown beside it). */
export function numberField(
  field: string,
  raw: string | undefined,
  opts: { min?: number; max?: number; positive?: boolean; integer?: boolean } = {},
): number {
  if (raw === undefined || raw.trim() === '') throw new InputError(field, 'is empty', 'enter a number such as 1e9 or 70B');
  const v = parseQuantity(raw);
  if (v === undefined) throw new InputError(field, `"${raw}" is not a number`, 'write e.g. 1e9, 70B or 0.4');
  if (opts.positive && !(v > 0)) throw new InputError(field, `must be greater than 0, got ${raw}`, 'enter a positive number');
  if (opts.min !== undefined && v < opts.min) throw new InputError(field, `must be at least ${opts.min}, got ${raw}`, `enter ${opts.min} or more`);
  if (opts.max !== undefined && v > opts.max) throw new InputError(field, `must be at most ${opts.max}, got ${raw}`, `enter ${opts.max} or less`);
  if (opts.integer && !Number.isInteger(v)) throw new InputError(field, `must be a whole number, got ${raw}`, 'enter a whole number');
  return v;
}
