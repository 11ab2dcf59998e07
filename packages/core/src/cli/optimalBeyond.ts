/**
 * The `optimal` answers beyond Chinchilla's allocation:
 * - `--unique-tokens U`: the compute-optimal model when only U unique tokens exist
 *   (Muennighoff et al. 2023): N, D, epochs, loss and the loss lost against unlimited data;
 * - `--inference-tokens T` with `--target-loss`: the model minimising training + inference
 *   FLOPs — and, with hardware, dollars and energy — for that loss (Sardana et al. 2024);
 * - Kaplan et al.'s published allocation N ∝ C^0.73 beside the one derived from eq. 1.5.
 */
import { InputError } from '../errors.js';
import { formatCount, formatEnergyKWh, formatFlops, formatUsd, sig } from '../format.js';
import { estimateRun } from '../estimate/estimateRun.js';
import { dataConstrainedOptimal, MUENNIGHOFF2023, MUENNIGHOFF2023_SOURCE, type DataConstrainedLaw } from '../laws/dataConstrained.js';
import { computeOptimal } from '../laws/decisions.js';
import { inferenceAwareOptimal, SARDANA2024_LAW, SARDANA2024_SOURCE, type InferenceAwareResult } from '../laws/inferenceAware.js';
import { kaplanPublishedAllocation, kaplanPublishedForLoss } from '../laws/kaplanAllocation.js';
import { OVERTRAINED_MODELS, tokensPerParam } from '../laws/overtrainedModels.js';
import type { Law } from '../laws/types.js';

type Out = { json: Record<string, unknown>; text: string[] };

/** Muennighoff's constants, or a Chinchilla-form law given by --law with Muennighoff's decay constants. */
function dataConstrainedLawFor(law: Law | undefined): { law: DataConstrainedLaw; label: string } {
  if (!law) return { law: MUENNIGHOFF2023, label: `muennighoff2023: ${MUENNIGHOFF2023_SOURCE}` };
  if (law.form !== 'chinchilla') throw new InputError('--law', 'repeated data needs a Chinchilla-form law (E + A/N^α + B/D^β)', 'leave out --law to use Muennighoff et al.\'s fit, or give hoffmann2022 / besiroglu2024 / an Approach 3 fit');
  return {
    law: { ...law, repeatDecayTokens: MUENNIGHOFF2023.repeatDecayTokens, repeatDecayParams: MUENNIGHOFF2023.repeatDecayParams },
    label: `the given law with Muennighoff et al. 2023's R*_D ${sig(MUENNIGHOFF2023.repeatDecayTokens, 4)}, R*_N ${sig(MUENNIGHOFF2023.repeatDecayParams, 4)}`,
  };
}

export function runDataConstrained(opts: { compute?: number; uniqueTokens: number; law?: Law; lawLabel?: string }): Out {
  if (opts.compute === undefined) throw new InputError('--unique-tokens', 'needs --compute (the allocation under a data cap is for a budget)', 'give --compute, e.g. --compute 1e22 --unique-tokens 2e11');
  if (!(opts.uniqueTokens > 0)) throw new InputError('--unique-tokens', `must be greater than 0, got ${opts.uniqueTokens}`, 'give the unique tokens available, e.g. 2e11');
  const { law, label } = dataConstrainedLawFor(opts.law);
  const r = dataConstrainedOptimal(law, { flops: opts.compute, uniqueTokens: opts.uniqueTokens });
  const text = [
    `Law: ${opts.lawLabel ? `${opts.lawLabel} — ` : ''}${label}`,
    `Budget ${formatFlops(r.flops)} with ${formatCount(opts.uniqueTokens)} unique tokens: N ${formatCount(r.params)} params, D ${formatCount(r.tokens)} tokens = ${sig(r.epochs, 3)} epoch${r.epochs === 1 ? '' : 's'} (${sig(r.tokensPerParam, 3)} tokens/param), loss ${sig(r.loss, 4)} nats/token`,
    `  effective data D′ ${formatCount(r.effectiveTokens)} tokens, effective params N′ ${formatCount(r.effectiveParams)}`,
    r.capBinds
      ? `Unlimited unique data would give N ${formatCount(r.unlimited.params)}, D ${formatCount(r.unlimited.tokens)}, loss ${sig(r.unlimited.loss, 4)}: the cap costs ${sig(r.lossPenalty, 3)} nats/token (${sig((100 * r.lossPenalty) / r.unlimited.loss, 3)}%)`
      : `The cap does not bind: the unlimited-data optimum needs only ${formatCount(r.unlimited.tokens)} tokens (1 epoch); no loss lost`,
    'No interval published for R*_D, R*_N.',
  ];
  return { json: { law, lawSource: label, dataConstrained: r }, text };
}

function lifetimeLine(name: string, p: InferenceAwareResult['optimal'], unit: (x: number) => string): string {
  return `${name}: N ${formatCount(p.params)} params, D ${formatCount(p.tokens)} tokens (${sig(p.tokensPerParam, 3)} tokens/param); training ${formatFlops(p.trainingFlops)} + inference ${formatFlops(p.inferenceFlops)} = ${unit(p.total)} (training ${sig(100 * p.trainingShare, 3)}%, inference ${sig(100 * p.inferenceShare, 3)}%)`;
}

export interface InferenceCliOptions {
  targetLoss?: number;
  inferenceTokens: number;
  law?: Law;
  lawLabel?: string;
  hardware?: string;
  mfu?: number;
  inferenceHardware?: string;
  inferenceMfu?: number;
}

/** Dollars (or, without a price, joules) per FLOP of one phase, from the estimation core. */
function perFlop(hardware: string | undefined, mfu: number | undefined, flag: string) {
  const probe = 1e21;
  let e;
  try {
    e = estimateRun({ flops: probe, hardware, mfu });
  } catch (err) {
    // name the flag the user typed for this phase (the core names its own field, e.g. "hardware")
    if (err instanceof InputError) {
      throw err.withField(err.field === 'mfu' ? flag.replace('hardware', 'mfu') : flag);
    }
    throw err;
  }
  return { usd: e.costUsd === null ? null : e.costUsd / probe, joules: (e.energyKWh * 3.6e6) / probe, name: e.accelerator.name, mfu: e.mfu, usdPerHour: e.usdPerHour, flag };
}

export function runInferenceAware(opts: InferenceCliOptions): Out {
  if (opts.targetLoss === undefined) throw new InputError('--inference-tokens', 'needs --target-loss (the model is sized for a quality)', 'give --target-loss, e.g. --target-loss 2.1 --inference-tokens 2e13');
  if (!(opts.inferenceTokens >= 0)) throw new InputError('--inference-tokens', `must be 0 or more tokens, got ${opts.inferenceTokens}`, 'give the lifetime inference demand in tokens, e.g. 2e13');
  const law = opts.law ?? SARDANA2024_LAW;
  if (law.form !== 'chinchilla') throw new InputError('--law', 'inference-aware sizing needs a Chinchilla-form law', 'leave out --law (Sardana et al.\'s Chinchilla constants) or give hoffmann2022 / besiroglu2024');
  if (!(opts.targetLoss > law.E)) throw new InputError('--target-loss', `${opts.targetLoss} is not above the law's irreducible loss E = ${sig(law.E, 4)} nats/token`, `give a target loss above ${sig(law.E, 4)}`);
  const label = opts.law ? (opts.lawLabel ?? 'given law') : `Chinchilla Approach 3 as used by ${SARDANA2024_SOURCE} (E 1.69, A 406.4, B 410.7, α 0.336, β 0.283)`;
  const flopsR = inferenceAwareOptimal(law, { targetLoss: opts.targetLoss, inferenceTokens: opts.inferenceTokens });
  const text = [
    `Law: ${label}`,
    `Target loss ${opts.targetLoss} nats/token, lifetime inference ${formatCount(opts.inferenceTokens)} tokens (training 6ND + inference 2N per token)`,
    lifetimeLine('Least total FLOPs', flopsR.optimal, formatFlops),
    lifetimeLine('Chinchilla-optimal for the same loss', flopsR.chinchilla, formatFlops),
    `Saving: ${formatFlops(flopsR.saving)} (${sig(100 * flopsR.savingFraction, 3)}% of the Chinchilla-optimal model's lifetime FLOPs)`,
  ];
  const json: Record<string, unknown> = { law, lawSource: label, flops: flopsR };
  const priced = opts.hardware || opts.mfu !== undefined || opts.inferenceHardware || opts.inferenceMfu !== undefined;
  if (priced) {
    const train = perFlop(opts.hardware, opts.mfu, '--hardware');
    const inf = perFlop(opts.inferenceHardware ?? opts.hardware, opts.inferenceMfu ?? opts.mfu, '--inference-hardware');
    text.push(`Training on ${train.name} at MFU ${train.mfu}; inference on ${inf.name} at MFU ${inf.mfu} (estimation core: dated prices and power, see \`scaling-lab hardware\`)`);
    if (train.usd !== null && inf.usd !== null) {
      const usd = inferenceAwareOptimal(law, { targetLoss: opts.targetLoss, inferenceTokens: opts.inferenceTokens, trainWeightPerFlop: train.usd, inferenceWeightPerFlop: inf.usd });
      json.usd = { ...usd, trainUsdPerFlop: train.usd, inferenceUsdPerFlop: inf.usd };
      text.push(lifetimeLine('Least total cost', usd.optimal, (x) => formatUsd(x)), `  saving ${formatUsd(usd.saving)} (${sig(100 * usd.savingFraction, 3)}%) against the Chinchilla-optimal model (${formatUsd(usd.chinchilla.total)})`);
    } else {
      text.push('Cost: no default price for one of the accelerators (cost left out)');
    }
    const j = inferenceAwareOptimal(law, { targetLoss: opts.targetLoss, inferenceTokens: opts.inferenceTokens, trainWeightPerFlop: train.joules, inferenceWeightPerFlop: inf.joules });
    json.energy = { ...j, trainJoulesPerFlop: train.joules, inferenceJoulesPerFlop: inf.joules };
    text.push(lifetimeLine('Least total energy', j.optimal, (x) => formatEnergyKWh(x / 3.6e6)), `  saving ${formatEnergyKWh(j.saving / 3.6e6)} (${sig(100 * j.savingFraction, 3)}%)`);
  }
  text.push(`For context, published over-trained models: ${OVERTRAINED_MODELS.map((m) => `${m.name} ${sig(tokensPerParam(m), 3)}`).join(', ')} tokens/param (sources: \`--json\`)`);
  json.overtrainedModels = OVERTRAINED_MODELS.map((m) => ({ ...m, tokensPerParam: tokensPerParam(m) }));
  return { json, text };
}

/** Kaplan's published allocation beside the one derived from eq. 1.5, each named. */
export function kaplanAllocationLines(law: Law, opts: { compute?: number; targetLoss?: number }): Out {
  const pub = opts.compute !== undefined ? kaplanPublishedAllocation(opts.compute) : kaplanPublishedForLoss(opts.targetLoss as number);
  const derived = computeOptimal(law, pub.flops);
  return {
    json: { published: pub, derivedFromEq15: { ...derived, label: 'derived by minimising eq. 1.5 L(N, D) under 6ND = C (N ∝ C^0.556); not what the paper recommends' } },
    text: [
      `${pub.label}: at ${formatFlops(pub.flops)} N_opt ${formatCount(pub.params)} params, D ${formatCount(pub.tokens)} tokens (${sig(pub.tokensPerParam, 3)} tokens/param) — ${pub.source}`,
      `Derived from eq. 1.5 L(N, D) instead (N ∝ C^0.556, not the paper's recommendation): N ${formatCount(derived.params)}, D ${formatCount(derived.tokens)} (${sig(pub.params / derived.params, 3)}× smaller N)`,
    ],
  };
}
