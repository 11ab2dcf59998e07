/**
 * The runs of a sweep results file (JSON lines) as repeated-data points for `fitRepeatDecay`:
 * tokens, the unique-token cap of the run's dataset (`spec.dataset.uniqueTokens`, absent for
 * unique data) and the final validation loss, grouped by model size. Pure: the caller reads the file.
 * Repeated or superseded runs count once (fit/duplicateRuns.ts); diverged runs are left out and listed.
 */
import { InputError } from '../errors.js';
import { currentRuns } from './duplicateRuns.js';
import type { RepeatRun } from './repeatDecay.js';

interface RecordLike {
  runKey?: string;
  paramsNonEmbedding?: number;
  tokens?: number;
  finalValLoss?: number;
  diverged?: boolean;
  spec?: { dataset?: { uniqueTokens?: number } };
}

export interface RepeatRunGroup {
  paramsNonEmbedding: number;
  runs: RepeatRun[];
}

/**
 * The runs of a sweep results file as repeated-data points for fitRepeatDecay, grouped by
 * model size (see the module comment): repeated or superseded runs count once, diverged runs
 * are left out and listed.
 *
 * @param text - the results file's text (JSON lines)
 * @param source - the name used in messages (default 'results')
 * @returns one group of runs per non-embedding parameter count, and the runs skipped with why
 * @throws InputError naming the line for a line that is not JSON
 * @example
 * ```ts
 * import { repeatRunsFromResults } from '@scaling-lab/core';
 * const text = [1e9, 2e9, 4e9].map((tokens, i) => JSON.stringify({ runKey: `k${i}`, paramsNonEmbedding: 1e7, tokens,
 *   finalValLoss: 3 - i / 10, spec: { dataset: { uniqueTokens: 1e9 } } })).join('\n');
 * repeatRunsFromResults(text).groups[0].runs.length; // → 3
 * ```
 */
export function repeatRunsFromResults(text: string, source = 'results'): { groups: RepeatRunGroup[]; skipped: string[] } {
  const parsed: { row: number; record: RecordLike }[] = [];
  text.split(/\r?\n/).forEach((line, k) => {
    if (!line.trim()) return;
    let r: unknown;
    try {
      r = JSON.parse(line);
    } catch {
      throw new InputError(`${source} line ${k + 1}`, 'is not valid JSON', 'give a sweep results file: one JSON object per line');
    }
    if (typeof r !== 'object' || r === null || Array.isArray(r)) throw new InputError(`${source} line ${k + 1}`, 'is not a JSON object', 'give a sweep results file: one JSON object per line');
    parsed.push({ row: k + 1, record: r as RecordLike });
  });
  const current = currentRuns(parsed);
  const skipped = current.dropped.map((d) => `line ${d.row}: ${d.reason}`);
  const byN = new Map<number, RepeatRun[]>();
  for (const { row, record: r } of current.kept) {
    if (r.diverged || !(typeof r.finalValLoss === 'number' && r.finalValLoss > 0)) {
      skipped.push(`line ${row}: ${r.runKey ?? ''} diverged or has no finite finalValLoss`);
      continue;
    }
    const N = r.paramsNonEmbedding;
    if (!(typeof N === 'number' && N > 0) || !(typeof r.tokens === 'number' && r.tokens > 0)) {
      throw new InputError(`${source} line ${row}`, 'has no paramsNonEmbedding or tokens', 'give sweep results written by `scaling-lab sweep`');
    }
    const u = r.spec?.dataset?.uniqueTokens;
    const run: RepeatRun = u === undefined ? { tokens: r.tokens, loss: r.finalValLoss } : { tokens: r.tokens, uniqueTokens: u, loss: r.finalValLoss };
    byN.set(N, [...(byN.get(N) ?? []), run]);
  }
  return { groups: [...byN].sort((a, b) => a[0] - b[0]).map(([paramsNonEmbedding, runs]) => ({ paramsNonEmbedding, runs })), skipped };
}
