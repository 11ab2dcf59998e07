/**
 * One run's logged history (one row per logged step) → that run's final point and its curve
 * (pure). Reads a Weights & Biases run-history CSV (`run.history()` export: `_step`,
 * `train/loss`, `eval/loss`, …, or a chart panel's CSV: `Step`, `<run> - eval/loss`,
 * `<run> - eval/loss__MIN`…) and a TensorBoard scalar CSV (`Wall time`, `Step`, `Value`).
 *
 * loss: the last row with a finite value in the loss column (evaluation loss preferred over
 * training loss); D: a tokens column at that row, else step × `tokensPerStep` (batch size ×
 * sequence length); N: `params` (from `--params-from-config`) or a params column.
 */
import { InputError } from '../../errors.js';
import type { TrainingCurve } from '../envelope.js';
import type { ParsedInput } from '../parseInput.js';
import { cellNumber, findColumn, namedColumn, normalizeName, requireCell, type ColumnChoice } from './columns.js';
import { RUN_ALIASES, type ColumnFlags } from './runsTable.js';
import type { LogTable } from './table.js';

const LOSS_ALIASES = ['eval/loss', 'eval_loss', 'val/loss', 'val_loss', 'validation/loss', 'valid/loss', 'loss', 'train/loss', 'train_loss', 'Value'];
const STEP_ALIASES = ['_step', 'Step', 'step', 'global_step', 'train/global_step'];

/** True when the header looks like a per-step history rather than a table of runs. */
export function looksLikeHistory(header: readonly string[]): boolean {
  const keys = header.map(normalizeName);
  return keys.includes('step') || keys.includes('walltime') || header.some((h) => / - .*loss/i.test(h));
}

/** W&B chart exports name columns `<run> - <metric>`; prefer the plain metric, never __MIN/__MAX. */
function findMetric(header: readonly string[], aliases: readonly string[]): ColumnChoice | undefined {
  const plain = findColumn(header, aliases);
  if (plain) return plain;
  for (const a of aliases) {
    const h = header.find((x) => x.endsWith(` - ${a}`));
    if (h) return { name: h, scale: 1 };
  }
  return undefined;
}

export interface HistoryOptions extends ColumnFlags {
  source: string;
  params?: number;
  /** Tokens per optimizer step (batch size × sequence length), when no tokens column is logged. */
  tokensPerStep?: number;
}

export function runFromHistory(table: LogTable, opts: HistoryOptions): ParsedInput {
  const { source } = opts;
  const loss = opts.lossCol ? namedColumn(table, opts.lossCol, '--loss-col', source) : findMetric(table.header, LOSS_ALIASES);
  if (!loss) throw new InputError(source, `no loss column; it has ${table.header.map((h) => JSON.stringify(h)).join(', ')}`, 'name it with --loss-col');
  const tokensCol = opts.tokensCol ? namedColumn(table, opts.tokensCol, '--tokens-col', source) : findMetric(table.header, RUN_ALIASES.tokens);
  const paramsCol = opts.paramsCol ? namedColumn(table, opts.paramsCol, '--params-col', source) : findColumn(table.header, RUN_ALIASES.params);
  const step = findColumn(table.header, STEP_ALIASES);
  if (!tokensCol && !(step && opts.tokensPerStep)) {
    throw new InputError(source, `has no tokens column${step ? '' : ' and no step column'}`, step ? 'give --tokens-per-step (batch size × sequence length) or name a tokens column with --tokens-col' : 'name a tokens column with --tokens-col');
  }
  const rows = table.rows.filter((r) => {
    const v = cellNumber(r.cells[loss.name]);
    return v !== undefined && Number.isFinite(v);
  });
  if (!rows.length) throw new InputError(`${source} column "${loss.name}"`, 'has no finite loss in any row', 'name the loss column with --loss-col');
  const tokensAt = (r: (typeof rows)[number]) =>
    tokensCol ? requireCell(r.cells, tokensCol, source, r.line, 'token count') : requireCell(r.cells, step!, source, r.line, 'step') * (opts.tokensPerStep as number);
  const last = rows[rows.length - 1];
  const L = requireCell(last.cells, loss, source, last.line, 'loss');
  const D = tokensAt(last);
  let N = opts.params;
  if (N === undefined) {
    if (!paramsCol) throw new InputError(source, 'logs no parameter count', 'give --params-from-config config.json or name a params column with --params-col');
    const withN = [...table.rows].reverse().find((r) => cellNumber(r.cells[paramsCol.name]) !== undefined);
    N = requireCell((withN ?? last).cells, paramsCol, source, (withN ?? last).line, 'parameter count');
  }
  const curve: TrainingCurve = { params: N, tokens: rows.map(tokensAt), loss: rows.map((r) => requireCell(r.cells, loss, source, r.line, 'loss')) };
  return {
    points: [{ params: N, tokens: D, loss: L }],
    curves: [curve],
    rows: table.rows.length,
    skipped: [],
    columns: {
      params: paramsCol && opts.params === undefined ? paramsCol.name : 'from --params-from-config',
      tokens: tokensCol ? tokensCol.name : `${step!.name} × ${opts.tokensPerStep} tokens/step`,
      loss: `${loss.name} (last logged row, ${last.line})`,
    },
  };
}
