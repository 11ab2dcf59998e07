/**
 * `scaling-lab optimal`: the compute-optimal model for a budget (or for a target loss)
 * under a published law or a fit JSON written by `scaling-lab fit`.
 *
 *   scaling-lab optimal --compute 5.76e23 --law hoffmann2022
 *   scaling-lab optimal --target-loss 2.0 --law fit.json --params 30B
 *
 * A fit JSON from Approach 1 or 2 has no L(N, D) law, only the frontier N_opt = k·C^a,
 * D_opt = k·C^b: it answers --compute with N_opt and D_opt (no loss).
 */
import type { Command } from 'commander';
import { InputError, requireNumber } from '../errors.js';
import { formatCO2eKg, formatCount, formatDuration, formatEnergyKWh, formatFlops, formatUsd, sig } from '../format.js';
import { estimateAllocation, optimalFor } from '../laws/costForLoss.js';
import { frontierExponents, lossAt, marginalLossPerDoubling, wrongSizePenalty } from '../laws/decisions.js';
import { getPublishedLaw } from '../laws/published.js';
import type { Law } from '../laws/types.js';
import { validateLaw } from '../laws/validate.js';
import { action, numberArg, printJson } from './util.js';
import { atRoot, isLawFile, readLawJson, refuseUnidentified } from './lawFile.js';
import { readingFile } from './flags.js';
import { oneLineErrors } from './oneLineErrors.js';
import { kaplanAllocationLines, runDataConstrained, runInferenceAware } from './optimalBeyond.js';

export type LoadedLawArg =
  | { kind: 'law'; law: Law; label: string }
  | { kind: 'frontier'; label: string; params: { coefficient: number; exponent: number }; tokens: { coefficient: number; exponent: number } };

/** A published law id (see `scaling-lab laws`) or a fit JSON file holding `law` (or, from Approach 1/2, `frontier`). */
export function loadLawArg(arg: string): LoadedLawArg {
  if (!isLawFile(arg)) {
    const p = getPublishedLaw(arg);
    return { kind: 'law', law: p.law, label: `${p.id}: ${p.citation}` };
  }
  const json = readLawJson(arg);
  refuseUnidentified(arg, json);
  if (json.law) return { kind: 'law', law: readingFile('--law', arg, () => validateLaw(json.law, 'law')), label: arg };
  if (json.frontier !== undefined) {
    // Each field checked by its JSON path, so a bad one is named (not "holds neither law nor frontier").
    const frontier = readingFile('--law', arg, () => {
      const fr = json.frontier as Record<string, Record<string, unknown> | undefined>;
      const power = (key: 'params' | 'tokens') => {
        const x = fr?.[key];
        if (typeof x !== 'object' || x === null) throw new InputError(`frontier.${key}`, `is ${JSON.stringify(x)}`, 'give { "coefficient": k, "exponent": a } as `scaling-lab fit --approach 2 --out` writes');
        return { coefficient: requireNumber(`frontier.${key}.coefficient`, x.coefficient, { exclusiveMin: 0 }), exponent: requireNumber(`frontier.${key}.exponent`, x.exponent) };
      };
      return { params: power('params'), tokens: power('tokens') };
    });
    return { kind: 'frontier', label: arg, ...frontier };
  }
  if ('form' in json) return { kind: 'law', law: readingFile('--law', arg, () => validateLaw(json, 'law'), atRoot), label: arg };
  throw new InputError('--law', `"${arg}" holds neither "law" nor "frontier"`, 'give a fit JSON written by `scaling-lab fit --out`');
}

interface OptimalOptions {
  law?: string;
  uniqueTokens?: number;
  inferenceTokens?: number;
  inferenceHardware?: string;
  inferenceMfu?: number;
  compute?: number;
  targetLoss?: number;
  params?: number;
  doublings: number;
  hardware?: string;
  count?: number;
  mfu?: number;
  region?: string;
  json?: boolean;
}

export function runOptimal(opts: OptimalOptions): { json: Record<string, unknown>; text: string[] } {
  if ((opts.compute === undefined) === (opts.targetLoss === undefined)) {
    throw new InputError('--compute', 'give exactly one of --compute and --target-loss', 'e.g. --compute 1e24 or --target-loss 2.0');
  }
  const given = opts.law !== undefined ? loadLawArg(opts.law) : undefined;
  if (given?.kind === 'frontier' && (opts.uniqueTokens !== undefined || opts.inferenceTokens !== undefined)) {
    throw new InputError('--law', `${given.label} holds only a compute-optimal frontier (Approach 1/2), no loss law`, 'use a fit from --approach 3, or leave out --law');
  }
  const givenLaw = given?.kind === 'law' ? given : undefined;
  if (opts.uniqueTokens !== undefined) return runDataConstrained({ compute: opts.compute, uniqueTokens: opts.uniqueTokens, law: givenLaw?.law, lawLabel: givenLaw?.label });
  if (opts.inferenceTokens !== undefined) {
    return runInferenceAware({ ...opts, targetLoss: opts.targetLoss, inferenceTokens: opts.inferenceTokens, law: givenLaw?.law, lawLabel: givenLaw?.label });
  }
  if (opts.inferenceHardware !== undefined || opts.inferenceMfu !== undefined) {
    throw new InputError(opts.inferenceHardware !== undefined ? '--inference-hardware' : '--inference-mfu', 'needs --inference-tokens', 'give the lifetime inference demand, e.g. --inference-tokens 2e13');
  }
  const loaded = given ?? loadLawArg('hoffmann2022');
  if (loaded.kind === 'frontier') {
    if (opts.compute === undefined) throw new InputError('--target-loss', `${loaded.label} holds only a compute-optimal frontier (Approach 1/2), no loss law`, 'use --compute, or a fit from --approach 3');
    const C = opts.compute;
    const params = loaded.params.coefficient * C ** loaded.params.exponent;
    const tokens = loaded.tokens.coefficient * C ** loaded.tokens.exponent;
    return {
      json: { law: loaded.label, flops: C, params, tokens, tokensPerParam: tokens / params, note: 'frontier fit (Approach 1/2): no loss prediction; 6·N·D need not equal C exactly' },
      text: [`Law: ${loaded.label} (frontier only)`, `At ${formatFlops(C)}: N_opt ${formatCount(params)}, D_opt ${formatCount(tokens)} tokens (${sig(tokens / params, 3)} tokens/param)`],
    };
  }
  const law = loaded.law;
  const opt = optimalFor(law, opts.compute !== undefined ? { flops: opts.compute } : { targetLoss: opts.targetLoss as number });
  const fr = frontierExponents(law);
  const doublings = marginalLossPerDoubling(law, { fromFlops: opt.flops, doublings: opts.doublings });
  const json: Record<string, unknown> = { law, lawSource: loaded.label, optimal: opt, frontier: fr, nextDoublings: doublings };
  const kaplan = law.form === 'kaplan' ? kaplanAllocationLines(law, opts) : undefined;
  if (kaplan) {
    // The paper's allocation is the answer; the eq. 1.5 optimum stays, under its own name.
    const pub = kaplan.json.published as { flops: number; params: number; tokens: number; tokensPerParam: number };
    Object.assign(json, {
      optimal: { flops: pub.flops, params: pub.params, tokens: pub.tokens, tokensPerParam: pub.tokensPerParam, loss: lossAt(law, pub.params, pub.tokens) },
      allocation: 'Kaplan et al. 2020 published (§6.1, N ∝ C^0.73); loss from eq. 1.5 at that N, D',
      kaplanPublished: pub,
      derivedFromEq15: opt,
      note: 'optimal: the paper\'s own allocation (N ∝ C^0.73); derivedFromEq15: minimising eq. 1.5 under 6ND = C (N ∝ C^0.556), not what the paper recommends',
    });
  }
  const text = [
    `Law: ${loaded.label}`,
    ...(kaplan ? kaplan.text.slice(0, 1) : []),
    `${kaplan ? 'Derived from eq. 1.5 L(N, D) instead (N ∝ C^0.556; not the paper\'s recommendation) — ' : ''}${opts.compute !== undefined ? `Budget ${formatFlops(opt.flops)}` : `Target loss ${opts.targetLoss} needs ${formatFlops(opt.flops)}`}: N_opt ${formatCount(opt.params)} params, D_opt ${formatCount(opt.tokens)} tokens (${sig(opt.tokensPerParam, 3)} tokens/param), loss ${sig(opt.loss, 4)}`,
    `Frontier${kaplan ? ' (eq. 1.5, derived)' : ''}: N_opt ∝ C^${sig(fr.a, 4)}, D_opt ∝ C^${sig(fr.b, 4)}`,
    `Next doublings of compute buy: ${doublings.map((d) => `−${sig(d.lossGained, 3)}`).join(', ')} nats/token`,
  ];
  if (opts.params !== undefined) {
    const p = wrongSizePenalty(law, { params: opts.params, targetLoss: opt.loss });
    json.wrongSize = p;
    text.push(`A ${formatCount(p.params)}-param model (${sig(p.sizeRatio, 3)}× optimal) needs ${formatCount(p.tokens)} tokens, ${formatFlops(p.flops)}: ${p.extraFraction >= 0 ? '+' : ''}${sig(100 * p.extraFraction, 3)}% compute for the same loss`);
  }
  if (opts.hardware || opts.region || opts.count !== undefined || opts.mfu !== undefined) {
    // Cost, energy and CO2e of the compute-optimal run, from the estimation core.
    const est = estimateAllocation(opt, { hardware: opts.hardware, count: opts.count, mfu: opts.mfu, region: opts.region });
    json.estimate = est;
    text.push(
      `Run on ${est.accelerator.name}${est.count ? ` ×${est.count}` : ''} at MFU ${est.mfu ?? '?'}: ${formatCount(est.acceleratorHours)} accelerator-hours${est.wallClockHours !== null ? ` (${formatDuration(est.wallClockHours)} wall-clock)` : ''}, ${est.costUsd !== null ? formatUsd(est.costUsd) : 'cost unknown (no price)'}, ${formatEnergyKWh(est.energyKWh)}, ${formatCO2eKg(est.co2eKg)}${est.region ? ` (${est.region.name})` : ''}`,
    );
  }
  return { json, text };
}

export function registerOptimal(program: Command): void {
  oneLineErrors(program.command('optimal'))
    .description('compute-optimal model size and tokens for a compute budget or a target loss')
    .option('--law <id|fit.json>', 'published law id (hoffmann2022 — the default, hoffmann2022-unrounded, besiroglu2024, kaplan2020) or a fit JSON from `scaling-lab fit --out`; with --unique-tokens the default is Muennighoff et al. 2023, with --inference-tokens Sardana et al. 2024\'s Chinchilla constants')
    .option('--compute <flops>', 'training compute budget in FLOP (e.g. 5.76e23)', numberArg('compute', { positive: true }))
    .option('--target-loss <nats>', 'instead of a budget: the loss to reach (nats/token)', numberArg('target-loss', { positive: true }))
    .option('--unique-tokens <n>', 'with --compute: only this many unique tokens exist; report N, D, epochs, loss and the loss lost against unlimited data (Muennighoff et al. 2023)', numberArg('unique-tokens', { positive: true }))
    .option('--inference-tokens <n>', 'with --target-loss: lifetime inference demand in tokens; size the model for training + inference (Sardana et al. 2024)', numberArg('inference-tokens', { min: 0 }))
    .option('--inference-hardware <id>', 'with --inference-tokens: accelerator serving the model (default: --hardware); adds cost and energy optima')
    .option('--inference-mfu <x>', 'with --inference-tokens: MFU of inference (often well below training\'s)', numberArg('inference-mfu', { positive: true, max: 1 }))
    .option('--params <n>', 'also show the compute penalty for a model of this size reaching the same loss (e.g. 175B)', numberArg('params', { positive: true }))
    .option('--doublings <k>', 'show the loss bought by the next k doublings of compute', numberArg('doublings', { min: 1, max: 60, integer: true }), 3)
    .option('--hardware <id>', 'also estimate the run: accelerator (e.g. h100)')
    .option('--count <n>', 'with the estimate: number of accelerators', numberArg('count', { positive: true, integer: true }))
    .option('--mfu <x>', 'with the estimate: model FLOPs utilisation', numberArg('mfu', { positive: true, max: 1 }))
    .option('--region <id>', 'with the estimate: grid region for CO2e (country, cloud region or world)')
    .option('--json', 'print JSON')
    .addHelpText('after', `
Examples:
  scaling-lab optimal --law hoffmann2022 --compute 5.76e23
  scaling-lab optimal --law besiroglu2024 --target-loss 2.0 --params 30B
  scaling-lab optimal --law hoffmann2022 --compute 1e24 --hardware h100 --count 4096 --region us-east-1`)
    .action(
      action((opts: OptimalOptions) => {
        const { json, text } = runOptimal(opts);
        if (opts.json) printJson(json);
        else process.stdout.write(`${text.join('\n')}\n`);
      }, 'optimal'),
    );
}
