// `scaling-lab main` on committed sweep results (--no-train, so no training in
// the test): fits, prints the law, frontier and the 1e24-FLOP projection, and
// writes a report folder with SVG charts, report.json and report.md.
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCli } from './sweep-helpers.js';

describe('scaling-lab main', () => {
  it('fits committed quick-sweep results and writes the report folder', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'main-job-'));
    const run = startCli(['main', '--results', 'sweeps/results/quick.jsonl', '--no-train', '--out-dir', outDir]);
    expect(await run.exit).toBe(0);
    const out = run.out();
    expect(out).toContain('Fitted law');
    expect(out).toMatch(/Projection: the compute-optimal model for 1e\+?24 FLOP/);
    expect(out).toMatch(/GPU-hours/);
    expect(out).toMatch(/tCO2e/);
    const m = /Report: (.+)\n/.exec(out);
    expect(m).not.toBeNull();
    const dir = m![1].trim();
    expect(dir.startsWith(outDir)).toBe(true);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['frontier.svg', 'isoflop.svg', 'loss-compute.svg', 'report.json', 'report.md', 'runs.jsonl']);
    for (const svg of files.filter((f) => f.endsWith('.svg'))) {
      const text = readFileSync(join(dir, svg), 'utf8');
      expect(text.startsWith('<svg')).toBe(true);
      expect(text).toContain('<circle');
    }
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    const p = report.analysis.projection;
    expect(p.flops).toBe(1e24);
    expect(6 * p.params * p.tokens).toBeCloseTo(1e24, -20);
    expect(p.estimate.acceleratorName).toMatch(/H100/);
    expect(p.estimate.acceleratorHours).toBeGreaterThan(0);
    expect(p.estimate.tCO2e).toBeGreaterThan(0);
    expect(report.analysis.points.length).toBeGreaterThanOrEqual(8);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain('![isoFLOP profiles](isoflop.svg)');
  });

  it('bad input: one line, exit 2', async () => {
    const noResults = startCli(['main', '--no-train']);
    expect(await noResults.exit).toBe(2);
    expect(noResults.err().trim().split('\n')).toHaveLength(1);
    const missing = startCli(['main', '--no-train', '--results', 'sweeps/results/does-not-exist.jsonl']);
    expect(await missing.exit).toBe(2);
    expect(missing.err()).toContain('does not exist');
    expect(existsSync('results/does-not-exist')).toBe(false);
  });
});
