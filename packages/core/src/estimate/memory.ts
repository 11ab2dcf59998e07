/**
 * Training memory per accelerator.
 *
 * Model states (Rajbhandari et al. 2020, "ZeRO", §3.1 and Figure 1), bytes per
 * parameter:
 *   precision  weights grads  optimizer (SGD / SGD+momentum / Adam(W))
 *   fp32          4      4     0 / 4 / 8
 *   bf16          2      2     0 / 2 / 4      (pure bf16, states in bf16)
 *   mixed         2      2     4 / 8 / 12     (fp32 master copy + states: K = 12 for Adam)
 * Mixed-precision Adam is the familiar 16 bytes per parameter.
 * ZeRO stage 1 divides optimizer states by the data-parallel degree, stage 2
 * also gradients, stage 3 also weights. Tensor (t) and pipeline (p)
 * parallelism divide all model states by t·p.
 *
 * Activations per layer, 16-bit (Korthikanti et al. 2022, "Reducing
 * Activation Recomputation in Large Transformer Models", Table 2), with
 * sequence s, micro-batch b, width h, heads a, tensor parallel t:
 *   no recomputation, t with sequence parallelism:  s·b·h·(34 + 5·a·s/h) / t
 *   selective recomputation (attention core):       s·b·h·34 / t
 *   full recomputation (keep layer inputs only):    2·s·b·h / t
 * times the number of layers (with 1F1B pipelining the first stage holds p
 * micro-batches of L/p layers, i.e. L layers' worth; §4.1). The formula is for
 * a GPT MLP of width 4h and plain multi-head attention: an approximation for
 * SwiGLU/GQA models.
 *
 * LoRA (Hu et al. 2021): adapting a d_in × d_out matrix with rank r trains
 * r·(d_in + d_out) parameters. The frozen base keeps only its weights (no
 * gradients or optimizer state); the adapters carry full model states.
 */
import { InputError, requireNumber } from '../errors.js';
import { isGated, normalizeArchitecture, type Architecture } from './params.js';

export type OptimizerKind = 'sgd' | 'sgd-momentum' | 'adam' | 'adamw';
export type TrainingPrecision = 'fp32' | 'bf16' | 'mixed';
export type Recompute = 'none' | 'selective' | 'full';
export type LoraTarget = 'q' | 'k' | 'v' | 'o' | 'gate' | 'up' | 'down';

/**
 * Bytes per parameter for weights, gradients and optimizer state by training precision and optimizer
 * (Rajbhandari et al. 2020, "ZeRO", §3.1): mixed-precision Adam keeps 2 + 2 + 12 = 16 bytes.
 *
 * @param precision - `fp32`, `bf16` (states in bf16) or `mixed` (fp32 master copy), default mixed
 * @param optimizer - `sgd`, `sgd-momentum`, `adam` or `adamw`, default AdamW
 * @returns bytes per parameter for `weights`, `gradients` and `optimizer`
 * @throws InputError naming `precision` when it is unknown
 * @example
 * ```ts
 * import { bytesPerParam } from '@scaling-lab/core';
 * bytesPerParam().optimizer; // → 12
 * bytesPerParam('bf16', 'sgd').optimizer; // → 0
 * ```
 */
export function bytesPerParam(precision: TrainingPrecision = 'mixed', optimizer: OptimizerKind = 'adamw'): { weights: number; gradients: number; optimizer: number } {
  const states = optimizer === 'sgd' ? 0 : optimizer === 'sgd-momentum' ? 1 : 2;
  if (precision === 'fp32') return { weights: 4, gradients: 4, optimizer: 4 * states };
  if (precision === 'bf16') return { weights: 2, gradients: 2, optimizer: 2 * states };
  if (precision === 'mixed') return { weights: 2, gradients: 2, optimizer: 4 + 4 * states };
  throw new InputError('precision', `unknown training precision "${String(precision)}"`, 'use fp32, bf16 or mixed');
}

export interface ActivationInput {
  layers: number;
  dModel: number;
  heads: number;
  /** Sequence length s. */
  sequence: number;
  microBatch: number;
  recompute?: Recompute;
}

/**
 * Activation bytes per accelerator, 16-bit (Korthikanti et al. 2022, Table 2): per layer s·b·h·(34 + 5·a·s/h)
 * without recomputation, s·b·h·34 with selective and 2·s·b·h with full recomputation, divided by tensor
 * parallelism, times the layers. Exact for a GPT MLP and multi-head attention; approximate for SwiGLU/GQA.
 *
 * @param a - layers, width h, heads a, sequence s, micro-batch b and the recomputation mode
 * @param tensorParallel - tensor-parallel degree t (with sequence parallelism), default 1
 * @returns activation bytes per accelerator (plain numbers: the counts are not validated here)
 * @throws InputError naming `recompute` when it is unknown
 * @example
 * ```ts
 * import { activationBytes } from '@scaling-lab/core';
 * const a = { layers: 32, dModel: 4096, heads: 32, sequence: 2048, microBatch: 1 };
 * activationBytes(a); // → 3.06e10
 * activationBytes({ ...a, recompute: 'full' }); // → 5.37e8
 * ```
 */
export function activationBytes(a: ActivationInput, tensorParallel = 1): number {
  const { layers: L, dModel: h, heads, sequence: s, microBatch: b } = a;
  const sbh = s * b * h;
  const recompute = a.recompute ?? 'none';
  let perLayer: number;
  if (recompute === 'full') perLayer = 2 * sbh;
  else if (recompute === 'selective') perLayer = 34 * sbh;
  else if (recompute === 'none') perLayer = sbh * (34 + (5 * heads * s) / h);
  else throw new InputError('recompute', `unknown "${String(recompute)}"`, 'use none, selective or full');
  return (L * perLayer) / tensorParallel;
}

export interface MemoryInput {
  /** Total parameters. */
  params: number;
  precision?: TrainingPrecision;
  optimizer?: OptimizerKind;
  /** 0 (none) to 3. */
  zeroStage?: 0 | 1 | 2 | 3;
  dataParallel?: number;
  tensorParallel?: number;
  pipelineParallel?: number;
  activations?: ActivationInput;
  /** Train LoRA adapters instead of all weights. */
  lora?: { trainableParams: number };
}

export interface MemoryBreakdown {
  weightsBytes: number;
  gradientsBytes: number;
  optimizerBytes: number;
  activationsBytes: number;
  totalBytes: number;
}

/**
 * Training memory per accelerator: weights, gradients, optimizer states and activations.
 *
 * Method (see the module comment): bytes per parameter by precision and optimizer
 * (Rajbhandari et al. 2020, "ZeRO", §3.1: mixed-precision Adam is 16 bytes), divided by the
 * data-parallel degree according to the ZeRO stage and by tensor × pipeline parallelism;
 * activations per layer from Korthikanti et al. 2022, Table 2.
 *
 * @param input - parameters, precision (default mixed), optimizer (default AdamW), ZeRO stage,
 *   parallelism, activation shape and LoRA rank
 * @returns bytes per accelerator by part, and `totalBytes`
 * @throws InputError naming the field when a count is not a positive number
 * @example
 * ```ts
 * import { trainingMemory } from '@scaling-lab/core';
 * trainingMemory({ params: 7e9 }).totalBytes; // → 112e9
 * // ZeRO stage 3 over 8 data-parallel ranks shards all of it
 * trainingMemory({ params: 7e9, zeroStage: 3, dataParallel: 8 }).totalBytes; // → 14e9
 * ```
 */
export function trainingMemory(input: MemoryInput): MemoryBreakdown {
  const N = requireNumber('params', input.params, { exclusiveMin: 0 });
  const stage = input.zeroStage ?? 0;
  if (![0, 1, 2, 3].includes(stage)) throw new InputError('zeroStage', `must be 0, 1, 2 or 3, got ${stage}`, 'choose a ZeRO stage from 0 to 3');
  const dp = requireNumber('dataParallel', input.dataParallel ?? 1, { min: 1 });
  const tp = requireNumber('tensorParallel', input.tensorParallel ?? 1, { min: 1 });
  const pp = requireNumber('pipelineParallel', input.pipelineParallel ?? 1, { min: 1 });
  const b = bytesPerParam(input.precision, input.optimizer);
  const mp = tp * pp;
  let weights: number, grads: number, opt: number;
  if (input.lora) {
    const T = requireNumber('lora.trainableParams', input.lora.trainableParams, { min: 0 });
    weights = ((N * b.weights) / mp) + (T * b.weights) / mp;
    grads = (T * b.gradients) / mp;
    opt = (T * b.optimizer) / mp;
  } else {
    weights = (N * b.weights) / mp;
    grads = (N * b.gradients) / mp;
    opt = (N * b.optimizer) / mp;
  }
  if (stage >= 1) opt /= dp;
  if (stage >= 2) grads /= dp;
  if (stage >= 3) weights /= dp;
  const act = input.activations ? activationBytes(input.activations, tp) : 0;
  return { weightsBytes: weights, gradientsBytes: grads, optimizerBytes: opt, activationsBytes: act, totalBytes: weights + grads + opt + act };
}

/** Input/output widths of each LoRA-adaptable matrix of a layer. */
function targetShape(arch: ReturnType<typeof normalizeArchitecture>, t: LoraTarget): [number, number] {
  const d = arch.dModel;
  const q = arch.heads * arch.headDim;
  const kv = arch.kvHeads * arch.headDim;
  switch (t) {
    case 'q': return [d, q];
    case 'k': return [d, kv];
    case 'v': return [d, kv];
    case 'o': return [q, d];
    case 'gate':
      if (!isGated(arch.ffnType)) throw new InputError('lora.targets', 'gate exists only in SwiGLU MLPs and their GeGLU variant', 'drop gate or use ffnType swiglu');
      return [d, arch.ffnDim];
    case 'up': return [d, arch.ffnDim];
    case 'down': return [arch.ffnDim, d];
    default: throw new InputError('lora.targets', `unknown matrix "${String(t)}"`, 'use q, k, v, o, gate, up or down');
  }
}

/**
 * Trainable LoRA parameters: layers × Σ over the adapted matrices of rank·(d_in + d_out)
 * (Hu et al. 2021, "LoRA", §4); by default q and v, as in the paper.
 *
 * @param arch - the base model's architecture
 * @param rank - r, the adapters' rank
 * @param targets - which matrices get adapters: q, k, v, o, gate, up, down
 * @returns trainable parameters
 * @throws InputError for an unknown target or a rank below 1
 * @example
 * ```ts
 * import { loraParams } from '@scaling-lab/core';
 * loraParams({ layers: 32, dModel: 4096, heads: 32, vocab: 32000, ffnDim: 11008, ffnType: 'swiglu' }, 8); // → 4194304
 * ```
 */
export function loraParams(arch: Architecture, rank: number, targets: readonly LoraTarget[] = ['q', 'v']): number {
  requireNumber('lora.rank', rank, { min: 1 });
  const a = normalizeArchitecture(arch);
  let perLayer = 0;
  for (const t of targets) {
    const [i, o] = targetShape(a, t);
    perLayer += rank * (i + o);
  }
  return a.layers * perLayer;
}

/**
 * Training memory with LoRA adapters against full fine-tuning, same settings otherwise: the frozen base
 * keeps only its weights, the `trainableParams` adapters carry full model states (Hu et al. 2021).
 *
 * @param input - the {@link trainingMemory} input without `lora`
 * @param trainableParams - adapter parameters, e.g. from {@link loraParams}
 * @returns both breakdowns and `savedBytes` = full − LoRA total
 * @example
 * ```ts
 * import { loraMemorySavings } from '@scaling-lab/core';
 * const m = loraMemorySavings({ params: 7e9 }, 4.2e6);
 * m.full.totalBytes; // → 112e9
 * m.savedBytes; // → 9.79e10
 * ```
 */
export function loraMemorySavings(input: Omit<MemoryInput, 'lora'>, trainableParams: number): { full: MemoryBreakdown; lora: MemoryBreakdown; savedBytes: number } {
  const full = trainingMemory(input);
  const lora = trainingMemory({ ...input, lora: { trainableParams } });
  return { full, lora, savedBytes: full.totalBytes - lora.totalBytes };
}
