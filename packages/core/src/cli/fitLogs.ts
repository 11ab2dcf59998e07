/**
 * The file side of reading training logs for `scaling-lab fit` (pure parsing lives in
 * fit/readers): reads a file or walks a folder of runs, reads `--params-from-config`, and adds
 * the log-mapping flags to the command.
 *
 * A folder: every `trainer_state.json` (Hugging Face Trainer) or, failing that, every
 * `*.csv`/`*.jsonl` history file below it is one run. Trainer saves a state in the output
 * folder and in each `checkpoint-*`; per run folder the state with the highest `global_step`
 * is used. A run's N comes from `--params-from-config`, else the `config.json` beside its
 * state (or in the run folder above a checkpoint), else from `total_flos`.
 */
import { scalingLabJsonKind } from '../jsonKind.js';
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { Option, type Command } from 'commander';
import { InputError } from '../errors.js';
import type { ParsedInput } from '../fit/parseInput.js';
import { readConfigArchitecture } from './configFile.js';
import { readTextFile } from './readFile.js';
import { paramsFromArchitecture } from '../estimate/params.js';
import { combineRuns, LOG_FORMATS, parseLog, type LogFormat, type ParseLogOptions } from '../fit/readers/parseLog.js';
import { numberArg } from './util.js';
import { aggregateForFit, MAX_FIT_POINTS, pointColumns } from '../fit/aggregate.js';
import { detectLogFormat } from '../fit/readers/parseLog.js';
import { looksLikeJsonl } from '../fit/readers/table.js';
import { looksLikeTrainerState } from '../fit/readers/trainerState.js';
import { peekFile, streamScalingCsv } from './streamCsv.js';

export interface LogCliOptions {
  params?: 'nonEmbedding' | 'total';
  format?: LogFormat;
  paramsCol?: string;
  tokensCol?: string;
  flopsCol?: string;
  lossCol?: string;
  paramsFromConfig?: string;
  tokensPerStep?: number;
  /** `--bin <decades>`: average points in cells of this width in log N × log D (fit/aggregate.ts). */
  bin?: number;
  /** Output is JSON: no progress bar. */
  json?: boolean;
}

/** N from a Hugging Face config.json: non-embedding (default) or total, as `--params` says. */
export function paramsFromConfigFile(file: string, kind: LogCliOptions['params'], flag = '--params-from-config'): number {
  const b = paramsFromArchitecture(readConfigArchitecture(file, flag).architecture);
  return kind === 'total' ? b.total : b.nonEmbedding;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

function readFolder(dir: string, opts: LogCliOptions, base: Omit<ParseLogOptions, 'source'>): ParsedInput {
  const files = walk(dir).sort();
  const states = files.filter((f) => basename(f) === 'trainer_state.json');
  if (!states.length) {
    const logs = files.filter((f) => /\.(csv|jsonl|ndjson)$/i.test(f));
    return combineRuns(logs.map((f) => parseLog(readTextFile(f, 'file', 'check the folder'), { ...base, source: f })), dir);
  }
  // One state per run folder: a checkpoint-N folder belongs to the folder above it.
  const byRun = new Map<string, { file: string; steps: number; text: string }>();
  for (const f of states) {
    const text = readTextFile(f, 'file', 'check the folder');
    const steps = Number(/"global_step"\s*:\s*(\d+)/.exec(text)?.[1] ?? 0);
    const runDir = dirname(f).replace(/[/\\]checkpoint-\d+$/, '');
    const prev = byRun.get(runDir);
    if (!prev || steps > prev.steps) byRun.set(runDir, { file: f, steps, text });
  }
  const runs = [...byRun.entries()].map(([runDir, s]) => {
    let params = base.params;
    if (params === undefined) {
      const config = [join(dirname(s.file), 'config.json'), join(runDir, 'config.json')].find((c) => {
        try {
          return statSync(c).isFile();
        } catch {
          return false;
        }
      });
      if (config) params = paramsFromConfigFile(config, opts.params, relative(process.cwd(), config) || config);
    }
    return parseLog(s.text, { ...base, params, source: s.file, format: 'hf-trainer-state' });
  });
  return combineRuns(runs, dir);
}

/** Reads `file` (a log file or a folder of runs) into fit input. */
/** Rows above which `fit` refuses a single file (see readLogInput). */
export const MAX_FIT_ROWS = 200_000;

export function readLogInput(file: string, opts: LogCliOptions): ParsedInput {
  const base: Omit<ParseLogOptions, 'source'> = {
    format: opts.format,
    paramsCol: opts.paramsCol,
    tokensCol: opts.tokensCol,
    flopsCol: opts.flopsCol,
    lossCol: opts.lossCol,
    tokensPerStep: opts.tokensPerStep,
    paramsKind: opts.params,
    params: opts.paramsFromConfig ? paramsFromConfigFile(opts.paramsFromConfig, opts.params) : undefined,
  };
  let isDir = false;
  try {
    isDir = statSync(file).isDirectory();
  } catch {
    /* not there: readTextFile names it below */
  }
  if (isDir) return reduced(readFolder(file, opts, base), opts, file);
  // A plain CSV of runs (the big-input case) is streamed line by line; other formats are read whole.
  const head = peekFile(file);
  const plainCsv = head !== '' && (opts.format === undefined || opts.format === 'auto' || opts.format === 'runs') && !looksLikeJsonl(head) && !looksLikeTrainerState(head) && !scalingLabJsonKind(head) &&
    !base.paramsCol && !base.tokensCol && !base.flopsCol && !base.lossCol && base.params === undefined && detectLogFormat(head.slice(0, Math.max(head.lastIndexOf('\n'), 1))) === 'runs';
  if (plainCsv) {
    const reader = streamScalingCsv(file, { source: file, flag: 'file', progress: !opts.json });
    if (reader.rows === 0) return reader.finish(); // its message: no data rows under a header
    const agg = aggregateForFit(reader.columns(), { binDecades: opts.bin, source: file });
    return { points: agg.points, rows: reader.rows, skipped: agg.notes.map((reason) => ({ row: 0, reason })), columns: reader.columnNames() };
  }
  const text = readTextFile(file, 'file', 'give a CSV, a sweep results .jsonl, a trainer_state.json, a folder of runs, or "chinchilla"');
  // A fit wants one row per run (its final loss); 1.7M rows of a 50 MB log took 300 s and 1 GB unread.
  // Past MAX_FIT_ROWS the input is refused with the way out, before any parsing.
  let rows = 0;
  for (let i = text.indexOf('\n'); i !== -1 && rows <= MAX_FIT_ROWS; i = text.indexOf('\n', i + 1)) rows++;
  if (rows > MAX_FIT_ROWS) {
    throw new InputError('file', `"${file}" has more than ${MAX_FIT_ROWS.toLocaleString('en-US')} rows (${(text.length / 1e6).toFixed(1)} MB)`, 'aggregate it to one row per run (params, tokens, final loss) first; a scaling-law fit needs runs, not every logged step');
  }
  const kind = scalingLabJsonKind(text);
  if (kind) throw new InputError('file', `"${file}" is ${kind}, not training runs`, 'give the runs themselves: a CSV, a sweep results .jsonl, a trainer_state.json or a folder of runs');
  return reduced(parseLog(text, { ...base, source: file }), opts, file);
}

/** Past MAX_FIT_POINTS (or with --bin), the points reduced as fit/aggregate.ts says; unchanged otherwise. */
function reduced(parsed: ParsedInput, opts: LogCliOptions, source: string): ParsedInput {
  if (parsed.points.length <= MAX_FIT_POINTS && opts.bin === undefined) return parsed;
  const agg = aggregateForFit(pointColumns(parsed.points), { binDecades: opts.bin, source });
  return { ...parsed, curves: undefined, points: agg.points, skipped: [...parsed.skipped, ...agg.notes.map((reason) => ({ row: 0, reason }))] };
}

/** Adds the log-reading flags to `fit`. */
export function addLogOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--format <kind>', 'input format (auto detects by content)').choices([...LOG_FORMATS]).default('auto'))
    .option('--params-col <name[:unit]>', 'column holding N (unit k|M|B|T or a number multiplies it: size_M:M)')
    .option('--tokens-col <name[:unit]>', 'column holding the training tokens D')
    .option('--flops-col <name[:unit]>', 'column holding the training FLOP C (D = C / 6N)')
    .option('--loss-col <name>', 'column holding the final (evaluation) loss')
    .option('--params-from-config <config.json>', 'count N from a Hugging Face config.json (non-embedding unless --params total)')
    .option('--bin <decades>', `average the points in cells of this width in log10 N and log10 D before fitting (e.g. 0.05); inputs of more than ${MAX_FIT_POINTS.toLocaleString('en-US')} distinct (N, D) points need it or aggregating per run`, numberArg('bin', { positive: true, min: 0.001, max: 1 }))
    .option('--tokens-per-step <n>', 'tokens per optimizer step (batch × sequence length) for logs that record only the step', numberArg('tokens-per-step', { positive: true }));
}
