// `scaling-lab main` on committed sweep results (--no-train, so no training in
// the test): predict-then-verify on the held-out largest budget, fits with
// bootstrap intervals, the 1e24-FLOP projection with intervals and warnings, and
// the report folder (SVG charts with interval bands, report.json, report.md).
// --bootstrap 100 keeps it quick; the committed figures in sweeps/README.md use the default 400.
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCli } from './sweep-helpers.js';

describe('scaling-lab main', () => {
  it('predicts the held-out budget of the committed quick sweep within 2 %, inside its interval, and writes the report folder', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'main-job-'));
    const run = startCli(['main', '--results', 'sweeps/results/quick.jsonl', '--no-train', '--bootstrap', '100', '--out-dir', outDir]);
    expect(await run.exit).toBe(0);
    const out = run.out();
    expect(out).toMatch(/Predict, then verify: fitted on the \d+ runs of budgets 3e9, 1e10, 3e10 FLOPs only, predicted the held-out budget 1e11 FLOPs/);
    expect(out).toMatch(/loss +predicted \d\.\d{3} \[\d\.\d{3}, \d\.\d{3}\], measured \d\.\d{3}/);
    expect(out).toContain('Fitted exponents (90 % bootstrap intervals');
    expect(out).toMatch(/vs Chinchilla: Approach 2: a = [\d.]+ \[[\d.]+, [\d.]+\] \(90 %\) vs Hoffmann et al.'s 0\.49 \[0\.462, 0\.534\] \(80 %, Table 2\)/);
    expect(out).toMatch(/Projection: the compute-optimal model for 1e\+?24 FLOP/);
    expect(out).toMatch(/GPU-hours [\d.,]+[kMB]? \[/);
    expect(out).toMatch(/CO2e +[\d.,]+ tCO2e \[/);
    expect(out).toMatch(/Warnings\n {2}! The target \(1\.00e24 FLOPs\) is 13\.0 decades of compute beyond/);
    expect(out).toContain('has saturated at the target');
    expect(out).toMatch(/Wall time: [\d.]+ s/);
    const m = /Report: (.+)\n/.exec(out);
    expect(m).not.toBeNull();
    const dir = m![1].trim();
    expect(dir.startsWith(outDir)).toBe(true);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['frontier.svg', 'isoflop.svg', 'loss-compute.svg', 'report.json', 'report.md', 'runs.jsonl', 'verification.svg']);
    for (const svg of files.filter((f) => f.endsWith('.svg'))) {
      const text = readFileSync(join(dir, svg), 'utf8');
      expect(text.startsWith('<svg')).toBe(true);
      expect(text).toContain('<circle');
    }
    for (const svg of ['verification.svg', 'frontier.svg', 'loss-compute.svg']) expect(readFileSync(join(dir, svg), 'utf8')).toContain('<polygon class="band"');
    expect(readFileSync(join(dir, 'verification.svg'), 'utf8')).toContain('<line class="errorbar"');

    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    const v = report.verification;
    expect(v.budgetFlops).toBe(1e11);
    expect(v.predictedLossInterval[0]).toBeLessThan(v.predictedLoss);
    expect(v.predictedLossInterval[1]).toBeGreaterThan(v.predictedLoss);
    expect(v.lossErrorPercent).toBeCloseTo(((v.predictedLoss - v.measuredLoss) / v.measuredLoss) * 100, 10);
    // The target on the committed reference sweep.
    expect(Math.abs(v.lossErrorPercent)).toBeLessThan(2);
    expect(v.inside).toBe(true);
    expect(v.predictedParamsInterval[0]).toBeLessThan(v.predictedParams);
    expect(v.predictedParamsInterval[1]).toBeGreaterThan(v.predictedParams);
    expect(v.measuredBestParams).toBeGreaterThan(0);
    // The prediction saw only the smaller budgets' runs.
    expect(v.fittedBudgets).toEqual([3e9, 1e10, 3e10]);

    const p = report.analysis.projection;
    expect(p.flops).toBe(1e24);
    expect(6 * p.params * p.tokens).toBeCloseTo(1e24, -20);
    const t = report.trust;
    for (const k of ['E', 'alpha', 'beta', 'a', 'b']) expect(t.approach3[k].interval).toHaveLength(2);
    expect(t.approach2.a.interval[0]).toBeLessThan(t.approach2.a.interval[1]);
    const run1e24 = t.projection.run;
    for (const k of ['acceleratorHours', 'costUsd', 'energyKWh', 'co2eKg']) {
      expect(run1e24[k].interval[0]).toBeLessThanOrEqual(run1e24[k].estimate);
      expect(run1e24[k].interval[1]).toBeGreaterThanOrEqual(run1e24[k].estimate);
      expect(run1e24[k].interval[1]).toBeGreaterThan(run1e24[k].interval[0]);
    }
    // Every budget's measured optimum (parabola vertex) carries an interval, in the JSON, the text and report.md.
    expect(t.budgetOptima.map((b: { flops: number }) => b.flops)).toEqual([3e9, 1e10, 3e10, 1e11]);
    for (const b of t.budgetOptima) {
      for (const k of ['params', 'tokens', 'loss']) {
        expect(b[k].interval[0]).toBeLessThanOrEqual(b[k].estimate);
        expect(b[k].interval[1]).toBeGreaterThanOrEqual(b[k].estimate);
        expect(b[k].interval[1]).toBeGreaterThan(b[k].interval[0]);
      }
    }
    expect(out).toMatch(/\n {2}1\.00e11 +N_opt [\d.]+k \[[\d.]+k, [\d.]+k\], D_opt [\d.]+M \[/);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toMatch(/## Measured optimum per budget[\s\S]*\| 1e11 \| \d+ \| [\d.]+k \[/);
    const kinds = t.warnings.map((w: { kind: string }) => w.kind);
    expect(kinds).toContain('extrapolation');
    expect(kinds).toContain('saturated');
    expect(kinds).toContain('tokens-per-param');
    expect(report.analysis.points.length).toBe(16);
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toContain('## Predict, then verify');
    expect(md).toContain('![predict, then verify](verification.svg)');
  }, 120_000);

  it('--json carries the verification block', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'main-job-json-'));
    const run = startCli(['main', '--results', 'sweeps/results/quick.jsonl', '--no-train', '--bootstrap', '20', '--json', '--out-dir', outDir]);
    expect(await run.exit).toBe(0);
    const j = JSON.parse(run.out());
    const v = j.verification;
    for (const k of ['budgetFlops', 'predictedLoss', 'measuredLoss', 'lossErrorPercent', 'predictedParams', 'measuredBestParams']) expect(typeof v[k]).toBe('number');
    expect(v.predictedLossInterval).toHaveLength(2);
    expect(v.predictedParamsInterval).toHaveLength(2);
    expect(typeof v.inside).toBe('boolean');
    expect(j.meta.heldOutPrediction.budgetFlops).toBe(1e11);
  }, 120_000);

  it('bad input: one line, exit 2', async () => {
    const noResults = startCli(['main', '--no-train']);
    expect(await noResults.exit).toBe(2);
    expect(noResults.err().trim().split('\n')).toHaveLength(1);
    const missing = startCli(['main', '--no-train', '--results', 'sweeps/results/does-not-exist.jsonl']);
    expect(await missing.exit).toBe(2);
    expect(missing.err()).toContain('does not exist');
    expect(existsSync('results/does-not-exist')).toBe(false);
    const boot = startCli(['main', '--no-train', '--results', 'sweeps/results/quick.jsonl', '--bootstrap', '2.5']);
    expect(await boot.exit).toBe(2);
    expect(boot.err()).toContain('--bootstrap');
  });
});
