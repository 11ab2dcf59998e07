/**
 * The "Beyond Chinchilla" calculators' model, all through core's laws: repeated data
 * (dataConstrainedOptimal, Muennighoff et al. 2023), sizing for inference
 * (inferenceAwareOptimal, Sardana et al. 2024) and learning rate / batch size for a
 * budget (recommendHyperparams: DeepSeek LLM, Step Law, Kaplan, McCandlish). Shared by the
 * page scripts and the build-time render.
 */
import {
  dataConstrainedLoss,
  dataConstrainedOptimal,
  estimateRun,
  formatCount,
  formatFlops,
  formatUsd,
  computeOptimal,
  getPublishedLaw,
  inferenceAwareOptimal,
  KAPLAN2020_ALLOCATION_SOURCE,
  kaplanPublishedAllocation,
  InputError,
  MUENNIGHOFF2023,
  MUENNIGHOFF2023_SOURCE,
  OVERTRAINED_MODELS,
  recommendHyperparams,
  SARDANA2024_LAW,
  SARDANA2024_SOURCE,
  sig,
  tokensForLoss,
  tokensPerParam,
  type DataConstrainedOptimum,
  type HyperparamsAnswer,
  type InferenceAwareResult,
} from '@scaling-lab/core';
import { numberField } from './parse';

export const EPOCHS_DEFAULTS = { ep_flops: '1e23', ep_unique: '200B' };
export const INFER_DEFAULTS = { in_loss: '2.1', in_tokens: '20T', in_trainHw: 'nvidia-h100-sxm5-80gb', in_trainMfu: '0.4', in_infHw: 'nvidia-h100-sxm5-80gb', in_infMfu: '0.15', in_objective: 'flops' };
export const HYPER_DEFAULTS = { hy_flops: '1e22', hy_params: '', hy_tokens: '' };

export interface EpochsView {
  result: DataConstrainedOptimum;
  /** Loss of the chosen model size against epochs over the same unique tokens (for the chart). */
  curve: { epochs: number; loss: number }[];
  outputs: Record<string, string>;
}

export function epochsView(v: Record<string, string>): EpochsView {
  const flops = numberField('ep_flops', v.ep_flops, { positive: true });
  const unique = numberField('ep_unique', v.ep_unique, { positive: true });
  const result = dataConstrainedOptimal(MUENNIGHOFF2023, { flops, uniqueTokens: unique });
  const curve = [1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 100].map((epochs) => ({
    epochs,
    loss: dataConstrainedLoss(MUENNIGHOFF2023, { params: result.params, tokens: unique * epochs, uniqueTokens: unique }).loss,
  }));
  return {
    result,
    curve,
    outputs: {
      ep_params: `${formatCount(result.params)} parameters`,
      ep_tokens: `${formatCount(result.tokens)} tokens`,
      ep_epochs: `${sig(result.epochs, 3)}`,
      ep_loss: `${sig(result.loss, 4)} nats/token`,
      ep_unlimited: `${formatCount(result.unlimited.params)} parameters on ${formatCount(result.unlimited.tokens)} tokens, loss ${sig(result.unlimited.loss, 4)}`,
      ep_penalty: result.capBinds ? `${sig(result.lossPenalty, 3)} nats/token (${sig((100 * result.lossPenalty) / result.unlimited.loss, 2)} %)` : 'none: the unique data suffice (1 epoch)',
      ep_effective: `${formatCount(result.effectiveTokens)} tokens (of ${formatCount(result.tokens)} trained)`,
      ep_source: `${MUENNIGHOFF2023_SOURCE}. R*_D = ${sig(MUENNIGHOFF2023.repeatDecayTokens, 4)}, R*_N = ${sig(MUENNIGHOFF2023.repeatDecayParams, 4)}.`,
    },
  };
}

export interface InferView {
  result: InferenceAwareResult;
  /** Lifetime total against model size along the iso-loss curve (chart). */
  curve: { params: number; total: number }[];
  unit: 'FLOPs' | 'USD' | 'kWh';
  outputs: Record<string, string>;
}

/** The same InputError under the form's field name (core names its own, e.g. "hardware"). */
function renamed(err: InputError, field: string): InputError {
  const problem = err.message.slice(err.field.length + 2).replace(err.fix ? ` (${err.fix})` : '', '');
  return new InputError(field, problem, err.fix);
}

function perFlop(hardware: string, mfu: number, field: string) {
  try {
    const e = estimateRun({ flops: 1e21, hardware, mfu });
    return { usd: e.costUsd === null ? null : e.costUsd / 1e21, kWh: e.energyKWh / 1e21, name: e.accelerator.name, usdPerHour: e.usdPerHour };
  } catch (err) {
    if (err instanceof InputError) throw renamed(err, field);
    throw err;
  }
}

export function inferView(v: Record<string, string>): InferView {
  const targetLoss = numberField('in_loss', v.in_loss, { positive: true });
  if (!(targetLoss > SARDANA2024_LAW.E)) throw new InputError('in_loss', `${targetLoss} is not above the law's irreducible loss E = ${SARDANA2024_LAW.E}`, `enter a loss above ${SARDANA2024_LAW.E}`);
  const inferenceTokens = numberField('in_tokens', v.in_tokens, { min: 0 });
  const trainMfu = numberField('in_trainMfu', v.in_trainMfu, { positive: true, max: 1 });
  const infMfu = numberField('in_infMfu', v.in_infMfu, { positive: true, max: 1 });
  const train = perFlop(v.in_trainHw, trainMfu, 'in_trainHw');
  const inf = perFlop(v.in_infHw, infMfu, 'in_infHw');
  const objective = v.in_objective === 'usd' || v.in_objective === 'kwh' ? v.in_objective : 'flops';
  let wt = 1;
  let wi = 1;
  if (objective === 'usd') {
    if (train.usd === null || inf.usd === null) throw new InputError('in_objective', 'no default price for one of the accelerators', 'choose FLOPs or energy, or other hardware');
    wt = train.usd;
    wi = inf.usd;
  } else if (objective === 'kwh') {
    wt = train.kWh;
    wi = inf.kWh;
  }
  const result = inferenceAwareOptimal(SARDANA2024_LAW, { targetLoss, inferenceTokens, trainWeightPerFlop: wt, inferenceWeightPerFlop: wi });
  const unit = objective === 'usd' ? 'USD' : objective === 'kwh' ? 'kWh' : 'FLOPs';
  const fmt = (x: number) => (unit === 'USD' ? formatUsd(x) : unit === 'kWh' ? `${formatCount(x)} kWh` : formatFlops(x));
  const nMin = (SARDANA2024_LAW.A / (targetLoss - SARDANA2024_LAW.E)) ** (1 / SARDANA2024_LAW.alpha);
  const curve: { params: number; total: number }[] = [];
  const lo = Math.log(nMin * 1.05);
  const hi = Math.log(result.chinchilla.params * 3);
  for (let i = 0; i <= 60; i++) {
    const n = Math.exp(lo + ((hi - lo) * i) / 60);
    const d = tokensForLoss(SARDANA2024_LAW, n, targetLoss);
    if (Number.isFinite(d)) curve.push({ params: n, total: wt * 6 * n * d + wi * 2 * n * inferenceTokens });
  }
  const o = result.optimal;
  const c = result.chinchilla;
  return {
    result,
    curve,
    unit,
    outputs: {
      in_params: `${formatCount(o.params)} parameters`,
      in_tokensOut: `${formatCount(o.tokens)} tokens (${sig(o.tokensPerParam, 3)} per parameter)`,
      in_shares: `training ${sig(100 * o.trainingShare, 3)} %, inference ${sig(100 * o.inferenceShare, 3)} %`,
      in_total: fmt(o.total),
      in_chinchilla: `${formatCount(c.params)} parameters on ${formatCount(c.tokens)} tokens (${sig(c.tokensPerParam, 3)} per parameter): ${fmt(c.total)}`,
      in_saving: `${fmt(result.saving)} (${sig(100 * result.savingFraction, 3)} %)`,
      in_hardware: `training on ${train.name} at MFU ${trainMfu}, inference on ${inf.name} at MFU ${infMfu}${unit === 'USD' ? ` ($${sig(train.usdPerHour ?? NaN, 3)} and $${sig(inf.usdPerHour ?? NaN, 3)} per accelerator-hour, core's dated price table)` : ''}`,
      in_source: `${SARDANA2024_SOURCE}; Chinchilla constants E 1.69, A 406.4, B 410.7, α 0.336, β 0.283 as used there. No interval published.`,
    },
  };
}

export function overtrainedRows() {
  return OVERTRAINED_MODELS.map((m) => ({ name: m.name, params: formatCount(m.params), tokens: formatCount(m.tokens), ratio: sig(tokensPerParam(m), 3), source: m.source }));
}

export interface HyperView {
  result: HyperparamsAnswer;
  outputs: Record<string, string>;
}

export function hyperView(v: Record<string, string>): HyperView {
  const opt = (k: string) => (v[k]?.trim() ? numberField(k, v[k], { positive: true }) : undefined);
  const flops = opt('hy_flops');
  const params = opt('hy_params');
  const tokens = opt('hy_tokens');
  let result: HyperparamsAnswer;
  try {
    result = recommendHyperparams({ flops, params, tokens });
  } catch (err) {
    if (err instanceof InputError) {
      const map: Record<string, string> = { flops: 'hy_flops', params: 'hy_params', tokens: 'hy_tokens' };
      throw renamed(err, map[err.field] ?? 'hy_flops');
    }
    throw err;
  }
  const fig = (law: string, q: string) => result.figures.find((f) => f.law === law && f.quantity === q);
  const show = (law: string, q: string, unit: 'lr' | 'tokens') => {
    const f = fig(law, q);
    if (!f) return 'not defined here';
    const value = unit === 'lr' ? sig(f.value, 3) : `${formatCount(f.value)} tokens`;
    return `${value}${f.warning ? ` — outside the fitted range: ${f.warning}` : ''}`;
  };
  return {
    result,
    outputs: {
      hy_sizing: `${formatCount(result.params)} parameters, ${formatCount(result.tokens)} tokens, ${formatFlops(result.flops)} (${result.sizing})`,
      hy_ds_lr: show('deepseek2024', 'learningRate', 'lr'),
      hy_ds_batch: show('deepseek2024', 'batchTokens', 'tokens'),
      hy_sl_lr: show('steplaw2025', 'learningRate', 'lr'),
      hy_sl_batch: show('steplaw2025', 'batchTokens', 'tokens'),
      hy_k_lr: show('kaplan2020', 'learningRate', 'lr'),
      hy_k_crit: show('kaplan2020', 'criticalBatchTokens', 'tokens'),
      hy_tradeoff: `${sig(result.tradeoff.stepsOverMin, 3)}× the minimum steps and ${sig(result.tradeoff.dataOverMin, 3)}× the minimum data at DeepSeek's batch against Kaplan's critical batch (McCandlish et al. 2018, eq. 2.11)`,
    },
  };
}

/** Sources of the hyperparameter figures, for the page's footnotes. */
export function hyperSources(r: HyperparamsAnswer): { law: string; formula: string; source: string; validity: string }[] {
  const seen = new Set<string>();
  return r.figures.filter((f) => (seen.has(f.formula) ? false : (seen.add(f.formula), true))).map((f) => ({ law: f.law, formula: f.formula, source: f.source, validity: f.validity }));
}

export const KAPLAN_DEFAULTS = { kp_flops: '5.76e23' };

/** Kaplan et al.'s published allocation (N ∝ C^0.73) beside the one derived from their eq. 1.5. */
export function kaplanView(v: Record<string, string>) {
  const flops = numberField('kp_flops', v.kp_flops, { positive: true });
  const published = kaplanPublishedAllocation(flops);
  const derived = computeOptimal(getPublishedLaw('kaplan2020').law, flops);
  return {
    published,
    derived,
    outputs: {
      kp_pub: `${formatCount(published.params)} parameters on ${formatCount(published.tokens)} tokens (${sig(published.tokensPerParam, 3)} per parameter)`,
      kp_derived: `${formatCount(derived.params)} parameters on ${formatCount(derived.tokens)} tokens (${sig(derived.tokensPerParam, 3)} per parameter)`,
      kp_ratio: `${sig(published.params / derived.params, 3)}×`,
      kp_source: `${KAPLAN2020_ALLOCATION_SOURCE}. The derived allocation minimises eq. 1.5 L(N, D) under 6ND = C (N ∝ C^0.556).`,
    },
  };
}
