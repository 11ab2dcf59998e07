/**
 * Fine-tuning vs pre-training, all through core's estimateRun: the same base
 * architecture pre-trained, fully fine-tuned, and LoRA-fine-tuned (memory.loraRank,
 * memory.loraTargets) on the same hardware. Shared by the page and its build-time render.
 */
import {
  estimateRun,
  formatBytes,
  formatCount,
  formatDuration,
  formatFlops,
  formatUsd,
  getPublishedRun,
  InputError,
  listPublishedRuns,
  loraTrainingFlops,
  sig,
  type Architecture,
  type Estimate,
  type EstimateSpec,
  type LoraTarget,
  type MemorySpec,
} from '@scaling-lab/core';
import { numberField } from './parse';

/** Where the LoRA compute comes from, shown in the assumptions. */
export const LORA_FLOPS_SOURCE = '(4·N + 6·N_lora)·D: a frozen base skips its weight-gradient matmuls (core loraTrainingFlops; Narayanan et al. 2021 for the 2 + 4 split of 6·N·D; Hu et al. 2021)';

export const LORA_TARGETS: LoraTarget[] = ['q', 'k', 'v', 'o', 'gate', 'up', 'down'];

/** Published runs whose architecture is known (needed to size LoRA adapters). */
export function baseModels(): { id: string; name: string }[] {
  return listPublishedRuns().filter((r) => r.architecture).map((r) => ({ id: r.id, name: r.name }));
}

export interface FinetuneView {
  architecture: Architecture;
  pretrain: Estimate;
  full: Estimate;
  lora: Estimate;
  targets: LoraTarget[];
  rank: number;
  specs: { pretrain: EstimateSpec; full: EstimateSpec; lora: EstimateSpec };
  outputs: Record<string, string>;
}

export function finetuneSpecs(v: Record<string, string>) {
  const run = getPublishedRun(v.base);
  if (!run.architecture) throw new InputError('base', `${run.name} has no published architecture`, 'choose another base model');
  const architecture = run.architecture.value;
  const pretrainTokens = v.pretrainTokens?.trim() ? numberField('pretrainTokens', v.pretrainTokens, { positive: true }) : run.tokens.value;
  const tokens = numberField('tokens', v.tokens, { positive: true });
  const rank = numberField('loraRank', v.loraRank, { min: 1, max: 4096, integer: true });
  const targets = LORA_TARGETS.filter((t) => v[`t_${t}`] === '1');
  if (!targets.length) throw new InputError('t_q', 'no matrices chosen for LoRA', 'tick at least one, e.g. q and v');
  const common: EstimateSpec = { architecture, hardware: v.hardware, count: numberField('count', v.count, { min: 1, integer: true }) };
  if (v.mfu?.trim()) common.mfu = numberField('mfu', v.mfu, { positive: true, max: 1 });
  const memory: MemorySpec = { microBatch: numberField('microBatch', v.microBatch, { min: 1, integer: true }) };
  if (v.recompute === 'none' || v.recompute === 'selective' || v.recompute === 'full') memory.recompute = v.recompute;
  if (v.zeroStage?.trim()) memory.zeroStage = numberField('zeroStage', v.zeroStage, { min: 0, max: 3, integer: true }) as 0 | 1 | 2 | 3;
  return {
    architecture,
    rank,
    targets,
    pretrain: { ...common, tokens: pretrainTokens, memory } as EstimateSpec,
    full: { ...common, tokens, memory } as EstimateSpec,
    lora: { ...common, tokens, memory: { ...memory, loraRank: rank, loraTargets: targets } } as EstimateSpec,
  };
}

export function finetuneView(v: Record<string, string>): FinetuneView {
  const s = finetuneSpecs(v);
  const pretrain = estimateRun(s.pretrain);
  const full = estimateRun(s.full);
  const loraMemory = estimateRun(s.lora);
  const loraTrainable = loraMemory.memory?.lora?.trainableParams ?? NaN;
  // LoRA skips the frozen weights' gradient matmuls: core's loraTrainingFlops, (4·N + 6·N_lora)·D, prices its
  // compute; the memory comes from the architecture run (weights, adapters, optimizer state, activations).
  const { architecture: _a, memory: _m, ...hardware } = s.lora;
  const loraCompute = estimateRun({ ...hardware, tokens: undefined, flops: loraTrainingFlops(full.params!, loraTrainable, s.lora.tokens!) });
  const lora: Estimate = { ...loraCompute, params: loraMemory.params, tokens: loraMemory.tokens, memory: loraMemory.memory, assumptions: [...loraCompute.assumptions.filter((x) => x.name !== 'flops'), { name: 'flops', value: loraCompute.flops!, unit: 'FLOPs', source: LORA_FLOPS_SOURCE }] };
  const mem = (e: Estimate) => (e.memory ? `${formatBytes(e.memory.totalBytes)}${e.memory.fits ? '' : ' (does not fit)'}` : '—');
  const money = (e: Estimate) => (e.costUsd === null ? '—' : formatUsd(e.costUsd));
  const time = (e: Estimate) => (e.wallClockHours === null ? '—' : formatDuration(e.wallClockHours));
  const outputs: Record<string, string> = {
    paramsTotal: `${formatCount(full.params!)} parameters`,
    trainFull: `${formatCount(full.params!)} (100 %)`,
    trainLora: `${formatCount(loraTrainable)} (${sig((100 * loraTrainable) / full.params!, 2)} %)`,
    trainPretrain: `${formatCount(pretrain.params!)} (100 %)`,
    memPretrain: mem(pretrain),
    memFull: mem(full),
    memLora: mem(lora),
    accMem: full.memory ? formatBytes(full.memory.acceleratorBytes) : '—',
    flopsPretrain: pretrain.flops === null ? '—' : formatFlops(pretrain.flops),
    flopsFull: full.flops === null ? '—' : formatFlops(full.flops),
    flopsLora: lora.flops === null ? '—' : formatFlops(lora.flops),
    costPretrain: money(pretrain),
    costFull: money(full),
    costLora: money(lora),
    timePretrain: time(pretrain),
    timeFull: time(full),
    timeLora: time(lora),
    tokensPretrain: `${formatCount(pretrain.tokens!)} tokens`,
    tokensFine: `${formatCount(full.tokens!)} tokens`,
    costRatio: pretrain.costUsd && full.costUsd ? `${sig(pretrain.costUsd / full.costUsd, 3)}×` : '—',
  };
  return { architecture: s.architecture, pretrain, full, lora, targets: s.targets, rank: s.rank, specs: { pretrain: s.pretrain, full: s.full, lora: s.lora }, outputs };
}
