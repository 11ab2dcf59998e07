import { describe, expect, it } from 'vitest';
import { loraTrainingFlops } from './loraFlops.js';
import { trainingFlops } from './flops.js';
import { loraParams } from './memory.js';
import { getPublishedRun } from '../data/publishedRuns.js';
import { paramsFromArchitecture } from './params.js';

describe('LoRA training FLOPs', () => {
  it('is 4·N + 6·N_lora per token: two thirds of full fine-tuning plus the adapters', () => {
    expect(loraTrainingFlops(7e9, 0, 1e8)).toBe(4 * 7e9 * 1e8);
    expect(loraTrainingFlops(7e9, 4e6, 1e8)).toBe((4 * 7e9 + 6 * 4e6) * 1e8);
    expect(loraTrainingFlops(7e9, 0, 1e8) / trainingFlops(7e9, 1e8)).toBeCloseTo(2 / 3, 12);
  });
  it('Llama 2 7B, rank 16 on q and v: 0.667 of full fine-tuning (the 8.4M adapters add about 0.1 %)', () => {
    const arch = getPublishedRun('llama-2-7b').architecture!.value;
    const n = paramsFromArchitecture(arch).total;
    const lora = loraParams(arch, 16, ['q', 'v']);
    const ratio = loraTrainingFlops(n, lora, 1e8) / trainingFlops(n, 1e8);
    expect(ratio).toBeGreaterThan(2 / 3);
    expect(ratio).toBeLessThan(2 / 3 + 0.002);
  });
});
