#!/usr/bin/env node
// Can a Moby Dick sweep of this size identify Approach 3's α? A design calculation
// with the project's own fit and bootstrap (fitChinchilla + bootstrapLaws, as the
// main job uses them): take the law fitted to all 44 moby-isoflop runs as the
// truth, simulate each candidate design's losses from it with the scatter those
// runs show around it (σ = its log-RMSE), refit, bootstrap, and report the 90 %
// interval on α (high/low; the main job calls > ×10 "not identified").
// Candidate designs: the committed quick and moby-isoflop specs, and quick plus
// long runs of small models (large D, so loss ≈ E + A/N^α there), with their
// training cost in tokens. Usage: npm run build && node scripts/alpha-identification.mjs [reps]
import { readFileSync } from 'node:fs';
import { logRmse } from '../packages/core/dist/fit/diagnostics.js';
import { fitChinchilla } from '../packages/core/dist/fit/fitChinchilla.js';
import { lossAtUnchecked } from '../packages/core/dist/laws/decisions.js';
import { createRng } from '../packages/core/dist/random.js';
import { bootstrapLaws } from '../packages/core/dist/verify/bootstrapLaws.js';

const reps = Number(process.argv[2] ?? 3);
const read = (f) => readFileSync(new URL(`../sweeps/results/${f}`, import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const toPoint = (r) => ({ params: r.paramsNonEmbedding, tokens: r.tokens, loss: r.finalValLoss });
const moby = read('moby-isoflop.jsonl').filter((r) => !r.diverged).map(toPoint);
const truthFit = fitChinchilla(moby);
const truth = truthFit.law;
const sigma = logRmse(truth, moby);
const design = (pts) => pts.map((p) => ({ params: p.params, tokens: p.tokens }));
const quick = design(read('quick.jsonl').map(toPoint));
const long = (ns, tokens) => ns.map((params) => ({ params, tokens }));
const designs = [
  ['quick.json (16 runs)', quick],
  ['moby-isoflop.json (44 runs, 2 seeds)', design(moby)],
  ['quick + 4 runs of N 432-3k at 1e7 tokens', [...quick, ...long([432, 768, 1728, 3072], 1e7)]],
  ['quick + 8 runs of N 432-13.8k at 1e7 and 3e7 tokens', [...quick, ...long([432, 768, 1728, 3072], 1e7), ...long([432, 1728, 6144, 13824], 3e7)]],
];
console.log(`truth: moby-isoflop fit E ${truth.E.toFixed(3)}, A ${truth.A.toFixed(1)}, alpha ${truth.alpha.toFixed(3)}, B ${truth.B.toFixed(0)}, beta ${truth.beta.toFixed(3)}; scatter sigma ${sigma.toFixed(4)} in ln loss`);
for (const [name, pts] of designs) {
  const tokens = pts.reduce((s, p) => s + p.tokens, 0);
  const ratios = [];
  for (let k = 0; k < reps; k++) {
    const rng = createRng(100 + k);
    const sim = pts.map((p) => ({ ...p, loss: lossAtUnchecked(truth, p.params, p.tokens) * Math.exp(sigma * rng.normal()) }));
    const fit = fitChinchilla(sim);
    try {
      const alphas = bootstrapLaws(sim, fit, 200, 7 + k).laws.map((l) => l.alpha).sort((x, y) => x - y);
      const lo = alphas[Math.floor(0.05 * (alphas.length - 1))];
      const hi = alphas[Math.ceil(0.95 * (alphas.length - 1))];
      ratios.push(`${fit.law.alpha.toFixed(2)} [${lo.toFixed(2)}, ${hi.toFixed(2)}] x${(hi / lo).toFixed(1)}`);
    } catch (err) {
      // the fit itself ran off (A or α not finite): nothing to bootstrap from
      ratios.push(`fit alpha ${fit.law.alpha.toPrecision(3)}, A ${fit.law.A.toPrecision(3)}: ${err.message}`);
    }
  }
  const cells = ratios.join('; ');
  console.log(`${name}: ${(tokens / 1e6).toFixed(1)}M tokens; alpha 90 %: ${cells}`);
}
