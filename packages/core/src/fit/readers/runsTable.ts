/**
 * One training run per row → fit points (pure). Serves any CSV or JSON lines of runs and the
 * Weights & Biases runs-table export (Runs → Export CSV: one row per run, config and summary
 * columns such as `n_params`, `train/tokens`, `eval/loss`, and a `State` column).
 *
 * N, loss and D (or C, D = C/6N) are required; columns come from the user's `--*-col` flags
 * or the first alias found. N may instead be fixed for every row (`paramsFromConfig`).
 * W&B rows whose State is not `finished` (crashed, failed, running, killed) are skipped and
 * counted, since their summary loss is not a final loss.
 */
import { InputError } from '../../errors.js';
import { tokensForTrainingFlopsUnchecked } from '../../estimate/flops.js';
import type { ParsedInput } from '../parseInput.js';
import type { ScalingPoint } from '../points.js';
import { findColumn, namedColumn, requireCell, type ColumnChoice, type Quantity } from './columns.js';
import type { LogTable } from './table.js';

/** Column names people log, per quantity, in the order they are tried. */
export const RUN_ALIASES: Record<Quantity, readonly string[]> = {
  params: ['params', 'n', 'parameters', 'model size', 'n_params', 'num_params', 'num_parameters', 'model/num_parameters', 'params_non_embedding', 'non_embedding_params', 'paramsNonEmbedding', 'params_total', 'paramsTotal', 'model.n_params'],
  tokens: ['tokens', 'd', 'training tokens', 'n_tokens', 'num_tokens', 'tokens_seen', 'train/tokens', 'train/tokens_seen', 'num_input_tokens_seen', 'train/num_input_tokens_seen', 'total_tokens'],
  flops: ['flops', 'c', 'compute', 'training flop', 'training flops', 'total_flos', 'train/total_flos'],
  loss: ['loss', 'l', 'final loss', 'val_loss', 'final_val_loss', 'finalValLoss', 'valid loss', 'validation loss', 'eval/loss', 'eval_loss', 'val/loss', 'validation/loss', 'test/loss', 'train/loss', 'train_loss'],
};

export interface ColumnFlags {
  paramsCol?: string;
  tokensCol?: string;
  flopsCol?: string;
  lossCol?: string;
}

export interface RunsTableOptions extends ColumnFlags {
  source: string;
  /** Parameter count for every row (from `--params-from-config`), instead of a column. */
  params?: number;
  /** Name of the State column whose non-`finished` rows are skipped (W&B). */
  stateColumn?: string;
}

const FLAG: Record<Quantity, string> = { params: '--params-col', tokens: '--tokens-col', flops: '--flops-col', loss: '--loss-col' };
const OPT: Record<Quantity, keyof ColumnFlags> = { params: 'paramsCol', tokens: 'tokensCol', flops: 'flopsCol', loss: 'lossCol' };

/** Picks the column for each quantity: the user's flag, else an alias; undefined when neither. */
export function chooseColumns(table: LogTable, opts: ColumnFlags & { source: string }, aliases = RUN_ALIASES): Partial<Record<Quantity, ColumnChoice>> {
  const out: Partial<Record<Quantity, ColumnChoice>> = {};
  for (const q of ['params', 'tokens', 'flops', 'loss'] as const) {
    const spec = opts[OPT[q]];
    out[q] = spec ? namedColumn(table, spec, FLAG[q], opts.source) : findColumn(table.header, aliases[q]);
  }
  // A user-named tokens column wins over an aliased flops column, and vice versa.
  if (opts.tokensCol && !opts.flopsCol) delete out.flops;
  if (opts.flopsCol && !opts.tokensCol) delete out.tokens;
  return out;
}

export function pointsFromRunsTable(table: LogTable, opts: RunsTableOptions): ParsedInput {
  const { source } = opts;
  const col = chooseColumns(table, opts);
  // An N the user gave (from a config.json) wins over a logged column.
  if (opts.params !== undefined && !opts.paramsCol) delete col.params;
  const missing: string[] = [];
  if (!col.params && opts.params === undefined) missing.push('params (--params-col, or --params-from-config config.json)');
  if (!col.loss) missing.push('loss (--loss-col)');
  if (!col.tokens && !col.flops) missing.push('tokens (--tokens-col) or flops (--flops-col)');
  if (missing.length) {
    throw new InputError(source, `no column found for ${missing.join(', ')}; it has ${table.header.map((h) => JSON.stringify(h)).join(', ')}`, 'name the columns with those flags');
  }
  if (!table.rows.length) throw new InputError(source, 'has a header but no rows', 'give one row per training run');
  const state = opts.stateColumn && table.header.includes(opts.stateColumn) ? opts.stateColumn : undefined;
  const points: ScalingPoint[] = [];
  const skipped: ParsedInput['skipped'] = [];
  for (const { line, cells } of table.rows) {
    if (state) {
      const s = String(cells[state] ?? '').trim().toLowerCase();
      if (s && s !== 'finished') {
        skipped.push({ row: line, reason: `row ${line}: ${state} is "${s}"` });
        continue;
      }
    }
    const N = col.params ? requireCell(cells, col.params, source, line, 'parameter count') : (opts.params as number);
    const L = requireCell(cells, col.loss!, source, line, 'loss');
    const C = col.flops ? requireCell(cells, col.flops, source, line, 'training FLOP') : undefined;
    const D = col.tokens ? requireCell(cells, col.tokens, source, line, 'token count') : tokensForTrainingFlopsUnchecked(C as number, N);
    points.push(C === undefined ? { params: N, tokens: D, loss: L } : { params: N, tokens: D, flops: C, loss: L });
  }
  const unit = (c?: ColumnChoice) => (c ? `${c.name}${c.scale !== 1 ? ` × ${c.scale}` : ''}` : undefined);
  return {
    points,
    rows: table.rows.length,
    skipped,
    columns: {
      params: unit(col.params) ?? 'from --params-from-config',
      tokens: unit(col.tokens) ?? `${unit(col.flops)} / (6 N)`,
      flops: unit(col.flops),
      loss: unit(col.loss)!,
    },
  };
}
