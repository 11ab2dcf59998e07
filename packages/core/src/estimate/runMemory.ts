/**
 * The memory section of `estimateRun`: training memory per accelerator
 * (`trainingMemory`, see memory.ts for the formulas) for a run's parameter
 * count, parallel layout and batch shape, whether it fits in the accelerator's
 * memory, and — when it does not — the smallest ZeRO stage and the smallest
 * tensor-parallel degree that would make it fit.
 *
 * Defaults (each one is listed as an assumption when used):
 * - optimizer AdamW in mixed precision: 2 + 2 + 12 = 16 bytes per parameter
 *   (Rajbhandari et al. 2020, "ZeRO", §3.1; Micikevicius et al. 2018 for the
 *   fp32 master copy). The precision follows the peak precision the estimate
 *   uses (fp32/tf32 → fp32 training, 16- or 8-bit → mixed) unless given.
 * - ZeRO stage 0, tensor and pipeline degree 1; data-parallel degree
 *   = count ÷ (TP × PP) (1 without a count, so ZeRO then shards nothing).
 * - activations need an architecture: sequence = its context, micro-batch 1,
 *   no recomputation (Korthikanti et al. 2022, Table 2).
 * - "fits" compares with the vendor memory figure read as 10⁹ bytes per GB,
 *   with no allowance for the framework, fragmentation or temporary buffers.
 */
import { assumption, type Assumption } from '../assumption.js';
import { InputError, requireNumber } from '../errors.js';
import type { AcceleratorRow, Precision } from '../data/types.js';
import { normalizeArchitecture, type Architecture } from './params.js';
import { loraParams, trainingMemory, type LoraTarget, type MemoryInput, type OptimizerKind, type Recompute, type TrainingPrecision } from './memory.js';

/** Memory inputs of an estimate; all optional. */
export interface MemorySpec {
  /** Training precision of weights/gradients/optimizer state; default from the peak precision (mixed). */
  precision?: TrainingPrecision;
  optimizer?: OptimizerKind;
  zeroStage?: 0 | 1 | 2 | 3;
  tensorParallel?: number;
  pipelineParallel?: number;
  /** Sequences per accelerator per micro-step. */
  microBatch?: number;
  /** Sequence length in tokens; default the architecture's context. */
  sequence?: number;
  recompute?: Recompute;
  /** Train LoRA adapters of this rank instead of all weights (needs an architecture). */
  loraRank?: number;
  /** Matrices that get adapters; default q and v (Hu et al. 2021). */
  loraTargets?: LoraTarget[];
}

export interface MemoryEstimate {
  precision: TrainingPrecision;
  optimizer: OptimizerKind;
  zeroStage: 0 | 1 | 2 | 3;
  dataParallel: number;
  tensorParallel: number;
  pipelineParallel: number;
  microBatch: number | null;
  sequence: number | null;
  recompute: Recompute;
  /** Parameters with gradients and optimizer state (all of them, or the LoRA adapters). */
  trainableParams: number;
  weightsBytes: number;
  gradientsBytes: number;
  optimizerBytes: number;
  /** Null without an architecture (and a sequence length). */
  activationsBytes: number | null;
  totalBytes: number;
  /** Accelerator memory, bytes (vendor GB × 10⁹). */
  acceleratorBytes: number;
  fits: boolean;
  /** When it does not fit: the smallest ZeRO stage (same TP/PP) and the smallest power-of-two TP degree (same ZeRO stage) that fit; null where none does. */
  toFit: { zeroStage: 1 | 2 | 3 | null; tensorParallel: number | null } | null;
  lora: { rank: number; targets: LoraTarget[]; trainableParams: number; fullFineTuneBytes: number; savedBytes: number } | null;
}

export interface RunMemoryInput {
  /** Total parameters (MoE: all experts). */
  params: number;
  architecture?: Architecture;
  /** Source of the architecture, for the sequence-length assumption. */
  architectureSource?: string;
  accelerator: AcceleratorRow;
  /** Accelerators in the run; null when unknown. */
  count: number | null;
  /** The peak precision the estimate uses, for the default training precision. */
  peakPrecision?: Precision | null;
  /** The estimate's `recompute` flag (full recomputation) when memory.recompute is not given. */
  recomputeFull?: boolean;
  memory?: MemorySpec;
}

const OPTIMIZERS: OptimizerKind[] = ['sgd', 'sgd-momentum', 'adam', 'adamw'];
const PRECISIONS: TrainingPrecision[] = ['fp32', 'bf16', 'mixed'];
const RECOMPUTE: Recompute[] = ['none', 'selective', 'full'];
const TARGETS: LoraTarget[] = ['q', 'k', 'v', 'o', 'gate', 'up', 'down'];

function wholeNumber(field: string, v: unknown, min = 1): number {
  const n = requireNumber(field, v, { min });
  if (!Number.isInteger(n)) throw new InputError(field, `must be a whole number, got ${n}`, 'give an integer');
  return n;
}

/** True when any memory input was given (they then need a parameter count). */
export function memoryRequested(m: MemorySpec | undefined): boolean {
  return m !== undefined && Object.values(m).some((v) => v !== undefined);
}

/**
 * The memory section of an estimate: training memory per accelerator ({@link trainingMemory}) for the run's
 * parameters, layout and batch shape, defaulting to mixed-precision AdamW (16 bytes per parameter, ZeRO §3.1),
 * whether it fits the accelerator's memory, and if not the smallest ZeRO stage or tensor degree that would.
 *
 * @param input - parameters, accelerator, count, optional architecture and the memory options
 * @returns the memory estimate and the assumptions it used
 * @throws InputError naming the memory field that is unknown or out of range
 * @example
 * ```ts
 * import { getAccelerator, runMemory } from '@scaling-lab/core';
 * const h100 = getAccelerator('h100');
 * runMemory({ params: 7e9, accelerator: h100, count: 8 }).memory.fits; // → false
 * runMemory({ params: 7e9, accelerator: h100, count: 8, memory: { zeroStage: 3 } }).memory.totalBytes; // → 14e9
 * ```
 */
export function runMemory(input: RunMemoryInput): { memory: MemoryEstimate; assumptions: Assumption[] } {
  const m = input.memory ?? {};
  const A: Assumption[] = [];
  const given = (v: unknown) => v !== undefined;

  // Optimizer and precision.
  if (given(m.optimizer) && !OPTIMIZERS.includes(m.optimizer!)) throw new InputError('optimizer', `unknown "${String(m.optimizer)}"`, `use one of ${OPTIMIZERS.join(', ')}`);
  const optimizer = m.optimizer ?? 'adamw';
  A.push(assumption('memory.optimizer', optimizer, '', given(m.optimizer) ? 'user' : 'default AdamW (Loshchilov & Hutter 2019; the optimizer of Llama 2, Touvron et al. 2023 §2.2): two fp32 moments per parameter'));
  if (given(m.precision) && !PRECISIONS.includes(m.precision!)) throw new InputError('trainPrecision', `unknown "${String(m.precision)}"`, `use one of ${PRECISIONS.join(', ')}`);
  let precision: TrainingPrecision;
  if (m.precision !== undefined) {
    precision = m.precision;
    A.push(assumption('memory.precision', precision, '', 'user'));
  } else if (input.peakPrecision === 'fp32' || input.peakPrecision === 'tf32') {
    precision = 'fp32';
    A.push(assumption('memory.precision', precision, '', `fp32 weights, gradients and optimizer state, following the ${input.peakPrecision} peak used for time`));
  } else {
    precision = 'mixed';
    A.push(assumption('memory.precision', precision, '', 'default mixed precision: 16-bit weights and gradients, fp32 master weights and moments = 2 + 2 + 12 = 16 bytes/param with Adam (Rajbhandari et al. 2020, ZeRO §3.1; Micikevicius et al. 2018)'));
  }

  // Parallel layout.
  const stage = m.zeroStage ?? 0;
  if (![0, 1, 2, 3].includes(stage)) throw new InputError('zeroStage', `must be 0, 1, 2 or 3, got ${stage}`, 'choose a ZeRO stage from 0 to 3');
  const tp = given(m.tensorParallel) ? wholeNumber('tensorParallel', m.tensorParallel) : 1;
  const pp = given(m.pipelineParallel) ? wholeNumber('pipelineParallel', m.pipelineParallel) : 1;
  A.push(assumption('memory.zeroStage', stage, '', given(m.zeroStage) ? 'user' : 'default 0: no ZeRO sharding (plain data parallelism)'));
  A.push(assumption('memory.tensorParallel', tp, 'accelerators', given(m.tensorParallel) ? 'user' : 'default 1: no tensor parallelism'));
  A.push(assumption('memory.pipelineParallel', pp, 'stages', given(m.pipelineParallel) ? 'user' : 'default 1: no pipeline parallelism'));
  let dp: number;
  if (input.count !== null) {
    if (tp * pp > input.count) throw new InputError('tensorParallel', `TP × PP = ${tp} × ${pp} = ${tp * pp} exceeds the ${input.count} accelerators`, 'lower the tensor/pipeline degrees or raise the count');
    dp = Math.floor(input.count / (tp * pp));
    const idle = input.count - dp * tp * pp;
    A.push(assumption('memory.dataParallel', dp, 'replicas', `count ÷ (TP × PP) = ${input.count} ÷ ${tp * pp}${idle ? ` (rounded down; ${idle} accelerators unused by the layout)` : ''}`));
  } else {
    dp = 1;
    A.push(assumption('memory.dataParallel', dp, 'replicas', `no count given: one data-parallel replica${stage > 0 ? ', so ZeRO shards nothing (give --count)' : ''}`));
  }

  // Activations.
  const arch = input.architecture ? normalizeArchitecture(input.architecture) : undefined;
  // Megatron-style tensor parallelism splits the attention heads across the TP group: the degree must
  // divide the query heads, and the K/V heads must split evenly or be replicated (TP a multiple of them).
  if (arch && tp > 1) {
    if (arch.heads % tp !== 0) throw new InputError('tensorParallel', `${tp} does not divide the ${arch.heads} attention heads`, `give a degree that divides ${arch.heads}, such as ${[8, 4, 2].find((t) => arch.heads % t === 0) ?? 1}`);
    if (arch.kvHeads % tp !== 0 && tp % arch.kvHeads !== 0) throw new InputError('tensorParallel', `${tp} neither divides nor is a multiple of the ${arch.kvHeads} key/value heads`, `give a degree that divides ${arch.kvHeads}`);
  }
  const recompute: Recompute = m.recompute ?? (input.recomputeFull ? 'full' : 'none');
  if (!RECOMPUTE.includes(recompute)) throw new InputError('recompute', `unknown "${String(recompute)}"`, `use one of ${RECOMPUTE.join(', ')}`);
  let microBatch: number | null = null;
  let sequence: number | null = null;
  if (!arch) {
    for (const [field, v] of [['microBatch', m.microBatch], ['sequence', m.sequence]] as const) {
      if (v !== undefined) throw new InputError(field, 'needs an architecture to size activations', 'give layers, width, heads and vocabulary, or a preset with an architecture');
    }
    A.push(assumption('memory.activations', 'not included', '', 'activations need an architecture (layers, width, heads); only model states are counted'));
  } else {
    microBatch = given(m.microBatch) ? wholeNumber('microBatch', m.microBatch) : 1;
    A.push(assumption('memory.microBatch', microBatch, 'sequences', given(m.microBatch) ? 'user' : 'default 1 sequence per accelerator per micro-step (the smallest; activations scale linearly with it)'));
    if (given(m.sequence)) {
      sequence = wholeNumber('sequence', m.sequence);
      A.push(assumption('memory.sequence', sequence, 'tokens', 'user'));
    } else if (arch.context !== undefined) {
      sequence = arch.context;
      A.push(assumption('memory.sequence', sequence, 'tokens', `the architecture's context length (${input.architectureSource ?? 'user'})`));
    } else {
      A.push(assumption('memory.activations', 'not included', '', 'no sequence length: give the context or a sequence length; only model states are counted'));
    }
    if (sequence !== null) {
      A.push(assumption('memory.recompute', recompute, '', given(m.recompute) || input.recomputeFull ? 'user' : 'default none: all activations kept (Korthikanti et al. 2022, Table 2, 16-bit activations, GPT MLP; approximate for SwiGLU/GQA)'));
    }
  }
  const activations = arch && sequence !== null && microBatch !== null
    ? { layers: arch.layers, dModel: arch.dModel, heads: arch.heads, sequence, microBatch, recompute }
    : undefined;

  // LoRA.
  let lora: { rank: number; targets: LoraTarget[]; trainableParams: number } | null = null;
  if (given(m.loraTargets) && !given(m.loraRank)) throw new InputError('loraTargets', 'given without a LoRA rank', 'give the rank too, e.g. 8, or drop the targets');
  if (given(m.loraRank)) {
    const rank = wholeNumber('loraRank', m.loraRank);
    if (!input.architecture) throw new InputError('loraRank', 'needs an architecture to size the adapters', 'give layers, width, heads and vocabulary, or a preset with an architecture');
    const targets = m.loraTargets ?? ['q', 'v'];
    if (!Array.isArray(targets) || targets.length === 0) throw new InputError('loraTargets', 'is empty', `give some of ${TARGETS.join(', ')}`);
    for (const t of targets) if (!TARGETS.includes(t)) throw new InputError('loraTargets', `unknown matrix "${String(t)}"`, `use some of ${TARGETS.join(', ')}`);
    const trainable = loraParams(input.architecture, rank, targets);
    lora = { rank, targets: [...targets], trainableParams: trainable };
    A.push(assumption('memory.loraRank', rank, '', 'user'));
    A.push(assumption('memory.loraTargets', targets.join(','), '', given(m.loraTargets) ? 'user' : 'default q,v: the query and value projections adapted in Hu et al. 2021, §4.2 and §7.1'));
    A.push(assumption('memory.loraTrainableParams', trainable, 'parameters', 'layers × Σ rank·(d_in + d_out) over the targets (Hu et al. 2021); the base weights are frozen'));
  }

  const acceleratorBytes = input.accelerator.memoryGB * 1e9;
  A.push(assumption('memory.acceleratorBytes', acceleratorBytes, 'B', `${input.accelerator.name}: ${input.accelerator.memoryGB} GB (${input.accelerator.source}), read as 10⁹ B/GB, no allowance for framework overhead or fragmentation`));

  const base: MemoryInput = {
    params: input.params, precision, optimizer, zeroStage: stage as 0 | 1 | 2 | 3, dataParallel: dp,
    tensorParallel: tp, pipelineParallel: pp, activations, lora: lora ? { trainableParams: lora.trainableParams } : undefined,
  };
  const b = trainingMemory(base);
  const fits = b.totalBytes <= acceleratorBytes;

  let toFit: MemoryEstimate['toFit'] = null;
  if (!fits) {
    let zero: 1 | 2 | 3 | null = null;
    if (dp > 1) {
      for (const s of [1, 2, 3] as const) {
        if (s > stage && trainingMemory({ ...base, zeroStage: s }).totalBytes <= acceleratorBytes) { zero = s; break; }
      }
    }
    // Powers of two up to the accelerators a pipeline stage group has (or 1024 without a count), dividing the heads.
    let tpFit: number | null = null;
    const maxTp = input.count !== null ? Math.floor(input.count / pp) : 1024;
    for (let t = 2; t <= maxTp; t *= 2) {
      if (t <= tp || (arch && arch.heads % t !== 0)) continue;
      const d = input.count !== null ? Math.floor(input.count / (t * pp)) : 1;
      if (trainingMemory({ ...base, tensorParallel: t, dataParallel: d }).totalBytes <= acceleratorBytes) { tpFit = t; break; }
    }
    toFit = { zeroStage: zero, tensorParallel: tpFit };
  }

  let loraOut: MemoryEstimate['lora'] = null;
  if (lora) {
    const full = trainingMemory({ ...base, lora: undefined });
    loraOut = { ...lora, fullFineTuneBytes: full.totalBytes, savedBytes: full.totalBytes - b.totalBytes };
  }

  return {
    memory: {
      precision, optimizer, zeroStage: stage as 0 | 1 | 2 | 3, dataParallel: dp, tensorParallel: tp, pipelineParallel: pp,
      microBatch: activations ? microBatch : null, sequence, recompute,
      trainableParams: lora ? lora.trainableParams : input.params,
      weightsBytes: b.weightsBytes, gradientsBytes: b.gradientsBytes, optimizerBytes: b.optimizerBytes,
      activationsBytes: activations ? b.activationsBytes : null, totalBytes: b.totalBytes,
      acceleratorBytes, fits, toFit, lora: loraOut,
    },
    assumptions: A,
  };
}
