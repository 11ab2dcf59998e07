/**
 * Which column holds N, D, C and the loss, and how to read a cell as a number.
 *
 * A column is named by the user (`--params-col n_params`, with an optional unit suffix:
 * `--tokens-col tokens_B:B` multiplies every cell by 1e9; `:M`, `:k`, `:T` or a number such
 * as `:2048` likewise) or found by the first matching alias, compared case- and
 * punctuation-insensitively. Cells may carry the CLI's suffixes (70M, 1.4B).
 */
import { InputError } from '../../errors.js';
import { parseQuantity } from '../../parseQuantity.js';
import type { Cell, LogTable } from './table.js';

export type Quantity = 'params' | 'tokens' | 'flops' | 'loss';

export interface ColumnChoice {
  /** The header name as it appears in the file. */
  name: string;
  /** Multiplier from the unit suffix (1 when none). */
  scale: number;
}

export const normalizeName = (s: string): string => s.trim().toLowerCase().replace(/[^a-z0-9]/g, '');

/** Splits `name[:unit]`; the unit is k/M/B/G/T/P or a positive number. */
export function parseColumnSpec(spec: string, flag: string): { name: string; scale: number } {
  const m = /^(.*?)(?::([^:]+))?$/.exec(spec.trim());
  const name = (m?.[1] ?? '').trim();
  if (!name) throw new InputError(flag, `"${spec}" names no column`, 'give a column name, optionally with a unit: tokens_B:B');
  if (!m?.[2]) return { name, scale: 1 };
  const s = /^[kmbgtp]$/i.test(m[2]) ? parseQuantity(`1${m[2]}`) : parseQuantity(m[2]);
  if (s === undefined || !(s > 0)) throw new InputError(flag, `unit "${m[2]}" in "${spec}" is not k, M, B, T or a positive number`, 'write e.g. params_M:M or tokens:1e9');
  return { name, scale: s };
}

/** Finds the column the user named (exact name first, then normalized), or throws naming the flag and the columns there are. */
export function namedColumn(table: LogTable, spec: string, flag: string, source: string): ColumnChoice {
  const { name, scale } = parseColumnSpec(spec, flag);
  const hit = table.header.find((h) => h === name) ?? table.header.find((h) => normalizeName(h) === normalizeName(name));
  if (hit === undefined) {
    throw new InputError(flag, `no column "${name}" in ${source}; it has ${table.header.map((h) => JSON.stringify(h)).join(', ')}`, 'give one of those names');
  }
  return { name: hit, scale };
}

/**
 * The first header matching one of the aliases (in alias order), or undefined. Whole names
 * first; then the last segment of a nested name (`data.tokens`, `metrics/val_loss`), as JSON
 * lines are flattened with "." and W&B groups metrics with "/".
 */
export function findColumn(header: readonly string[], aliases: readonly string[]): ColumnChoice | undefined {
  for (const key of [(h: string) => h, (h: string) => h.split(/[./]/).at(-1) as string]) {
    const keys = header.map((h) => normalizeName(key(h)));
    for (const a of aliases) {
      const i = keys.indexOf(normalizeName(a));
      if (i >= 0) return { name: header[i], scale: 1 };
    }
  }
  return undefined;
}

/** A cell as a number: numbers as they are, strings through parseQuantity; empty → undefined; other text → NaN. */
export function cellNumber(v: Cell): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return NaN;
  const s = v.trim();
  if (s === '' || /^(nan|null|none)$/i.test(s)) return undefined;
  return parseQuantity(s) ?? NaN;
}

/** Reads column `c` of a row as a finite number > 0, or throws one line naming file, row and column. */
export function requireCell(cells: Record<string, Cell>, c: ColumnChoice, source: string, line: number, what: string): number {
  const v = cellNumber(cells[c.name]);
  if (v === undefined || !Number.isFinite(v) || !(v > 0)) {
    const got = cells[c.name] === undefined || cells[c.name] === '' ? 'is empty' : `is ${JSON.stringify(cells[c.name])}`;
    throw new InputError(`${source} row ${line} column "${c.name}"`, `${what} ${got}, not a number > 0`, 'fix or remove that row, or name another column');
  }
  return v * c.scale;
}
