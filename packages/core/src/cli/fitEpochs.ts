/**
 * `scaling-lab fit-epochs <results.jsonl>`: fits the decay constant R*_D of repeated tokens
 * (Muennighoff et al. 2023, §3) on a sweep with unique-token caps (design "epochs", e.g.
 * sweeps/moby-epochs.json), per model size, with a bootstrap interval, beside the paper's value.
 */
import { readTextFile } from './readFile.js';
import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { formatCount, sig } from '../format.js';
import { bootstrapRepeatDecay } from '../fit/repeatDecay.js';
import { repeatRunsFromResults } from '../fit/repeatRuns.js';
import { MUENNIGHOFF2023 } from '../laws/dataConstrained.js';
import { action, numberArg, printJson } from './util.js';
import { oneLineErrors } from './oneLineErrors.js';

export function runFitEpochs(file: string, opts: { samples: number; seed: number; minTokens?: number }) {
  const text = readTextFile(file, 'results', 'give a results file written by `scaling-lab sweep`');
  const { groups: all, skipped } = repeatRunsFromResults(text, file);
  const minTokens = opts.minTokens ?? 0;
  const groups = all.map((g) => {
    const short = g.runs.filter((r) => r.tokens < minTokens).length;
    if (short) skipped.push(`${short} run(s) of N = ${formatCount(g.paramsNonEmbedding)} below --min-tokens ${formatCount(minTokens)}`);
    return { ...g, runs: g.runs.filter((r) => r.tokens >= minTokens) };
  });
  const fits = groups
    .filter((g) => g.runs.some((r) => r.uniqueTokens !== undefined && r.tokens / r.uniqueTokens > 1.5))
    .map((g) => ({ paramsNonEmbedding: g.paramsNonEmbedding, ...bootstrapRepeatDecay(g.runs, opts) }));
  if (!fits.length) throw new InputError('results', `no model size in "${file}" has runs that repeat their data`, 'run a sweep with the "epochs" design, e.g. sweeps/moby-epochs.json');
  return { file, minTokens, fits, skipped, paper: { repeatDecayTokens: MUENNIGHOFF2023.repeatDecayTokens, source: 'Muennighoff et al. 2023, §3 (C4, models of 10M–9B parameters); no interval published' } };
}

export function registerFitEpochs(program: Command): void {
  oneLineErrors(program.command('fit-epochs <results>'))
    .description("fit the decay constant R*_D of repeated tokens (Muennighoff et al. 2023) on a sweep with unique-token caps, with a bootstrap interval")
    .option('--bootstrap <n>', 'bootstrap resamples over runs', numberArg('bootstrap', { min: 20, max: 100000 }), 500)
    .option('--seed <n>', 'bootstrap seed', numberArg('seed', { min: 0 }), 42)
    .option('--min-tokens <n>', 'leave out runs shorter than this (e.g. 1e5: tiny models on Moby Dick sit on the unigram plateau below ~1e5 tokens)', numberArg('min-tokens', { min: 0 }), 0)
    .option('--json', 'print JSON')
    .action(
      action((file: string, opts: { bootstrap: number; seed: number; minTokens: number; json?: boolean }) => {
        const r = runFitEpochs(file, { samples: opts.bootstrap, seed: opts.seed, minTokens: opts.minTokens });
        if (opts.json) return printJson(r);
        const out: string[] = [];
        for (const f of r.fits) {
          out.push(
            `N = ${formatCount(f.paramsNonEmbedding)} non-embedding params, ${f.runs} runs: L = ${sig(f.E, 4)} + ${sig(f.B, 4)}/D′^${sig(f.beta, 3)}, R*_D = ${sig(f.repeatDecayTokens, 3)} (90% bootstrap interval ${sig(f.interval90[0], 3)}–${sig(f.interval90[1], 3)}, ${f.samples} resamples), log-RMSE ${sig(f.rmseLog, 3)}`,
          );
          if (!f.identified) out.push('  R*_D is NOT identified: a law without any cost of repetition fits as well, or the best value sits at the edge of the search range.');
          if (f.unidentifiedShare > 0.05) out.push(`  ${sig(100 * f.unidentifiedShare, 3)}% of bootstrap fits were not identified (the interval's edge is the search range's).`);
        }
        out.push(`Paper: R*_D = ${sig(r.paper.repeatDecayTokens, 3)} (${r.paper.source}).`);
        if (r.skipped.length) out.push(`Skipped: ${r.skipped.join('; ')}`);
        process.stdout.write(`${out.join('\n')}\n`);
      }),
    );
}
