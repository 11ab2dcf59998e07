/**
 * A table of training-log rows from CSV or JSON lines (pure: text in, rows out).
 *
 * CSV: first non-comment line is the header; JSON lines: one object per line, nested objects
 * flattened with "." (`{"eval": {"loss": 2}}` → column `eval.loss`), so both read the same way.
 * Each row keeps its 1-based line number in the file, so errors can name file, row and column.
 */
import { InputError } from '../../errors.js';
import { splitCsvLine } from '../parseInput.js';

export type Cell = string | number | boolean | null | undefined;

export interface LogTable {
  /** Column names in file order (JSON lines: the union of keys, first-seen order). */
  header: string[];
  rows: { line: number; cells: Record<string, Cell> }[];
}

/** True when the text looks like JSON lines (first non-blank character is `{`). */
export const looksLikeJsonl = (text: string): boolean => text.trimStart().startsWith('{');

export function parseCsvTable(text: string, source: string): LogTable {
  const lines = text.split(/\r?\n/);
  const headerAt = lines.findIndex((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  if (headerAt < 0) throw new InputError(source, 'is empty', 'give a CSV with a header line and one row per run or step');
  const header = splitCsvLine(lines[headerAt].replace(/^\uFEFF/, '')).map((h) => h.trim());
  const rows: LogTable['rows'] = [];
  for (let i = headerAt + 1; i < lines.length; i++) {
    const l = lines[i];
    if (l.trim() === '' || l.trimStart().startsWith('#')) continue;
    const cells = splitCsvLine(l);
    if (cells.length > header.length) {
      throw new InputError(`${source} row ${i + 1}`, `has ${cells.length} cells but the header has ${header.length} columns`, 'quote cells that contain commas, or fix that row');
    }
    rows.push({ line: i + 1, cells: Object.fromEntries(header.map((h, k) => [h, cells[k]])) });
  }
  return { header, rows };
}

function flatten(obj: Record<string, unknown>, prefix: string, out: Record<string, Cell>): void {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) flatten(v as Record<string, unknown>, key, out);
    else if (!Array.isArray(v)) out[key] = v as Cell;
  }
}

export function parseJsonlTable(text: string, source: string): LogTable {
  const header: string[] = [];
  const seen = new Set<string>();
  const rows: LogTable['rows'] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    if (!l.trim()) return;
    let v: unknown;
    try {
      v = JSON.parse(l);
    } catch {
      throw new InputError(`${source} row ${i + 1}`, 'is not valid JSON', 'give one JSON object per line');
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new InputError(`${source} row ${i + 1}`, 'is not a JSON object', 'give one JSON object per line');
    const cells: Record<string, Cell> = {};
    flatten(v as Record<string, unknown>, '', cells);
    for (const k of Object.keys(cells)) if (!seen.has(k)) (seen.add(k), header.push(k));
    rows.push({ line: i + 1, cells });
  });
  if (!rows.length) throw new InputError(source, 'is empty', 'give one JSON object per line');
  return { header, rows };
}

export const parseLogTable = (text: string, source: string): LogTable => (looksLikeJsonl(text) ? parseJsonlTable(text, source) : parseCsvTable(text, source));
