/**
 * LoRA training FLOPs: the frozen base skips its weight-gradient matmuls.
 *
 * A training step's backward pass is two matmuls per weight matrix of the same
 * size as the forward one: the gradient with respect to the layer's input and
 * the gradient with respect to its weights (Narayanan et al. 2021, "Efficient
 * Large-Scale Language Model Training on GPU Clusters", §3.2/App.: forward 2,
 * backward 4 FLOPs per parameter per token — hence 6·N·D). LoRA (Hu et al.
 * 2021) freezes the N base weights, so their weight gradients are never
 * computed; the input gradients still flow through them to reach earlier
 * adapters. Per token:
 *
 *   full fine-tuning: 6·N
 *   LoRA:             2·N (forward) + 2·N (input gradients) + 6·N_lora (adapters, all three)
 *                   = 4·N + 6·N_lora
 *
 * i.e. about two thirds of full fine-tuning when N_lora ≪ N (Hu et al. 2021
 * §4.2 report a 25 % throughput gain on GPT-3 175B, below the 33 % bound
 * because of the adapters' own overheads and non-matmul work).
 */

/** Share of a training step's FLOPs per base parameter that a frozen base still does: 4 of 6. */
export const FROZEN_FLOPS_PER_PARAM_PER_TOKEN = 4;

/**
 * LoRA fine-tuning FLOPs: (4·N_base + 6·N_lora)·D. The frozen base does its forward and
 * input-gradient matmuls but no weight gradients (Hu et al. 2021; see the module comment), so a
 * small adapter costs about two thirds of full fine-tuning's 6·N·D. Plain numbers, no validation.
 *
 * @param baseParams - N_base, frozen base parameters
 * @param loraTrainableParams - N_lora, trainable adapter parameters
 * @param tokens - D, fine-tuning tokens
 * @returns training FLOPs
 * @example
 * ```ts
 * import { loraTrainingFlops } from '@scaling-lab/core';
 * // a 7B base with 4.2M adapter parameters on 1B tokens (full fine-tuning: 4.2e19)
 * loraTrainingFlops(7e9, 4.2e6, 1e9); // → 2.80e19
 * ```
 */
export function loraTrainingFlops(baseParams: number, loraTrainableParams: number, tokens: number): number {
  return (FROZEN_FLOPS_PER_PARAM_PER_TOKEN * baseParams + 6 * loraTrainableParams) * tokens;
}
