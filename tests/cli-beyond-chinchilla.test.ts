// CLI for the laws beyond Chinchilla's allocation (issue #14): optimal --unique-tokens,
// optimal --target-loss --inference-tokens, hyperparams, estimate --unique-tokens, fit-epochs,
// and Kaplan's published allocation in `optimal --law kaplan2020`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectBadInput, json, runCli } from './helpers/cli.js';

describe('optimal --unique-tokens (Muennighoff et al. 2023)', () => {
  it('prints N, D, epochs, loss and the penalty; the JSON agrees with the paper\'s Figure 1 allocation', () => {
    const r = runCli(['optimal', '--compute', '1e23', '--unique-tokens', '2e11']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/epochs/);
    expect(r.stdout).toMatch(/the cap costs [\d.]+ nats\/token/);
    expect(r.stdout).toMatch(/arXiv 2305\.16264/);
    const j = json('optimal', '--compute', String(6 * 8.67e9 * 178e9), '--unique-tokens', '25e9');
    expect(j.dataConstrained.epochs).toBeCloseTo(9.1, 0);
    expect(j.dataConstrained.params / 1e9).toBeCloseTo(6.8, 0);
  });
  it('refuses a missing budget and non-positive caps with the flag named', () => {
    expectBadInput(runCli(['optimal', '--target-loss', '2.1', '--unique-tokens', '2e11']), /--unique-tokens: needs --compute/);
    expectBadInput(runCli(['optimal', '--compute', '1e22', '--unique-tokens', '-5']), /--unique-tokens/);
    expectBadInput(runCli(['optimal', '--compute', '1e22', '--unique-tokens', '2e11', '--law', 'kaplan2020']), /--law: repeated data needs a Chinchilla-form law/);
  });
});

describe('optimal --target-loss --inference-tokens (Sardana et al. 2024)', () => {
  it('gives a smaller, longer-trained model than Chinchilla and the saving; with hardware also cost and energy optima', () => {
    const j = json('optimal', '--target-loss', '2.1', '--inference-tokens', '2e13');
    expect(j.flops.optimal.params).toBeLessThan(j.flops.chinchilla.params);
    expect(j.flops.optimal.tokensPerParam).toBeGreaterThan(j.flops.chinchilla.tokensPerParam);
    expect(j.flops.savingFraction).toBeGreaterThan(0);
    expect(j.overtrainedModels.find((m: { id: string }) => m.id === 'llama-3-8b').tokensPerParam).toBeGreaterThan(1800);
    const priced = json('optimal', '--target-loss', '2.1', '--inference-tokens', '2e13', '--hardware', 'nvidia-h100-sxm5-80gb', '--mfu', '0.4', '--inference-hardware', 'nvidia-a100-sxm4-80gb', '--inference-mfu', '0.15');
    expect(priced.usd.savingFraction).toBeGreaterThan(0);
    expect(priced.energy.optimal.params).toBeLessThan(priced.flops.chinchilla.params);
    const text = runCli(['optimal', '--target-loss', '2.1', '--inference-tokens', '2e13']).stdout;
    expect(text).toMatch(/training [\d.]+% , ?inference|training [\d.]+%, inference [\d.]+%/);
  });
  it('refuses a target below E, a missing target and a bad inference accelerator, naming the flag', () => {
    expectBadInput(runCli(['optimal', '--target-loss', '1.5', '--inference-tokens', '2e13']), /--target-loss: 1.5 is not above the law's irreducible loss/);
    expectBadInput(runCli(['optimal', '--compute', '1e22', '--inference-tokens', '2e13']), /--inference-tokens: needs --target-loss/);
    expectBadInput(runCli(['optimal', '--target-loss', '2.1', '--inference-tokens', '2e13', '--inference-hardware', 'h100x']), /--inference-hardware: unknown accelerator/);
    expectBadInput(runCli(['optimal', '--compute', '1e22', '--inference-mfu', '0.2']), /--inference-mfu: needs --inference-tokens/);
  });
});

describe("optimal --law kaplan2020: the paper's allocation, named", () => {
  it('reports N ∝ C^0.73 (804B at 5.76e23) and labels the eq. 1.5 optimum as derived', () => {
    const r = runCli(['optimal', '--law', 'kaplan2020', '--compute', '5.76e23']);
    expect(r.stdout).toMatch(/published allocation \(N_opt ∝ C\^0\.73, §6\.1\): at 5\.76e23 FLOPs N_opt 804B/);
    expect(r.stdout).toMatch(/Derived from eq\. 1\.5 .*not the paper's recommendation/);
    const j = json('optimal', '--law', 'kaplan2020', '--compute', '5.76e23');
    expect(j.optimal.params / j.derivedFromEq15.params).toBeCloseTo(4.2, 1);
    expect(j.optimal.params).toBe(j.kaplanPublished.params);
    expect(j.allocation).toMatch(/published/);
  });
});

describe('hyperparams', () => {
  it('lists DeepSeek, Step Law and Kaplan figures with sources, and warns outside the fitted ranges', () => {
    const j = json('hyperparams', '--compute', '1e22');
    const laws = new Set(j.figures.map((f: { law: string }) => f.law));
    expect([...laws].sort()).toEqual(['deepseek2024', 'kaplan2020', 'steplaw2025']);
    const ds = j.figures.find((f: { law: string; quantity: string }) => f.law === 'deepseek2024' && f.quantity === 'learningRate');
    expect(ds.value).toBeCloseTo(0.3118 * 1e22 ** -0.125, 10);
    const text = runCli(['hyperparams', '--params', '7B', '--tokens', '2T']).stdout;
    expect(text).toMatch(/WARNING: params 7e9 is 7× above the fitted range/);
    expect(text).toMatch(/arXiv 2401\.02954/);
    expect(runCli(['hyperparams', '--help']).stdout).toMatch(/--json/);
  });
  it('refuses a request without a budget, naming the field', () => {
    expectBadInput(runCli(['hyperparams']), /flops: is missing/);
    expectBadInput(runCli(['hyperparams', '--compute', '-1']), /--compute/);
  });
});

describe('estimate --unique-tokens', () => {
  it('reports epochs and effective data; refuses fewer epochs than 1', () => {
    const j = json('estimate', '--params', '7B', '--tokens', '4T', '--unique-tokens', '1T');
    expect(j.repeatedData.epochs).toBe(4);
    expect(j.repeatedData.effectiveTokens / 1e12).toBeCloseTo(3.73, 2);
    expect(runCli(['estimate', '--params', '7B', '--tokens', '4T', '--unique-tokens', '1T']).stdout).toMatch(/4 epochs over 1T unique tokens: worth 3\.73T/);
    expectBadInput(runCli(['estimate', '--params', '7B', '--tokens', '1T', '--unique-tokens', '2T']), /--unique-tokens: .*epochs would be below 1/);
    expectBadInput(runCli(['estimate', '--params', '7B', '--tokens', '1T', '--unique-tokens', '-2']), /--unique-tokens/);
  });
});

describe('fit-epochs', () => {
  it('fits R*_D with a bootstrap interval from a results file of capped runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fit-epochs-'));
    const file = join(dir, 'r.jsonl');
    const R = 6;
    const lines: string[] = [];
    const loss = (d: number) => 1.5 + 50 / d ** 0.4;
    const eff = (d: number, u: number) => u + u * R * (1 - Math.exp(-(d / u - 1) / R));
    let k = 0;
    for (const u of [2e4, 6e4, 2e5]) for (const ep of [1, 2, 4, 8, 16, 32]) {
      lines.push(JSON.stringify({ runKey: `r${k++}`, paramsNonEmbedding: 3072, tokens: u * ep, finalValLoss: loss(eff(u * ep, u)), spec: { dataset: { kind: 'moby-dick', uniqueTokens: u } } }));
    }
    for (const d of [2e4, 2e5, 2e6]) lines.push(JSON.stringify({ runKey: `r${k++}`, paramsNonEmbedding: 3072, tokens: d, finalValLoss: loss(d), spec: { dataset: { kind: 'moby-dick' } } }));
    writeFileSync(file, `${lines.join('\n')}\n`);
    const j = json('fit-epochs', file, '--bootstrap', '50');
    expect(j.fits[0].repeatDecayTokens).toBeCloseTo(R, 0);
    expect(j.paper.repeatDecayTokens).toBeCloseTo(15.39, 2);
    expect(runCli(['fit-epochs', file, '--bootstrap', '50']).stdout).toMatch(/R\*_D = [56](\.\d+)? \(90% bootstrap interval/);
    expectBadInput(runCli(['fit-epochs', join(dir, 'none.jsonl')]), /results: cannot read/);
  });
});
