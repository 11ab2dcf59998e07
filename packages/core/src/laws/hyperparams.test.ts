import { describe, expect, it } from 'vitest';
import { batchTradeoff, deepseekHyperparams, kaplanCriticalBatch, kaplanLearningRate, recommendHyperparams, stepLawHyperparams } from './hyperparams.js';

describe('hyperparameter laws', () => {
  it('DeepSeek LLM eq. 1 gives Table 2\'s settings: 7B (η 4.2e-4 with 2304×4096 tokens) and 67B (η 3.2e-4 with 4608×4096)', () => {
    for (const [seqs, lr, nominalFlops] of [
      [2304, 4.2e-4, 6 * 6.9e9 * 2e12],
      [4608, 3.2e-4, 6 * 67e9 * 2e12],
    ] as const) {
      const batch = seqs * 4096;
      // the budget at which eq. 1 prescribes this batch …
      const C = (batch / 0.292) ** (1 / 0.3271);
      expect(C / nominalFlops).toBeGreaterThan(0.85);
      expect(C / nominalFlops).toBeLessThan(1.15);
      // … prescribes the published learning rate too
      const [eta, b] = deepseekHyperparams(C);
      expect(eta.value).toBeCloseTo(lr, 5);
      expect(b.value / batch).toBeCloseTo(1, 6);
      expect(eta.inRange).toBe(true);
    }
  });

  it('DeepSeek warns outside its range and says how far', () => {
    const [eta] = deepseekHyperparams(1e26);
    expect(eta.inRange).toBe(false);
    expect(eta.warning).toMatch(/100× above the fitted range/);
  });

  it('Step Law at its largest grid point (1B params, 100B tokens): η ≈ 1.64e-3, B ≈ 1.11M tokens; B does not depend on N', () => {
    const [eta, b] = stepLawHyperparams(1e9, 1e11);
    expect(eta.value).toBeCloseTo(1.64e-3, 4);
    expect(b.value / 1e6).toBeCloseTo(1.11, 2);
    expect(eta.inRange).toBe(true);
    expect(stepLawHyperparams(1e8, 1e11)[1].value).toBe(b.value);
    expect(stepLawHyperparams(1e8, 1e11)[0].value).toBeGreaterThan(eta.value);
    expect(stepLawHyperparams(7e10, 1.4e12)[0].warning).toMatch(/params .* above/);
  });

  it('Kaplan critical batch: B* / L^(1/α_B) ≈ 1.07M tokens at 3 nats, doubling loss shrinks it 27×', () => {
    expect(kaplanCriticalBatch(3).value / 1e6).toBeCloseTo(1.066, 2);
    expect(kaplanCriticalBatch(3).value / kaplanCriticalBatch(6).value).toBeCloseTo(2 ** (1 / 0.21), 6);
    expect(kaplanCriticalBatch(1.8).inRange).toBe(false);
  });

  it('McCandlish eq. 2.11: at the critical batch a run takes twice the minimum steps and twice the minimum data', () => {
    expect(batchTradeoff(1e6, 1e6)).toEqual({ stepsOverMin: 2, dataOverMin: 2 });
    const t = batchTradeoff(4e6, 1e6);
    expect((t.stepsOverMin - 1) * (t.dataOverMin - 1)).toBeCloseTo(1, 12);
  });

  it('Kaplan eq. D.1 learning rate: 2.9e-4 at 1.5B parameters, refused where it turns negative', () => {
    expect(kaplanLearningRate(1.5e9).value).toBeCloseTo(2.9e-4, 5);
    expect(() => kaplanLearningRate(1e11)).toThrow(/params/);
  });

  it('recommends for a budget alone with every figure sourced, sizing N and D by Chinchilla', () => {
    const r = recommendHyperparams({ flops: 1e22 });
    expect(r.sizing).toMatch(/Chinchilla/);
    expect(r.params * r.tokens * 6).toBeCloseTo(1e22, -18);
    expect(r.figures.length).toBeGreaterThanOrEqual(5);
    for (const f of r.figures) {
      expect(f.source).toMatch(/arXiv \d{4}\.\d{5}/);
      expect(Number.isFinite(f.value) && f.value > 0).toBe(true);
    }
    expect(() => recommendHyperparams({})).toThrow(/flops/);
  });
});
