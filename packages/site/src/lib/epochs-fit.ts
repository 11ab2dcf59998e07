/**
 * Build time only (reads the committed sweep): the R*_D fit of sweeps/results/moby-epochs.jsonl
 * with core's bootstrapRepeatDecay, runs of at least 1e5 tokens (below that tiny models sit on
 * the unigram plateau; see sweeps/README.md), for the Beyond Chinchilla page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bootstrapRepeatDecay, repeatRunsFromResults, sig } from '@scaling-lab/core';

export const EPOCHS_FIT_MIN_TOKENS = 1e5;

export function mobyEpochsFit(): string | null {
  const file = join(resolve(process.cwd(), '../..'), 'sweeps/results/moby-epochs.jsonl');
  if (!existsSync(file)) return null;
  const { groups } = repeatRunsFromResults(readFileSync(file, 'utf8'), 'moby-epochs.jsonl');
  const g = groups[0];
  if (!g) return null;
  const runs = g.runs.filter((r) => r.tokens >= EPOCHS_FIT_MIN_TOKENS);
  const f = bootstrapRepeatDecay(runs, { samples: 300, seed: 42 });
  return `R*_D = ${sig(f.repeatDecayTokens, 3)} (90% bootstrap interval ${sig(f.interval90[0], 3)}–${sig(f.interval90[1], 3)}, ${runs.length} runs of at least 1e5 tokens, ${f.samples} resamples)${f.identified ? '' : ' — not identified'}`;
}
