import { describe, expect, it } from 'vitest';
import { estimateRun } from '../estimate/estimateRun.js';
import { projectUncertain } from '../uncertainty/projection.js';
import { costForCompute, costForLoss, estimateAllocation, estimateOptimalRun, optimalFor } from './costForLoss.js';
import { computeForLoss, computeOptimal } from './decisions.js';
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

describe('one law → optimum → estimate path', () => {
  const settings = { hardware: 'nvidia-h100-sxm5-80gb', count: 512, region: 'FRA' };
  it('optimalFor is computeOptimal for a budget and computeForLoss for a target loss', () => {
    expect(optimalFor(law, { flops: 1e23 })).toEqual(computeOptimal(law, 1e23));
    expect(optimalFor(law, { targetLoss: 2.1 })).toEqual(computeForLoss(law, 2.1));
    expect(() => optimalFor(law, { targetLoss: 1 })).toThrow(/irreducible/);
  });
  it('estimateOptimalRun is estimateRun at N_opt, D_opt with the settings', () => {
    const r = estimateOptimalRun(law, { flops: 1e23 }, settings);
    expect(r.estimate).toEqual(estimateRun({ ...settings, params: r.optimal.params, tokens: r.optimal.tokens }));
    expect(estimateAllocation(r.optimal, settings)).toEqual(r.estimate);
  });
  it('the Monte Carlo projection with every input fixed lands on the same run as costForLoss / costForCompute', () => {
    for (const [goal, fixed] of [[{ targetLoss: 2.1 }, costForLoss(law, 2.1, settings)], [{ budgetFlops: 1e23 }, costForCompute(law, 1e23, settings)]] as const) {
      const p = projectUncertain({ ...settings, law, ...goal, defaultRanges: false, samples: 3 });
      const o = p.monteCarlo.outputs;
      expect(o.params.median / fixed.optimal.params).toBeCloseTo(1, 9);
      expect(o.tokens.median / fixed.optimal.tokens).toBeCloseTo(1, 9);
      expect(o.costUsd.median / fixed.estimate.costUsd!).toBeCloseTo(1, 9);
      expect(o.co2eKg.median / fixed.estimate.co2eKg).toBeCloseTo(1, 9);
      expect(o.wallClockHours.median / fixed.estimate.wallClockHours!).toBeCloseTo(1, 9);
    }
  });
});
