/** The JavaScript budget: every calculator page ships at most 100 kB gzip (scripts/check-site-size.mjs). */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { distDir, ensureSiteBuilt, repoRoot } from './harness';

type Row = { route: string; jsGzip: number; lazyGzip: number; calculator: boolean };
let report: (dir: string, log?: (s: string) => void) => { rows: Row[]; over: Row[] };
let calculatorRoutes: string[];
let budgetKb: number;

beforeAll(async () => {
  ensureSiteBuilt();
  const mod = await import(pathToFileURL(join(repoRoot, 'scripts/check-site-size.mjs')).href);
  report = mod.report;
  calculatorRoutes = mod.CALCULATOR_ROUTES;
  budgetKb = mod.BUDGET_KB;
});

describe('page JavaScript budget', () => {
  it('measures every page and keeps calculator pages under the budget; TensorFlow.js loads lazily', () => {
    const lines: string[] = [];
    const { rows, over } = report(distDir, (l) => lines.push(l));
    expect(budgetKb).toBe(100);
    for (const r of calculatorRoutes) expect(rows.some((x) => x.route === r), r).toBe(true);
    expect(over.map((r) => r.route)).toEqual([]);
    for (const r of rows.filter((x) => x.calculator)) expect(r.jsGzip, r.route).toBeGreaterThan(5 * 1024); // they do ship their calculators
    const live = rows.find((r) => r.route === '/live/')!;
    expect(live.jsGzip).toBeLessThan(budgetKb * 1024);
    expect(live.lazyGzip).toBeGreaterThan(200 * 1024); // the trainer worker with TensorFlow.js, fetched on Train
    // "How training works" counts tokens and draws a schedule with core/train/pure: a desktop visit, which
    // shows those widgets at once, downloads no TensorFlow.js at all (static plus lazy, issue #15 item 15).
    const how = rows.find((r) => r.route === '/how-training-works/')!;
    expect(how.jsGzip + how.lazyGzip).toBeLessThan(budgetKb * 1024);
    console.log(lines.join('\n'));
  });
});
