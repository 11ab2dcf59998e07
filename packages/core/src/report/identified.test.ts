/**
 * The main job's report says in words when a fit is not identified (fit/identification.ts), beside the
 * fit's numbers, and marks the projections that come from it — in report.md and report.json alike.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeReport } from '../node/report/write.js';
import type { SweepRecord } from '../sweep/types.js';
import { analyse } from './analyse.js';

type Law = { E: number; A: number; B: number; alpha: number; beta: number };
const known: Law = { E: 1.2, A: 60, B: 300, alpha: 0.4, beta: 0.35 };

/** 9 runs per budget around the true optimum of `law` (Hoffmann et al. 2022 eq. 4), exact losses. */
function records(law: Law, budgets: number[]): SweepRecord[] {
  const lossOf = (n: number, d: number) => law.E + law.A / n ** law.alpha + law.B / d ** law.beta;
  const nOpt = (c: number) => ((law.alpha * law.A) / (law.beta * law.B)) ** (1 / (law.alpha + law.beta)) * (c / 6) ** (law.beta / (law.alpha + law.beta));
  return budgets.flatMap((c) =>
    Array.from({ length: 9 }, (_, i) => {
      const n = Math.round(nOpt(c) * 2 ** ((i - 4) / 2));
      const d = c / (6 * n);
      return { runKey: `n${n}-c${c}`, sweep: { name: 't', design: 'isoflop', model: `n${n}`, flopsBudget: c, seed: 0 }, paramsNonEmbedding: n, paramsTotal: n + 5000, tokens: d, finalValLoss: lossOf(n, d), diverged: false } as unknown as SweepRecord;
    }),
  );
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function report(recs: SweepRecord[]) {
  const a = analyse(recs, { targetFlops: 1e20 });
  const dir = mkdtempSync(join(tmpdir(), 'identified-'));
  dirs.push(dir);
  writeReport(dir, a, { specName: 't', specPath: 'spec.json', resultsPath: join(dir, 'runs.jsonl'), createdAt: '2026-01-01', targetFlops: 1e20 });
  const svg = (name: string) => readFileSync(join(dir, name), 'utf8');
  return { a, md: readFileSync(join(dir, 'report.md'), 'utf8'), json: JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')), svg };
}

describe('report: identification diagnostics', () => {
  it('Approach 2 from two budgets: the fit line says "this fit is not identified" and the headline projection is marked', () => {
    const { a, md, json, svg } = report(records(known, [1e10, 1e11]));
    // the charts mark the lines drawn from the unidentified fit, and only those
    expect(svg('isoflop.svg')).toMatch(/fit, 1e10 \(NOT IDENTIFIED\)/);
    expect(svg('isoflop.svg')).toMatch(/Approach 2 not identified by the data/);
    expect(svg('frontier.svg')).toMatch(/N_opt, Approach 2 \(NOT IDENTIFIED\)/);
    expect(svg('frontier.svg')).not.toMatch(/N_opt, Approach 3 \(NOT IDENTIFIED\)/);
    expect(svg('loss-compute.svg')).not.toMatch(/NOT IDENTIFIED|not identified/);
    expect(a.isoflop.identification?.identified).toBe(false);
    expect(a.projection).toBe(a.projections.approach2);
    expect(a.projection.notIdentified).toMatch(/^Approach 2: this fit is not identified: N_opt ∝ C\^a is fitted through 2 compute budgets/);
    expect(md).toMatch(/Approach 2: N_opt = [^\n]*\n[^\n]*\n {4}NOT IDENTIFIED: this fit is not identified: N_opt ∝ C\^a is fitted through 2 compute budgets/);
    const projection = md.slice(md.indexOf('Projection: the compute-optimal model'));
    expect(projection.split('\n')[1]).toMatch(/NOT IDENTIFIED .*Approach 2: this fit is not identified/);
    expect(json.analysis.isoflop.identification.summary).toMatch(/^this fit is not identified: /);
    expect(json.analysis.projection.notIdentified).toBe(a.projection.notIdentified);
    // Approach 3 on the same exact losses is identified, so its projection is not marked.
    expect(a.parametric?.identification?.identified).toBe(true);
    expect(a.projections.approach3?.notIdentified).toBeUndefined();
  });

  it('an implausible Approach 3 exponent (β = 2.5) is named on the law line', () => {
    const { a, md, svg } = report(records({ ...known, B: 3000, beta: 2.5 }, [1e10, 1e11, 1e12]));
    // this fit is not usable at all, so no chart draws a line from it (nothing to mark)
    expect(a.parametric?.usable).toBe(false);
    expect(svg('loss-compute.svg')).not.toMatch(/Approach 3/);
    expect(a.parametric?.identification?.issues.map((i) => i.code)).toContain('exponent');
    expect(md).toMatch(/Approach 3: L\(N, D\)[^\n]*\n[^\n]*\n {4}NOT IDENTIFIED: this fit is not identified: β = 2\.5\d* is implausibly large/);
  });

  it('an identified sweep carries no mark', () => {
    const { a, md, svg } = report(records(known, [1e10, 1e11, 1e12]));
    for (const name of ['isoflop.svg', 'frontier.svg', 'loss-compute.svg']) expect(svg(name)).not.toMatch(/not identified/i);
    expect(a.parametric?.identification?.identified).toBe(true);
    expect(a.isoflop.identification?.identified).toBe(true);
    expect(a.projection.notIdentified).toBeUndefined();
    expect(md).not.toMatch(/not identified/i);
  });
});
