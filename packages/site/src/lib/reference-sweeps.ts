/**
 * BUILD TIME ONLY (reads files): the committed reference sweeps under
 * `sweeps/results/*.jsonl`, parsed and fitted with core (parseResults — the one
 * results-file parser —, parseSweepResults,
 * fitChinchilla — Approach 3, fitIsoflop — Approach 2, logResiduals). Pages
 * embed the results as JSON; the browser never re-fits them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  fitChinchilla,
  fitIsoflop,
  logResiduals,
  logRmse,
  parseResults,
  parseSweepResults,
  type ChinchillaLaw,
  type Identification,
  type IsoflopFit,
  type ScalingPoint,
} from '@scaling-lab/core';

export interface SweepRun {
  runKey: string;
  layers: number;
  dModel: number;
  paramsNonEmbedding: number;
  paramsTotal: number;
  tokens: number;
  flops: number;
  /** The design coordinate that groups runs in the legend: the isoFLOP budget, or the epochs design's unique-token cap. */
  group: { kind: 'budget'; flops: number } | { kind: 'unique'; tokens: number | null };
  finalValLoss: number | null;
  diverged: boolean;
  curve: { tokens: number; trainLoss: number; valLoss?: number }[];
}

function groupOf(r: { flops6ND: number; sweep?: { design?: string; flopsBudget?: number; uniqueTokens?: number } }): SweepRun['group'] {
  const sw = r.sweep;
  if (sw?.design === 'epochs') return { kind: 'unique', tokens: typeof sw.uniqueTokens === 'number' ? sw.uniqueTokens : null };
  // Counted 6ND differs from the nominal budget run to run: group by the budget the sweep planned.
  return { kind: 'budget', flops: typeof sw?.flopsBudget === 'number' ? sw.flopsBudget : Number(r.flops6ND.toPrecision(2)) };
}

export interface ReferenceSweep {
  name: string;
  file: string;
  runs: SweepRun[];
  points: ScalingPoint[];
  skipped: { row: number; reason: string }[];
  /** `identification` is core's fit/identification.ts verdict: the page says "this fit is not identified: …" beside the numbers. */
  chinchilla: { law: ChinchillaLaw; logRmse: number; residuals: number[]; identification: Identification } | { error: string };
  isoflop: Pick<IsoflopFit, 'profiles' | 'skipped' | 'a' | 'b' | 'identification'> | { error: string };
}

function repoRoot(): string {
  let dir = process.cwd();
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'sweeps')) && existsSync(join(dir, 'packages'))) return dir;
    dir = dirname(dir);
  }
  return resolve(process.cwd(), '../..');
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

let cache: ReferenceSweep[] | undefined;

/** Every results file, parsed and fitted (cached for the build). */
export function referenceSweeps(): ReferenceSweep[] {
  if (cache) return cache;
  const dir = join(repoRoot(), 'sweeps/results');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort() : [];
  cache = files.flatMap((file): ReferenceSweep[] => {
    const text = readFileSync(join(dir, file), 'utf8');
    if (!text.trim()) return [];
    const runs: SweepRun[] = parseResults(text).records.map((r) => ({
      runKey: r.runKey,
      layers: r.spec.model.layers,
      dModel: r.spec.model.dModel,
      paramsNonEmbedding: r.paramsNonEmbedding,
      paramsTotal: r.paramsTotal,
      tokens: r.tokens,
      flops: r.flops6ND,
      group: groupOf(r),
      finalValLoss: r.finalValLoss,
      diverged: !!r.diverged,
      curve: (r.curve ?? []).map((p) => ({ tokens: p.tokens, trainLoss: p.trainLoss, valLoss: p.valLoss })),
    }));
    let parsed;
    try {
      parsed = parseSweepResults(text, { source: file });
    } catch (e) {
      return [{ name: file.replace(/\.jsonl$/, ''), file, runs, points: [], skipped: [], chinchilla: { error: message(e) }, isoflop: { error: message(e) } }];
    }
    const points = parsed.points;
    let chinchilla: ReferenceSweep['chinchilla'];
    try {
      const fit = fitChinchilla(points);
      chinchilla = { law: fit.law, logRmse: logRmse(fit.law, points), residuals: Array.from(logResiduals(fit.law, points)), identification: fit.identification! };
    } catch (e) {
      chinchilla = { error: message(e) };
    }
    let isoflop: ReferenceSweep['isoflop'];
    try {
      const f = fitIsoflop(points);
      isoflop = { profiles: f.profiles, skipped: f.skipped, a: f.a, b: f.b, identification: f.identification };
    } catch (e) {
      isoflop = { error: message(e) };
    }
    return [{ name: file.replace(/\.jsonl$/, ''), file, runs, points, skipped: parsed.skipped, chinchilla, isoflop }];
  });
  return cache;
}
