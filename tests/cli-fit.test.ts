// `scaling-lab fit`, `optimal` and `laws` run as a user runs them: child processes on the built CLI.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeOptimal, createRng, lossAt, type ChinchillaLaw } from '../packages/core/src/index.js';
import { expectBadInput, json, runCli } from './helpers/cli.js';

// Synthetic sweep from the rounded Hoffmann law (E 1.69, A 406.4, B 410.7, α 0.34, β 0.28):
// 5 budgets × 7 sizes around the optimum, 0.3% multiplicative noise (seeded).
const LAW: ChinchillaLaw = { form: 'chinchilla', E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };
const dir = mkdtempSync(join(tmpdir(), 'cli-fit-'));
const csv = join(dir, 'runs.csv');
const jsonl = join(dir, 'results.jsonl');
beforeAll(() => {
  const rng = createRng(11);
  const rows = ['model size,training tokens,final loss,notes'];
  const lines: string[] = [];
  for (const C of [1e18, 1e19, 1e20, 1e21, 1e22]) {
    const nOpt = computeOptimal(LAW, C).params;
    for (let k = -3; k <= 3; k++) {
      const N = nOpt * 2 ** k;
      const D = C / (6 * N);
      const L = lossAt(LAW, N, D) * Math.exp(0.003 * rng.normal());
      rows.push(`${N},${D},${L},"budget ${C}, k=${k}"`);
      const curve = [0.25, 0.5, 0.75, 1].map((f, i) => ({ step: i + 1, tokens: D * f, trainLoss: lossAt(LAW, N, D * f) }));
      lines.push(JSON.stringify({ runKey: `r${C}-${k}`, paramsNonEmbedding: N, paramsTotal: N * 1.1, tokens: D, finalValLoss: L, finalTrainLoss: L, diverged: false, curve }));
    }
  }
  lines.push(JSON.stringify({ runKey: 'boom', paramsNonEmbedding: 1e6, paramsTotal: 2e6, tokens: 1e7, finalValLoss: null, diverged: true, curve: [] }));
  writeFileSync(csv, `${rows.join('\n')}\n`);
  writeFileSync(jsonl, `${lines.join('\n')}\n`);
});

describe('scaling-lab fit', () => {
  it('Approach 3 on a CSV with named columns recovers the generating law and writes a reusable fit JSON', () => {
    const out = join(dir, 'fit.json');
    const j = json('fit', csv, '--out', out);
    expect(j.approach).toBe(3);
    expect(j.source.used).toBe(35);
    expect(j.source.columns).toMatchObject({ params: 'model size', tokens: 'training tokens', loss: 'final loss' });
    expect(j.fit.converged).toBe(true);
    expect(j.fit.starts).toBe(4500);
    expect(Math.abs(j.law.alpha / 0.34 - 1)).toBeLessThan(0.05);
    expect(Math.abs(j.law.beta / 0.28 - 1)).toBeLessThan(0.05);
    expect(Math.abs(j.law.E / 1.69 - 1)).toBeLessThan(0.02);
    expect(JSON.parse(readFileSync(out, 'utf8')).law).toEqual(j.law);
    // optimal --law fit.json reuses it: same numbers as the library on that law
    const o = json('optimal', '--compute', '1e23', '--law', out);
    const lib = computeOptimal(j.law, 1e23);
    expect(o.optimal.params).toBeCloseTo(lib.params, -3);
    expect(o.optimal.tokensPerParam).toBeCloseTo(lib.tokensPerParam, 8);
  });

  it('reads sweep results JSONL: skips diverged runs, N = paramsNonEmbedding by default or paramsTotal', () => {
    const j = json('fit', jsonl, '--approach', '2');
    expect(j.source.rows).toBe(36);
    expect(j.source.used).toBe(35);
    expect(j.source.skipped[0].reason).toMatch(/diverged/);
    expect(j.source.columns.params).toBe('paramsNonEmbedding');
    expect(Math.abs(j.frontier.a - 0.28 / 0.62)).toBeLessThan(0.05);
    const t = json('fit', jsonl, '--approach', '2', '--params', 'total');
    expect(t.source.columns.params).toBe('paramsTotal');
    expect(t.profiles[0].paramsOpt).not.toBeCloseTo(j.profiles[0].paramsOpt, 0);
  });

  it('Approach 1 uses the training curves of a results file; a frontier fit answers optimal --compute', () => {
    const out = join(dir, 'fit1.json');
    const j = json('fit', jsonl, '--approach', '1', '--out', out);
    expect(j.method).toMatch(/training curves/);
    expect(j.modelsOnEnvelope).toBeGreaterThan(2);
    const o = json('optimal', '--compute', '1e21', '--law', out);
    expect(o.params).toBeCloseTo(j.frontier.params.coefficient * 1e21 ** j.frontier.a, -2);
  });

  it('built-in chinchilla data with a bootstrap gives per-sample parameter columns', () => {
    const j = json('fit', 'chinchilla', '--bootstrap', '50', '--seed', '3');
    expect(j.source.used).toBe(240);
    expect(j.fit.objective).toBeCloseTo(0.001018274, 8);
    expect(j.bootstrap.params.alpha).toHaveLength(50);
    expect(j.bootstrap.intervals.alpha.lower).toBeLessThan(j.law.alpha);
  }, 300_000);

  it('human output says whether it converged and how many starts reached the best', () => {
    const r = runCli(['fit', csv]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/converged \(\w[\w-]*\); \d+ of 4500 starts reached the best/);
  });

  it('bad input: one line, exit 2, naming the problem', () => {
    const noLoss = join(dir, 'noloss.csv');
    writeFileSync(noLoss, 'params,tokens\n1e9,2e10\n');
    expectBadInput(runCli(['fit', noLoss]), /missing column\(s\) loss/);
    const neg = join(dir, 'neg.csv');
    writeFileSync(neg, 'N,D,loss\n1e9,2e10,2.5\n-1e9,2e10,2.4\n');
    expectBadInput(runCli(['fit', neg]), /line 3.*"N" is not a finite number > 0/);
    const few = join(dir, 'few.csv');
    writeFileSync(few, 'N,D,loss\n1e9,2e10,2.5\n2e9,2e10,2.4\n3e9,1e10,2.45\n');
    expectBadInput(runCli(['fit', few]), /fewer than the 5/);
    const oneSize = join(dir, 'onesize.csv');
    writeFileSync(oneSize, `N,C,loss\n${[1, 2, 3, 4, 5, 6].map((k) => `1e9,${k}e19,${3 - k / 10}`).join('\n')}\n`);
    expectBadInput(runCli(['fit', oneSize]), /same parameter count/);
    expectBadInput(runCli(['fit', join(dir, 'missing.csv')]), /cannot read/);
    expectBadInput(runCli(['fit', csv, '--approach', '4']), /approach/);
    expectBadInput(runCli(['fit', csv, '--approach', '2', '--bootstrap', '10']), /only available with --approach 3/);
    expectBadInput(runCli(['fit', csv, '--drop-highest-loss', '2.5']), /--drop-highest-loss: must be a whole number/);
    expectBadInput(runCli(['fit', csv, '--drop-highest-loss', '35']), /--drop-highest-loss: 35 would drop all 35 runs/);
  });
});

describe('scaling-lab optimal', () => {
  it('Hoffmann rounded law at Chinchilla compute: closed form of eq. 4 (N_opt ∝ C^0.4516)', () => {
    const o = json('optimal', '--compute', '5.76e23', '--law', 'hoffmann2022');
    const G = ((0.34 * 406.4) / (0.28 * 410.7)) ** (1 / 0.62);
    expect(o.optimal.params / (G * (5.76e23 / 6) ** (0.28 / 0.62))).toBeCloseTo(1, 10);
    expect(o.frontier.a).toBeCloseTo(0.4516, 4);
    expect(o.nextDoublings).toHaveLength(3);
  });
  it('--target-loss inverts --compute; --params shows the wrong-size penalty', () => {
    const a = json('optimal', '--compute', '1e24', '--law', 'besiroglu2024');
    const b = json('optimal', '--target-loss', String(a.optimal.loss), '--law', 'besiroglu2024', '--params', '1T');
    expect(b.optimal.flops / 1e24).toBeCloseTo(1, 6);
    expect(b.wrongSize.extraFraction).toBeGreaterThan(0);
  });
  it('--hardware adds the run estimate (estimation core) for the compute-optimal model', () => {
    const o = json('optimal', '--target-loss', '2.0', '--law', 'besiroglu2024', '--hardware', 'nvidia-h100-sxm5-80gb', '--count', '1024', '--region', 'us');
    expect(o.estimate.flops).toBeCloseTo(o.optimal.flops, -15);
    expect(o.estimate.params).toBeCloseTo(o.optimal.params, -3);
    expect(o.estimate.costUsd).toBeGreaterThan(0);
    expect(o.estimate.co2eKg).toBeGreaterThan(0);
  });
  it('bad input: unknown law with a suggestion, unreachable loss, both or neither of --compute/--target-loss', () => {
    expectBadInput(runCli(['optimal', '--compute', '1e24', '--law', 'hoffman']), /did you mean "hoffmann2022/);
    expectBadInput(runCli(['optimal', '--target-loss', '1.5', '--law', 'hoffmann2022']), /irreducible/);
    expectBadInput(runCli(['optimal', '--law', 'hoffmann2022']), /exactly one of --compute and --target-loss/);
    expectBadInput(runCli(['optimal', '--compute', 'lots', '--law', 'hoffmann2022']), /not a number/);
    const nul = join(dir, 'null.json');
    writeFileSync(nul, 'null\n');
    expectBadInput(runCli(['optimal', '--compute', '1e24', '--law', nul]), /--law: ".*null\.json" holds null, not a JSON object/);
    expectBadInput(runCli(['optimal', '--compute', '1e24', '--law', join(dir, 'absent.json')]), /--law: cannot read ".*absent\.json" \(ENOENT\)/);
  });
});

describe('scaling-lab laws', () => {
  it('lists the four published laws with citations and evaluates them', () => {
    const rows = json('laws', '--params', '70B', '--tokens', '1.4T');
    expect(rows.slice(0, 4).map((r: { id: string }) => r.id)).toEqual(['hoffmann2022', 'hoffmann2022-unrounded', 'besiroglu2024', 'kaplan2020']);
    expect(rows.slice(4).map((r: { id: string }) => r.id)).toEqual(['muennighoff2023', 'sardana2024', 'kaplan2020-allocation', 'deepseek2024', 'steplaw2025', 'kaplan2020-critical-batch']);
    expect(rows[3].publishedAllocation.params / rows[3].optimal.params).toBeGreaterThan(3);
    const h = rows[0];
    expect(h.lossAt.loss).toBeCloseTo(1.69 + 406.4 / 70e9 ** 0.34 + 410.7 / 1.4e12 ** 0.28, 10);
    expect(rows[2].frontier.a).toBeCloseTo(0.3658 / (0.3478 + 0.3658), 10); // Besiroglu et al. 2024 (arXiv 2404.10102) as printed
    const text = runCli(['laws']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/arXiv 2404\.10102/);
  });
  it('--help exits 0', () => {
    for (const c of ['fit', 'optimal', 'laws']) {
      const r = runCli([c, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/--json/);
    }
  });
});
