/**
 * The one parser of sweep results text (JSON lines, one `SweepRecord` per line,
 * as `scaling-lab sweep` writes them): pure, so the CLI, the sweep runner, the
 * report and the site read a results file the same way. The Node-only side
 * (reading, locking, appending with fsync) is `node/sweep/results-file.ts`.
 *
 * Two readings of the same lines:
 * - `parseResults` — lenient, for resuming: corrupt lines and a torn last line
 *   (a crash mid-write) are reported and skipped, duplicate runKeys keep the first.
 * - `resultLines` — every non-empty line with its 1-based number, as a JSON
 *   object or a problem, for readers that must reject bad input (`parseSweepResults`).
 * `recordPoint` turns one record into a scaling point (N, D, loss) or says why not.
 */
import { InputError } from '../errors.js';
import type { SweepRecord } from './types.js';

/** One non-empty line of a results file: a JSON object, or what is wrong with it. */
export type ResultLine = { line: number; value: Record<string, unknown>; problem?: undefined } | { line: number; value?: undefined; problem: string };

/** Classifies one line: a JSON object, or the problem in words ("is not valid JSON", "holds null, not a JSON object"). */
export function parseResultLine(text: string): { value: Record<string, unknown> } | { problem: string } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { problem: 'is not valid JSON' };
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { problem: `holds ${Array.isArray(v) ? 'an array' : JSON.stringify(v)}, not a JSON object` };
  return { value: v as Record<string, unknown> };
}

/** Every non-empty line of `text`, numbered from 1, as a JSON object or a problem. */
export function resultLines(text: string): ResultLine[] {
  const out: ResultLine[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    out.push({ line: i + 1, ...parseResultLine(line) } as ResultLine);
  });
  return out;
}

/** A line as a sweep record (a JSON object with a string runKey), else undefined. */
export function asSweepRecord(line: string): SweepRecord | undefined {
  const p = parseResultLine(line);
  return 'value' in p && typeof p.value.runKey === 'string' ? (p.value as unknown as SweepRecord) : undefined;
}

export interface ParsedResults {
  records: SweepRecord[];
  /** runKeys of the records, in file order. */
  keys: Set<string>;
  /** Byte length (UTF-8) of the whole-line prefix (everything up to and including the last "\n"). */
  validBytes: number;
  /** A trailing fragment without a newline, if any. */
  torn?: { offset: number; text: string; isCompleteRecord: boolean };
  /** 1-based line numbers of complete lines that are not valid records (ignored). */
  badLines: number[];
  /** runKeys that appear more than once (the first is kept). */
  duplicates: string[];
}

const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

/**
 * Parses the text of a sweep results file (JSON Lines, one record per line) leniently, as a resumed
 * sweep needs: complete lines that are not records are listed in `badLines`, a duplicate runKey
 * keeps the first record, and a torn last line (a crash mid-write) is reported, not parsed.
 *
 * @param text - the file's contents
 * @returns the records, their runKeys, the byte length of the whole-line prefix, the torn tail, bad lines and duplicates
 * @example
 * ```ts
 * import { parseResults } from '@scaling-lab/core';
 * const r = parseResults('{"runKey":"a"}\n{"runKey":"a"}\nnot json\n{"runKey":"b"');
 * r.records.length; // → 1
 * r.badLines[0]; // → 3
 * r.duplicates[0]; // → 'a'
 * r.torn?.isCompleteRecord; // → false
 * ```
 */
export function parseResults(text: string): ParsedResults {
  const records: SweepRecord[] = [];
  const keys = new Set<string>();
  const badLines: number[] = [];
  const duplicates: string[] = [];
  const lastNl = text.lastIndexOf('\n');
  const whole = lastNl < 0 ? '' : text.slice(0, lastNl);
  const tail = lastNl < 0 ? text : text.slice(lastNl + 1);
  if (whole.length || lastNl >= 0) {
    whole.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      const r = asSweepRecord(line);
      if (!r) return void badLines.push(i + 1);
      if (keys.has(r.runKey)) return void duplicates.push(r.runKey);
      keys.add(r.runKey);
      records.push(r);
    });
  }
  const validBytes = lastNl < 0 ? 0 : utf8Bytes(text.slice(0, lastNl + 1));
  const result: ParsedResults = { records, keys, validBytes, badLines, duplicates };
  if (tail.length) result.torn = { offset: validBytes, text: tail, isCompleteRecord: asSweepRecord(tail) !== undefined };
  return result;
}

/** Which parameter count is N: non-embedding (Kaplan et al. 2020 §2.1: cleaner laws for small models) or total. */
export type ParamsKind = 'nonEmbedding' | 'total';

/** What a scaling fit reads from one run record. */
export interface RecordFields {
  paramsNonEmbedding?: unknown;
  paramsTotal?: unknown;
  tokens?: unknown;
  finalValLoss?: unknown;
  diverged?: unknown;
}

const positive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/**
 * One run as a scaling point: N (per `paramsKind`), D = tokens, loss = finalValLoss.
 * A diverged run, or one without a finite positive validation loss, is excluded with
 * the reason; a record without a positive N or D is not a sweep record: InputError
 * naming `where` (e.g. "runs.jsonl line 3").
 */
export function recordPoint(
  r: RecordFields,
  paramsKind: ParamsKind,
  where: string,
): { params: number; tokens: number; loss: number } | { excluded: 'diverged' | 'no finite validation loss' } {
  if (r.diverged) return { excluded: 'diverged' };
  const field = paramsKind === 'total' ? 'paramsTotal' : 'paramsNonEmbedding';
  const N = r[field];
  const D = r.tokens;
  if (!positive(N)) throw new InputError(where, `${field} is ${JSON.stringify(N)}`, 'give sweep results written by `scaling-lab sweep`');
  if (!positive(D)) throw new InputError(where, `tokens is ${JSON.stringify(D)}`, 'give sweep results written by `scaling-lab sweep`');
  if (!positive(r.finalValLoss)) return { excluded: 'no finite validation loss' };
  return { params: N, tokens: D, loss: r.finalValLoss };
}
