import { describe, expect, it } from 'vitest';
import { aggregateForFit, MAX_FIT_POINTS, pointColumns } from './aggregate.js';
import { parseScalingCsv, ScalingCsvReader } from './parseInput.js';

const law = (n: number, d: number) => 1.69 + 406.4 / n ** 0.34 + 410.7 / d ** 0.28;

describe('aggregateForFit (big fit inputs)', () => {
  it('leaves an input within the limit untouched', () => {
    const pts = [1e7, 2e7, 4e7].map((n) => ({ params: n, tokens: 1e9, loss: law(n, 1e9) }));
    const a = aggregateForFit(pointColumns(pts), { source: 'x' });
    expect(a.points).toEqual(pts);
    expect(a.notes).toEqual([]);
  });

  it('past the limit, repeated (N, D) rows become one point at the geometric mean of their losses', () => {
    const pts = [];
    for (let i = 0; i < 30; i++) for (const n of [1e7, 2e7]) pts.push({ params: n, tokens: 1e9, loss: law(n, 1e9) * (i % 2 ? 1.01 : 1 / 1.01) });
    const a = aggregateForFit(pointColumns(pts), { source: 'x', maxPoints: 10 });
    expect(a.points).toHaveLength(2);
    expect(a.points[0].loss).toBeCloseTo(law(1e7, 1e9), 12);
    expect(a.notes[0]).toMatch(/60 rows with 2 distinct \(N, D\) pairs/);
  });

  it('refuses more distinct points than the limit with the advice, and --bin averages them into cells', () => {
    const pts = Array.from({ length: 400 }, (_, i) => {
      const n = 1e7 * 10 ** ((i % 20) / 20);
      const d = 1e9 * 10 ** (Math.floor(i / 20) / 20);
      return { params: n, tokens: d, loss: law(n, d) };
    });
    expect(() => aggregateForFit(pointColumns(pts), { source: 'runs.csv', maxPoints: 100 })).toThrow(/runs\.csv: has 400 distinct \(N, D\) points, more than the 100 .*give --bin 0\.05/);
    const a = aggregateForFit(pointColumns(pts), { source: 'runs.csv', maxPoints: 100, binDecades: 0.1 });
    expect(a.points).toHaveLength(100); // 10 × 10 cells of 0.1 decade over 1 decade each way
    // A cell's point lies on the law to within its curvature over 0.1 decade.
    for (const p of a.points) expect(Math.abs(p.loss / law(p.params, p.tokens) - 1)).toBeLessThan(2e-3);
    expect(a.notes.at(-1)).toMatch(/400 points averaged into 100 cells of 0\.1 decades/);
  });

  it('MAX_FIT_POINTS is the documented 5,000', () => {
    expect(MAX_FIT_POINTS).toBe(5_000);
  });
});

describe('ScalingCsvReader (the streamed CSV parse)', () => {
  it('line by line gives what the whole-text parse gives, with file line numbers in errors', () => {
    const text = 'params,tokens,loss\n1e7,1e9,3.1\n\n# note\n2e7,1e9,3.0\r\n4e7,1e9,2.9\n';
    const r = new ScalingCsvReader('f.csv');
    text.split('\n').forEach((l, i) => r.line(l.replace(/\r$/, ''), i + 1));
    expect(r.finish()).toEqual(parseScalingCsv(text, 'f.csv'));
    const bad = new ScalingCsvReader('f.csv');
    bad.line('params,tokens,loss', 1);
    bad.line('', 2);
    expect(() => bad.line('1e7,x,3', 3)).toThrow(/^f\.csv line 3: column "tokens" is not a finite number/);
  });
  it('grows past its first allocation', () => {
    const r = new ScalingCsvReader('f.csv');
    r.line('N,D,L', 1);
    for (let i = 0; i < 5000; i++) r.line(`${1e6 + i},1e9,3`, i + 2);
    expect(r.rows).toBe(5000);
    expect(r.columns().params[4999]).toBe(1e6 + 4999);
  });
});
