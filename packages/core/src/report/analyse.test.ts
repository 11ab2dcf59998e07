import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.js';
import { frontierChart, isoflopChart, lossComputeChart } from './charts.js';
import { renderChart } from './svg.js';
import type { SweepRecord } from '../sweep/types.js';

// A known law, L = E + A/N^α + B/D^β (Hoffmann et al. 2022 eq. 2 form, made-up constants).
const law = { E: 1.2, A: 60, B: 300, alpha: 0.4, beta: 0.35 };
const lossOf = (n: number, d: number) => law.E + law.A / n ** law.alpha + law.B / d ** law.beta;
// True compute-optimal N for C = 6ND (Hoffmann et al. 2022 eq. 4): N = G (C/6)^(β/(α+β)), G = (αA/βB)^(1/(α+β)).
const nOpt = (c: number) => ((law.alpha * law.A) / (law.beta * law.B)) ** (1 / (law.alpha + law.beta)) * (c / 6) ** (law.beta / (law.alpha + law.beta));

function records(): SweepRecord[] {
  const out: SweepRecord[] = [];
  for (const c of [1e10, 1e11, 1e12]) {
    const center = nOpt(c);
    for (let k = -4; k <= 4; k++) {
      const n = Math.round(center * 2 ** (k / 2));
      const d = c / (6 * n);
      out.push({
        runKey: `n${n}-c${c}`,
        sweep: { name: 't', design: 'isoflop', model: `n${n}`, flopsBudget: c, seed: 0 },
        paramsNonEmbedding: n,
        paramsTotal: n + 5000,
        tokens: d,
        finalValLoss: lossOf(n, d),
        diverged: false,
      } as unknown as SweepRecord);
    }
  }
  out.push({ ...out[0], runKey: 'boom', diverged: true, finalValLoss: null } as unknown as SweepRecord);
  return out;
}

describe('analyse', () => {
  const a = analyse(records(), { targetFlops: 1e20 });

  it('finds each isoFLOP optimum near the true compute-optimal size', () => {
    expect(a.isoflop.budgets.map((b) => b.flops)).toEqual([1e10, 1e11, 1e12]);
    for (const b of a.isoflop.budgets) {
      const ratio = b.optimum.params / nOpt(b.flops);
      expect(ratio).toBeGreaterThan(0.7); // grid steps are √2 apart
      expect(ratio).toBeLessThan(1.42);
    }
  });

  it('N_opt ∝ C^a with a near β/(α+β)', () => {
    expect(a.isoflop.paramsLaw!.exponent).toBeCloseTo(law.beta / (law.alpha + law.beta), 1);
    expect(a.isoflop.paramsLaw!.exponent + a.isoflop.tokensLaw!.exponent).toBeCloseTo(1, 6); // D = C/6N
  });

  it('projects to the target with C = 6ND and within a factor 2 of the true optimum', () => {
    const p = a.projection;
    expect(6 * p.params * p.tokens).toBeCloseTo(1e20, -15);
    expect(p.params / nOpt(1e20)).toBeGreaterThan(0.5);
    expect(p.params / nOpt(1e20)).toBeLessThan(2);
  });

  it('Approach 3 recovers the law, and the projection comes from it', () => {
    const l = a.parametric!.law;
    expect(a.parametric!.usable).toBe(true);
    expect(l.E).toBeCloseTo(law.E, 1);
    expect(l.alpha).toBeCloseTo(law.alpha, 1);
    expect(l.beta).toBeCloseTo(law.beta, 1);
    const p3 = a.projections.approach3!;
    expect(p3.source).toMatch(/Approach 3/);
    expect(p3.params / nOpt(1e20)).toBeCloseTo(1, 1);
    expect(a.projection).toBe(a.projections.approach2); // the measured frontier is the headline
    expect(a.isoflop.budgets.every((b) => b.parabola && b.parabola.length > 0)).toBe(true);
  });

  it('excludes diverged runs, saying why', () => {
    expect(a.excluded).toEqual([{ runKey: 'boom', reason: 'diverged' }]);
    expect(a.points).toHaveLength(27);
  });

  it('uses total parameters when asked', () => {
    const t = analyse(records(), { paramsKind: 'total', targetFlops: 1e20 });
    expect(t.points[0].params).toBe(a.points[0].params + 5000);
  });

  it('refuses too few runs with an InputError', () => {
    expect(() => analyse(records().slice(0, 2))).toThrow(/usable run/);
  });

  it('charts are SVG with one marker per run', () => {
    const iso = isoflopChart(a);
    expect(iso.startsWith('<svg')).toBe(true);
    expect(iso.trim().endsWith('</svg>')).toBe(true);
    expect((iso.match(/<circle/g) ?? []).length).toBeGreaterThanOrEqual(27);
    expect(frontierChart(a, 1e20)).toContain('target 1e20');
    expect(lossComputeChart(a, 1e20)).toContain('<polyline');
  });
});

describe('renderChart', () => {
  it('escapes text and skips non-positive values on log axes', () => {
    const svg = renderChart({ title: 'a < b & c', xLabel: 'x', yLabel: 'y', xLog: true, series: [{ label: 's', color: '#000', points: [{ x: 0, y: 1 }, { x: 10, y: 2 }, { x: 100, y: 3 }] }] });
    expect(svg).toContain('a &lt; b &amp; c');
    expect((svg.match(/<circle/g) ?? []).length).toBe(3); // 2 points + the legend swatch
  });
});
