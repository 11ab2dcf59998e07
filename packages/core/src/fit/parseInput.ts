/**
 * Turns text into fit input (pure: strings in, points out; the CLI reads the files).
 *
 * CSV with a header row; columns are matched by name, case- and punctuation-insensitively:
 * - N (parameters): `params`, `N`, `parameters`, `model size`, `n_params`, `num_params`,
 *   `params_non_embedding`, `non_embedding_params`
 * - D (tokens): `tokens`, `D`, `training tokens`, `n_tokens`, `num_tokens`
 * - C (training FLOP): `flops`, `C`, `compute`, `training flop`, `training flops`
 * - loss: `loss`, `L`, `final loss`, `val_loss`, `final_val_loss`, `valid loss`
 * N and loss are required, plus D or C; a missing one is derived from C = 6·N·D.
 * Numbers may use the CLI suffixes (70B, 1.4T). Other columns are ignored.
 *
 * Sweep results (JSON lines, one RunResult + runKey per line, as `scaling-lab sweep` writes):
 * N = `paramsNonEmbedding` (default; Kaplan et al. 2020 §2.1 found cleaner laws without
 * embedding parameters, which dominate tiny models) or `paramsTotal`; D = `tokens`;
 * loss = `finalValLoss`; diverged runs and runs without a finite validation loss are skipped
 * (and counted); a repeated run key, or an older trainer's run beside the newer one, counts once
 * (fit/duplicateRuns.ts). Training curves (for Approach 1) come from `curve[].tokens` / `trainLoss`.
 */
import { InputError } from '../errors.js';
import { tokensForTrainingFlopsUnchecked, trainingFlops } from '../estimate/flops.js';
import { currentRuns, type RowRecord } from './duplicateRuns.js';
import type { TrainingCurve } from './envelope.js';
import type { ScalingPoint } from './points.js';
import { recordPoint, resultLines, type ParamsKind, type RecordFields } from '../sweep/results.js';

export interface ParsedInput {
  points: ScalingPoint[];
  /** Training curves, when the input has them (sweep results). */
  curves?: TrainingCurve[];
  /** Lines/rows read and rows left out, with why. */
  rows: number;
  skipped: { row: number; reason: string }[];
  /** Which input column or field each quantity came from. */
  columns: { params: string; tokens: string; flops?: string; loss: string };
}

const ALIASES = {
  params: ['params', 'n', 'parameters', 'modelsize', 'nparams', 'numparams', 'paramsnonembedding', 'nonembeddingparams', 'paramstotal'],
  tokens: ['tokens', 'd', 'trainingtokens', 'ntokens', 'numtokens'],
  flops: ['flops', 'c', 'compute', 'trainingflop', 'trainingflops', 'flops6nd'],
  loss: ['loss', 'l', 'finalloss', 'valloss', 'finalvalloss', 'validloss', 'validationloss'],
} as const;

const norm = (s: string) => s.trim().toLowerCase().replace(/[^a-z0-9]/g, '');

const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, g: 1e9, t: 1e12, p: 1e15 };
function parseCell(raw: string): number {
  const s = raw.trim().replace(/_/g, '');
  const m = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)([kmbgtp]?)$/i.exec(s);
  if (!m) return NaN;
  return Number(m[1]) * (m[2] ? SUFFIX[m[2].toLowerCase()] : 1);
}

/** Splits one CSV line (handles double-quoted fields with commas and "" escapes). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * Reads runs for a fit from CSV text: a header naming the params, tokens (or flops) and loss
 * columns, one run per row; rows that cannot be read are listed in `skipped` with why.
 *
 * @param text - the CSV
 * @param source - what to call it in errors (default `csv`)
 * @returns the points, the number of rows, the skipped rows and the columns used
 * @throws InputError naming the column when a required one is missing
 * @example
 * ```ts
 * import { parseScalingCsv } from '@scaling-lab/core';
 * const parsed = parseScalingCsv('params,tokens,loss\n1e8,2e9,3.1\n3e8,6e9,2.8\n');
 * parsed.points.length; // → 2
 * parsed.points[1].loss; // → 2.8
 * ```
 */
export function parseScalingCsv(text: string, source = 'csv'): ParsedInput {
  const reader = new ScalingCsvReader(source);
  text.split(/\r?\n/).forEach((line, i) => reader.line(line, i + 1));
  return reader.finish();
}

/**
 * `parseScalingCsv` one line at a time, so a file can be streamed instead of read whole (the CLI feeds it
 * chunk by chunk; node/ holds the I/O). Keeps the numbers in typed columns (32 bytes a row), not objects,
 * so 1.7M rows take ~55 MB; `columns()` hands them to fit/aggregate.ts, `finish()` makes the points.
 */
export class ScalingCsvReader {
  private header: string[] | undefined;
  private idx = { N: -1, D: -1, C: -1, L: -1 };
  private n = 0;
  private cols = { params: new Float64Array(1024), tokens: new Float64Array(1024), flops: new Float64Array(1024), loss: new Float64Array(1024) };
  constructor(private readonly source = 'csv') {}

  /** Rows read so far (not counting the header). */
  get rows(): number {
    return this.n;
  }

  /** One line of the file; `lineNo` is its 1-based number, for messages. */
  line(raw: string, lineNo: number): void {
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    if (!this.header) {
      this.setHeader(splitCsvLine(raw.replace(/^\uFEFF/, '')));
      return;
    }
    const { N: iN, D: iD, C: iC, L: iL } = this.idx;
    const cells = splitCsvLine(raw);
    const get = (i: number) => (i >= 0 ? parseCell(cells[i] ?? '') : NaN);
    const N = get(iN);
    const L = get(iL);
    let D = get(iD);
    const C = get(iC);
    if (iD < 0) D = tokensForTrainingFlopsUnchecked(C, N);
    const bad = (v: number) => !(Number.isFinite(v) && v > 0);
    const header = this.header;
    const badField = bad(N) ? header[iN] : bad(L) ? header[iL] : bad(D) ? header[iD >= 0 ? iD : iC] : iC >= 0 && bad(C) ? header[iC] : undefined;
    if (badField !== undefined) {
      throw new InputError(`${this.source} line ${lineNo}`, `column "${badField.trim()}" is not a finite number > 0 (got "${raw.trim().slice(0, 200)}")`, 'fix or remove that row');
    }
    if (this.n === this.cols.params.length) this.grow();
    this.cols.params[this.n] = N;
    this.cols.tokens[this.n] = D;
    this.cols.flops[this.n] = iC >= 0 ? C : NaN;
    this.cols.loss[this.n] = L;
    this.n++;
  }

  private setHeader(header: string[]): void {
    const keys = header.map(norm);
    const find = (q: keyof typeof ALIASES) => {
      for (const a of ALIASES[q]) {
        const i = keys.indexOf(a);
        if (i >= 0) return i;
      }
      return -1;
    };
    this.idx = { N: find('params'), D: find('tokens'), C: find('flops'), L: find('loss') };
    const missing: string[] = [];
    if (this.idx.N < 0) missing.push('params (N)');
    if (this.idx.L < 0) missing.push('loss');
    if (this.idx.D < 0 && this.idx.C < 0) missing.push('tokens (D) or flops (C)');
    if (missing.length) {
      throw new InputError(this.source, `missing column(s) ${missing.join(', ')}; found ${header.map((h) => JSON.stringify(h.trim())).join(', ')}`, 'name the columns params, tokens (or flops) and loss');
    }
    this.header = header;
  }

  private grow(): void {
    for (const k of ['params', 'tokens', 'flops', 'loss'] as const) {
      const next = new Float64Array(this.cols[k].length * 2);
      next.set(this.cols[k]);
      this.cols[k] = next;
    }
  }

  /** The rows as typed columns (flops NaN where absent), trimmed to the rows read. */
  columns(): { params: Float64Array; tokens: Float64Array; flops: Float64Array; loss: Float64Array } {
    const n = this.n;
    return { params: this.cols.params.subarray(0, n), tokens: this.cols.tokens.subarray(0, n), flops: this.cols.flops.subarray(0, n), loss: this.cols.loss.subarray(0, n) };
  }

  /** Which column each quantity came from (after at least the header). */
  columnNames(): ParsedInput['columns'] {
    const h = this.header!;
    const { N: iN, D: iD, C: iC, L: iL } = this.idx;
    return { params: h[iN].trim(), tokens: iD >= 0 ? h[iD].trim() : `${h[iC].trim()} / (6 N)`, flops: iC >= 0 ? h[iC].trim() : undefined, loss: h[iL].trim() };
  }

  finish(): ParsedInput {
    if (!this.header || this.n === 0) throw new InputError(this.source, 'has no data rows under a header', 'give a header line (e.g. params,tokens,loss) and one row per run');
    const c = this.columns();
    const hasFlops = this.idx.C >= 0;
    const points: ScalingPoint[] = Array.from({ length: this.n }, (_, i) =>
      hasFlops ? { params: c.params[i], tokens: c.tokens[i], flops: c.flops[i], loss: c.loss[i] } : { params: c.params[i], tokens: c.tokens[i], loss: c.loss[i] },
    );
    return { points, rows: this.n, skipped: [], columns: this.columnNames() };
  }
}

/**
 * Sweep results as fit input: every line must be a JSON object (else an InputError naming
 * the line); N, D and loss per `recordPoint` (sweep/results.ts, shared with the report's
 * `analyse`). Unlike the runner's lenient `parseResults`, nothing is skipped silently.
 *
 * @param text - the results file's text (JSON lines)
 * @param opts - params: which parameter count is N ('nonEmbedding' or 'total'); source: the name used in messages
 * @returns the points (and training curves when present), rows read, rows skipped with why, and the columns used
 * @throws InputError naming the line for a line that is not a JSON object
 * @example
 * ```ts
 * import { parseSweepResults } from '@scaling-lab/core';
 * const line = JSON.stringify({ runKey: 'r0', paramsNonEmbedding: 1e6, tokens: 2e7, finalValLoss: 4.1 });
 * parseSweepResults(line).points[0].flops; // → 1.2e14
 * parseSweepResults('not json'); // → throws InputError
 * ```
 */
export function parseSweepResults(text: string, opts: { params?: ParamsKind; source?: string } = {}): ParsedInput {
  const source = opts.source ?? 'results';
  const field = opts.params === 'total' ? 'paramsTotal' : 'paramsNonEmbedding';
  const points: ScalingPoint[] = [];
  const curves: TrainingCurve[] = [];
  const skipped: ParsedInput['skipped'] = [];
  const lines = resultLines(text);
  const parsed: RowRecord<RecordFields & { runKey?: string; curve?: { tokens?: number; trainLoss?: number }[] }>[] = [];
  for (const { line, value, problem } of lines) {
    if (problem !== undefined) throw new InputError(`${source} line ${line}`, problem, 'give a sweep results file: one JSON object per line');
    parsed.push({ row: line, record: value as RecordFields & { runKey?: string; curve?: { tokens?: number; trainLoss?: number }[] } });
  }
  // A repeated run, or an older trainer's result beside its successor, counts once (fit/duplicateRuns.ts).
  const current = currentRuns(parsed);
  for (const d of current.dropped) skipped.push({ row: d.row, reason: d.reason });
  for (const { row, record: r } of current.kept) {
    const id = r.runKey ?? `line ${row}`;
    const p = recordPoint(r, opts.params ?? 'nonEmbedding', `${source} line ${row}`);
    if ('excluded' in p) {
      skipped.push({ row, reason: `${id}: ${p.excluded === 'diverged' ? 'diverged' : 'no finite finalValLoss'}` });
      continue;
    }
    points.push({ params: p.params, tokens: p.tokens, flops: trainingFlops(p.params, p.tokens), loss: p.loss });
    if (Array.isArray(r.curve)) {
      const cs = r.curve.filter((c) => typeof c?.tokens === 'number' && typeof c.trainLoss === 'number' && Number.isFinite(c.trainLoss));
      curves.push({ params: p.params, tokens: cs.map((c) => c.tokens as number), loss: cs.map((c) => c.trainLoss as number) });
    }
  }
  skipped.sort((a, b) => a.row - b.row);
  if (lines.length === 0) throw new InputError(source, 'is empty', 'give a sweep results file: one JSON object per line');
  return {
    points,
    curves: curves.length ? curves : undefined,
    rows: lines.length,
    skipped,
    columns: { params: field, tokens: 'tokens', flops: '6 · N · tokens', loss: 'finalValLoss' },
  };
}
