// `scaling-lab project` run as a user runs it: a child process on the built CLI.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectBadInput, json, runCli } from './helpers/cli.js';

const H100 = 'nvidia-h100-sxm5-80gb';

describe('scaling-lab project (CLI)', () => {
  it('answers a target loss with a fixed published law: compute equals computeForLoss, costs get intervals', () => {
    // Besiroglu et al. 2024 law (E 1.8172, A 482.01, B 2085.43, α 0.3478, β 0.3658): L = 2.1 needs
    // N_opt ≈ 13.3B, D_opt ≈ 265B, C ≈ 2.1e22 (closed form of Hoffmann et al. 2022 eq. 4 inverted).
    const j = json('project', '--law', 'besiroglu2024', '--target-loss', '2.1', '--hardware', H100, '--count', '1024', '--samples', '2000', '--seed', '3');
    expect(j.mode).toBe('targetLoss');
    expect(j.lawSamples).toBe(0);
    expect(j.outputs.params.median / 1e9).toBeGreaterThan(12);
    expect(j.outputs.params.median / 1e9).toBeLessThan(15);
    expect(j.outputs.flops.low).toBe(j.outputs.flops.high);
    expect(j.outputs.costUsd.low).toBeLessThan(j.outputs.costUsd.median);
    expect(j.outputs.costUsd.median).toBeLessThan(j.outputs.costUsd.high);
    expect(j.samples).toBe(2000);
    expect(j.assumptions.find((a: { name: string }) => a.name === 'mfu').source).toMatch(/PaLM/);
  });

  it('carries a fit file’s bootstrap samples, reproducibly with a seed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-project-'));
    const file = join(dir, 'fit.json');
    const base = { E: 1.82, A: 482, B: 2085, alpha: 0.348, beta: 0.366 };
    const bootstrap = Array.from({ length: 50 }, (_, i) => ({ ...base, E: 1.8 + 0.001 * i, A: base.A * (1 + 0.004 * (i - 25)) }));
    writeFileSync(file, JSON.stringify({ law: { form: 'chinchilla', ...base }, bootstrap }));
    const args = ['project', '--law', file, '--target-loss', '2.2', '--hardware', H100, '--samples', '1000', '--seed', '7', '--mfu', '0.35..0.45', '--pue', '1.1', '--price', '2', '--grid', '400', '--power-fraction', '0.7', '--host-overhead', '1.1'];
    const a = json(...args);
    const b = json(...args);
    expect(a.lawSamples).toBe(50);
    expect(a.outputs.params.low).toBeLessThan(a.outputs.params.high);
    expect(a.outputs.co2eKg).toEqual(b.outputs.co2eKg);
    expect(a.sensitivity.bars.flops[0].input).toBe('fit');
    const noFit = json(...args, '--no-fit');
    expect(noFit.outputs.params.low).toBe(noFit.outputs.params.high);
    const text = runCli(args);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/50 bootstrap parameter sets/);
    expect(text.stdout).toMatch(/5–95% interval/);
  });

  it('reads the bootstrap of `scaling-lab fit --bootstrap --out` (fit → project pipeline)', () => {
    // 20 synthetic runs from Hoffmann et al. 2022's law (E 1.69, A 406.4, B 410.7, α 0.34, β 0.28), exact losses.
    const dir = mkdtempSync(join(tmpdir(), 'cli-project-fit-'));
    const csv = join(dir, 'runs.csv');
    const law = { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };
    const rows = ['params,tokens,loss'];
    let k = 0;
    for (const n of [1e7, 3e7, 1e8, 3e8, 1e9]) for (const d of [2e8, 1e9, 5e9, 2e10]) {
      const wobble = 1 + 0.004 * Math.sin(++k * 2.3); // deterministic ±0.4% "noise" so resamples differ
      rows.push(`${n},${d},${(law.E + law.A / n ** law.alpha + law.B / d ** law.beta) * wobble}`);
    }
    writeFileSync(csv, `${rows.join('\n')}\n`);
    const fitJson = join(dir, 'fit.json');
    const f = runCli(['fit', csv, '--bootstrap', '30', '--out', fitJson]);
    expect(f.code, f.stderr).toBe(0);
    const j = json('project', '--law', fitJson, '--budget-flops', '1e19', '--hardware', H100, '--samples', '2000');
    expect(j.lawSamples).toBe(30);
    // the true N_opt at 1e19 FLOPs under the generating law, from the closed form (Hoffmann et al. 2022 eq. 4)
    const G = ((law.alpha * law.A) / (law.beta * law.B)) ** (1 / (law.alpha + law.beta));
    const nTrue = G * (1e19 / 6) ** (law.beta / (law.alpha + law.beta));
    expect(j.outputs.params.low).toBeLessThan(j.outputs.params.high);
    expect(j.outputs.params.median / nTrue).toBeGreaterThan(0.8);
    expect(j.outputs.params.median / nTrue).toBeLessThan(1.25);
    // the same runs fitted and bootstrapped by `project` itself
    const direct = json('project', '--law', csv, '--bootstrap', '20', '--budget-flops', '1e19', '--hardware', H100, '--samples', '2000');
    expect(direct.lawSamples).toBe(20);
    expect(direct.outputs.params.median / nTrue).toBeGreaterThan(0.8);
    expect(direct.outputs.params.median / nTrue).toBeLessThan(1.25);
    expectBadInput(runCli(['project', '--law', 'besiroglu2024', '--bootstrap', '20', '--target-loss', '2.1']), /--bootstrap: needs runs to resample/);
  });

  it('budget mode reports the loss a budget buys', () => {
    const j = json('project', '--law', 'hoffmann2022', '--budget-flops', '5.76e23', '--hardware', H100, '--samples', '200');
    // Hoffmann et al. 2022: Chinchilla's budget 5.76e23 FLOPs → ~70B params (rounded law gives ~1.9 nats)
    expect(j.outputs.loss.median).toBeGreaterThan(1.85);
    expect(j.outputs.loss.median).toBeLessThan(2.05);
  });

  it('exits 2 with one line on impossible ranges and bad input', () => {
    for (const args of [
      ['--mfu', '0.5..0.3'],
      ['--pue', '0.8..1.2'],
      ['--mfu', '1.3'],
      ['--mfu', 'gamma:1,2'],
    ]) {
      expectBadInput(runCli(['project', '--law', 'besiroglu2024', '--target-loss', '2.1', ...args]), /--(mfu|pue)/, args.join(' '));
    }
    expectBadInput(runCli(['project', '--law', 'besiroglu2024', '--target-loss', '2.1', '--budget-flops', '1e20']), /only one/);
    expectBadInput(runCli(['project', '--law', 'nosuchlaw', '--target-loss', '2']), /unknown law/);
    const notJson = join(mkdtempSync(join(tmpdir(), 'cli-project-')), 'fit.json');
    writeFileSync(notJson, '{"law": ');
    expectBadInput(runCli(['project', '--law', notJson, '--target-loss', '2']), /--law: ".*fit\.json" is not valid JSON/);
    writeFileSync(notJson, JSON.stringify({ law: { form: 'chinchilla', E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 }, bootstrap: [null] }));
    expectBadInput(runCli(['project', '--law', notJson, '--target-loss', '2']), /bootstrap\[0\]: is null, not a parameter set/);
    expectBadInput(runCli(['project', '--law', 'besiroglu2024', '--target-loss', '1.5']), /--target-loss: no sample reaches it: the law's irreducible loss is 1.817/);
  });
});
