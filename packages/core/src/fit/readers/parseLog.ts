/**
 * Any supported training log → fit input (pure; the CLI reads the files). Formats:
 * `sweep` (scaling-lab's results JSON lines), `hf-trainer-state` (trainer_state.json),
 * `wandb-runs` (W&B runs-table CSV: one row per run, with a State column),
 * `history` (one run's per-step log: W&B run-history CSV, TensorBoard scalar CSV),
 * `runs` (any CSV or JSON lines, one row per run). `auto` picks by content, in that order.
 * A plain CSV with no column flags keeps `parseScalingCsv`'s reading.
 */
import { InputError } from '../../errors.js';
import { parseScalingCsv, parseSweepResults, type ParsedInput } from '../parseInput.js';
import { looksLikeHistory, runFromHistory } from './history.js';
import { pointsFromRunsTable, type ColumnFlags } from './runsTable.js';
import { looksLikeJsonl, parseLogTable } from './table.js';
import { looksLikeTrainerState, runFromTrainerState } from './trainerState.js';

export const LOG_FORMATS = ['auto', 'sweep', 'hf-trainer-state', 'wandb-runs', 'history', 'runs'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface ParseLogOptions extends ColumnFlags {
  source: string;
  format?: LogFormat;
  /** N for every run (from a config.json), instead of a column. */
  params?: number;
  tokensPerStep?: number;
  /** Sweep results: which parameter count is N. */
  paramsKind?: 'nonEmbedding' | 'total';
}

export function detectLogFormat(text: string): Exclude<LogFormat, 'auto'> {
  if (looksLikeTrainerState(text)) return 'hf-trainer-state';
  if (looksLikeJsonl(text)) {
    const first = text.trimStart().split(/\r?\n/, 1)[0];
    return /"(runKey|finalValLoss)"\s*:/.test(first) ? 'sweep' : parseLogTable(text, 'log').header.some((h) => /step/i.test(h)) ? 'history' : 'runs';
  }
  const header = parseLogTable(text, 'log').header;
  if (header.includes('State') && header.includes('Name')) return 'wandb-runs';
  return looksLikeHistory(header) ? 'history' : 'runs';
}

/**
 * Reads a training log as fit input: detects (or takes) its format — W&B runs export, Hugging
 * Face trainer_state.json, a TensorBoard/history CSV, sweep results or any CSV/JSON-lines table
 * of runs — and gives one point (N, D, loss) per run, with the rows it skipped and why.
 *
 * @param text - the log file's text
 * @param opts - source (the name used in messages), format (default 'auto'), column names, params and tokensPerStep
 * @returns the points, rows read, rows skipped with why, the columns used and the format read
 * @throws InputError for an empty or unreadable log, or missing columns (naming the flag that gives them)
 * @example
 * ```ts
 * import { parseLog } from '@scaling-lab/core';
 * const log = parseLog('params,tokens,loss\n1e8,2e9,3.2\n4e8,8e9,2.9\n', { source: 'runs.csv' });
 * log.format; // → 'runs'
 * log.points[1].loss; // → 2.9
 * ```
 */
export function parseLog(text: string, opts: ParseLogOptions): ParsedInput & { format: Exclude<LogFormat, 'auto'> } {
  const format = !opts.format || opts.format === 'auto' ? detectLogFormat(text) : opts.format;
  const flags = opts.paramsCol || opts.tokensCol || opts.flopsCol || opts.lossCol || opts.params !== undefined;
  switch (format) {
    case 'sweep':
      return { ...parseSweepResults(text, { params: opts.paramsKind, source: opts.source }), format };
    case 'hf-trainer-state':
      return { ...runFromTrainerState(text, opts), format };
    case 'history':
      return { ...runFromHistory(parseLogTable(text, opts.source), opts), format };
    case 'wandb-runs':
      return { ...pointsFromRunsTable(parseLogTable(text, opts.source), { ...opts, stateColumn: 'State' }), format };
    case 'runs':
      if (!flags && !looksLikeJsonl(text)) return { ...parseScalingCsv(text, opts.source), format };
      return { ...pointsFromRunsTable(parseLogTable(text, opts.source), opts), format };
    default:
      throw new InputError('--format', `unknown format "${format as string}"`, `use one of ${LOG_FORMATS.join(', ')}`);
  }
}

/**
 * Joins one-run inputs (a folder of trainer_state.json or history files, each read with
 * parseLog) into one fit input, with their points, curves and skipped rows together.
 *
 * @param parts - the inputs read from each file
 * @param source - the name of the folder, used in messages
 * @returns one input holding every part's points
 * @throws InputError when there are no parts
 * @example
 * ```ts
 * import { combineRuns, parseLog } from '@scaling-lab/core';
 * const a = parseLog('params,tokens,loss\n1e8,2e9,3.2\n', { source: 'a.csv' });
 * const b = parseLog('params,tokens,loss\n4e8,8e9,2.9\n', { source: 'b.csv' });
 * combineRuns([a, b], 'runs/').points.length; // → 2
 * ```
 */
export function combineRuns(parts: readonly (ParsedInput & { source?: string })[], source: string): ParsedInput {
  if (!parts.length) throw new InputError(source, 'holds no training logs', 'give a folder with trainer_state.json or history CSV files');
  const curves = parts.flatMap((p) => p.curves ?? []);
  return {
    points: parts.flatMap((p) => p.points),
    curves: curves.length ? curves : undefined,
    rows: parts.length,
    skipped: parts.flatMap((p) => p.skipped),
    columns: parts[0].columns,
  };
}
