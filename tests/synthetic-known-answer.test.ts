// Known-answer check of the whole pipeline (issue #13, item 5): the committed synthetic
// sweep was trained on an order-1 Markov chain whose entropy rate is known exactly; an
// Approach 3 fit of those runs must find the irreducible loss E within 5 % of it. The
// truth is recomputed here from the spec's chain (not read back from the results), so
// the test fails if the training, the results or the fit drift.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitChinchilla } from '../packages/core/src/index.js';
import { createMarkovChain, markovEntropyRate } from '../packages/core/src/train/markov.js';
import { trustAnalysis } from '../packages/core/src/verify/trust.js';

const spec = JSON.parse(readFileSync('sweeps/synthetic.json', 'utf8'));
const records = readFileSync('sweeps/results/synthetic.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));

describe('synthetic sweep: training + fitting recover a number known in advance', () => {
  const ds = spec.dataset;
  const truth = markovEntropyRate(createMarkovChain({ order: ds.order, vocab: ds.vocab, branching: ds.branching, zipfExponent: ds.zipfExponent, seed: ds.chainSeed }));

  it('every committed run carries the exact entropy rate', () => {
    // The spec's runs, plus the predicted-optimal size the main job adds to the held-out budget.
    expect(records.length).toBeGreaterThanOrEqual(spec.budgets.reduce((n: number, b: { models: string[] }) => n + b.models.length, 0));
    for (const r of records) expect(r.entropyRate).toBeCloseTo(truth, 10);
  });

  it("Approach 3's E is within 5 % of the source's entropy rate", () => {
    const fit = fitChinchilla(records.map((r) => ({ params: r.paramsNonEmbedding, tokens: r.tokens, loss: r.finalValLoss })));
    expect(Math.abs(fit.law.E / truth - 1)).toBeLessThan(0.05);
    // E is a floor: no run may beat the entropy rate by more than validation noise (16k tokens, ~1 %).
    for (const r of records) expect(r.finalValLoss).toBeGreaterThan(truth * 0.99);
  });

  it("the bootstrap interval on E (as the main job prints it) is reported, and the held-out budget's loss is predicted", () => {
    const t = trustAnalysis(
      records.map((r) => ({ id: r.runKey, params: r.paramsNonEmbedding, tokens: r.tokens, loss: r.finalValLoss, flopsBudget: r.sweep.flopsBudget })),
      { targetFlops: 1e24, samples: 60 },
    );
    const E = t.approach3!.E;
    expect(E.interval[0]).toBeLessThanOrEqual(E.estimate);
    expect(E.interval[1]).toBeGreaterThanOrEqual(E.estimate);
    // Held out: the largest budget (3e10 FLOPs), predicted from the three smaller ones. The target:
    // its loss predicted within 2 % and inside the predicted interval (sweeps/README.md has the figures).
    const v = t.verification!;
    expect(v.budgetFlops).toBe(Math.max(...spec.budgets.map((b: { flops: number }) => b.flops)));
    expect(Math.abs(v.lossErrorPercent)).toBeLessThan(2);
    expect(v.inside).toBe(true);
  }, 60_000);
});
