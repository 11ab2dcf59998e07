/**
 * Which records of a sweep results file count (pure): a file may repeat a run
 * (two writers raced — see node/sweep/lock.ts — or files were concatenated) or
 * hold the same training spec from two trainer versions (an older result kept
 * beside its retrained successor). Fitting either twice would weigh that run
 * double, so each training spec counts once:
 *
 * - the same `runKey` twice: the first line is kept, later ones are dropped;
 * - the same spec key (the run key without its `-t<version>` suffix, see
 *   train/version.ts) from different trainer versions: the newest version is
 *   kept, older ones are dropped.
 *
 * Every dropped line is returned with its reason, so readers say which.
 */
import { splitRunKey } from '../train/version.js';

export interface RowRecord<T> {
  /** 1-based line number in the file. */
  row: number;
  record: T;
}

export interface CurrentRuns<T> {
  kept: RowRecord<T>[];
  dropped: { row: number; runKey: string; reason: string }[];
}

export function currentRuns<T extends { runKey?: unknown }>(rows: readonly RowRecord<T>[]): CurrentRuns<T> {
  const byKey = new Map<string, number>(); // runKey → row of its first line
  const bySpec = new Map<string, { row: number; runKey: string; version: number }>();
  const dropped: CurrentRuns<T>['dropped'] = [];
  const firstOfKey: RowRecord<T>[] = [];
  for (const r of rows) {
    const key = typeof r.record.runKey === 'string' ? r.record.runKey : undefined;
    if (key === undefined) {
      firstOfKey.push(r);
      continue;
    }
    const first = byKey.get(key);
    if (first !== undefined) {
      dropped.push({ row: r.row, runKey: key, reason: `${key}: duplicate run key (line ${r.row} repeats line ${first}; the first is kept)` });
      continue;
    }
    byKey.set(key, r.row);
    firstOfKey.push(r);
    const { specKey, trainerVersion } = splitRunKey(key);
    const best = bySpec.get(specKey);
    if (!best || trainerVersion > best.version) bySpec.set(specKey, { row: r.row, runKey: key, version: trainerVersion });
  }
  const kept: RowRecord<T>[] = [];
  for (const r of firstOfKey) {
    const key = typeof r.record.runKey === 'string' ? r.record.runKey : undefined;
    if (key !== undefined) {
      const { specKey, trainerVersion } = splitRunKey(key);
      const best = bySpec.get(specKey)!;
      if (best.runKey !== key) {
        dropped.push({
          row: r.row,
          runKey: key,
          reason: `${key}: trained by trainer version ${trainerVersion}, superseded by ${best.runKey} (version ${best.version}, line ${best.row})`,
        });
        continue;
      }
    }
    kept.push(r);
  }
  dropped.sort((a, b) => a.row - b.row);
  return { kept, dropped };
}
