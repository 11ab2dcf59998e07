/**
 * The records of a results file that stand for a sweep's planned runs, for
 * fitting and reports: matched by spec key (the run key without its trainer
 * version, train/version.ts), so results written by an older trainer still
 * count when no current one exists (they are not current for resume: the
 * runner retrains them under the new key), and each spec counts once
 * (fit/duplicateRuns.ts). `notes` says what was dropped and why.
 */
import { currentRuns } from '../../fit/duplicateRuns.js';
import { splitRunKey, TRAINER_VERSION } from '../../train/version.js';
import type { ParsedResults } from '../../sweep/results.js';
import type { PlannedRun, SweepRecord } from '../../sweep/types.js';

/**
 * The records of a results file that stand for a sweep's planned runs, matched by spec key
 * (the run key without its trainer version), one per spec: a current-trainer record wins
 * over an older one (fit/duplicateRuns.ts). `notes` says what was dropped and why.
 *
 * @param parsed - the results file (readResults)
 * @param runs - the sweep's planned runs (expandSweep)
 * @param source - the file's name for the notes
 * @returns the `records` to fit and the `notes`
 * @example
 * ```ts
 * import { recordsForRuns } from '@scaling-lab/core/node';
 * import { parseResults } from '@scaling-lab/core';
 * const lines = ['{"runKey":"s-D1-s0-aaaaaaaa-t4","finalValLoss":2}', '{"runKey":"other-D1-s0-bbbbbbbb-t4","finalValLoss":3}'];
 * const runs = [{ runKey: 's-D1-s0-aaaaaaaa-t4' }];
 * recordsForRuns(parseResults(lines.join('\n') + '\n'), runs as never, 'tiny.jsonl').records.length; // → 1
 * ```
 */
export function recordsForRuns(parsed: ParsedResults, runs: readonly PlannedRun[], source: string): { records: SweepRecord[]; notes: string[] } {
  const wanted = new Set(runs.map((r) => splitRunKey(r.runKey).specKey));
  const notes: string[] = [];
  if (parsed.duplicates.length) {
    notes.push(`${source} repeats ${parsed.duplicates.length} run key(s) (${[...new Set(parsed.duplicates)].slice(0, 5).join(', ')}${parsed.duplicates.length > 5 ? ', …' : ''}); each counted once, the first line kept`);
  }
  const mine = parsed.records.filter((r) => wanted.has(splitRunKey(r.runKey).specKey));
  const current = currentRuns(mine.map((record, i) => ({ row: i + 1, record })));
  const superseded = current.dropped.length;
  if (superseded) notes.push(`${superseded} run(s) in ${source} from an older trainer are superseded by retrained ones and left out`);
  const records = current.kept.map((k) => k.record);
  const old = records.filter((r) => splitRunKey(r.runKey).trainerVersion < TRAINER_VERSION).length;
  if (old) notes.push(`${old} of the ${records.length} runs used were trained by an older trainer version (not current: a resumed sweep retrains them)`);
  return { records, notes };
}
