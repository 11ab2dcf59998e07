import { describe, expect, it } from 'vitest';
import { costForCompute, costForLoss } from './costForLoss.js';
import { computeForLoss } from './decisions.js';
import { getPublishedLaw } from './published.js';

const law = getPublishedLaw('besiroglu2024').law;

describe('costForLoss / costForCompute', () => {
  it('estimates the compute-optimal run for a target loss: FLOPs = 6·N_opt·D_opt', () => {
    const r = costForLoss(law, 2.0, { hardware: 'nvidia-h100-sxm5-80gb', mfu: 0.4 });
    const opt = computeForLoss(law, 2.0);
    expect(r.optimal).toEqual(opt);
    expect(r.estimate.flops! / opt.flops).toBeCloseTo(1, 10);
    // accelerator-hours ≈ C / (peak · MFU) / 3600 with the accelerator's dense peak
    expect(r.estimate.computeAcceleratorHours).toBeCloseTo(opt.flops / (r.estimate.peakFlopsPerSecond * 0.4) / 3600, 0);
  });
  it('a 10× larger budget costs about 10× more', () => {
    const a = costForCompute(law, 1e23, { hardware: 'nvidia-h100-sxm5-80gb' });
    const b = costForCompute(law, 1e24, { hardware: 'nvidia-h100-sxm5-80gb' });
    expect(b.estimate.costUsd! / a.estimate.costUsd!).toBeCloseTo(10, 6);
  });
});
