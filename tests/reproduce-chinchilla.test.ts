/**
 * Reproduces the Chinchilla Approach-3 analysis of Hoffmann et al. 2022 (arXiv 2203.15556)
 * as replicated by Besiroglu et al. 2024 (arXiv 2404.10102) on the points they extracted
 * from Hoffmann et al. Figure 4 (packages/core/data/chinchilla, PROVENANCE.md there).
 * Reference numbers: the issue (scipy L-BFGS-B, 4,500-start grid; the Epoch authors' notebook,
 * github.com/epoch-research/analyzing-chinchilla data_analysis.ipynb, reaches the same objective
 * 0.0010182740 with A 477.84, B 2143.86, E 1.8172, α 0.3473, β 0.3672) and Besiroglu et al.'s
 * standard errors as that notebook prints them (A 124.52, B 1293.28, E 0.0257, α 0.0154, β 0.0206;
 * the paper prints 124.58, 1293.23, 0.03, 0.02, 0.02 from its own bootstrap run). Re-read 2026-12-02.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bootstrapChinchilla,
  chinchillaPoints,
  CHINCHILLA_SVG_ROWS,
  computeOptimal,
  fitChinchilla,
  frontierExponents,
  getPublishedLaw,
  type ChinchillaFit,
} from '../packages/core/src/index.js';

const rel = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

describe('the embedded data is the provenance-checked CSV', () => {
  const csvUrl = new URL('../packages/core/data/chinchilla/svg_extracted_data.csv', import.meta.url);
  it('has the sha256 recorded in PROVENANCE.md', () => {
    const sha = createHash('sha256').update(readFileSync(csvUrl)).digest('hex');
    expect(sha).toBe('193478df4e90f040016431996c45682659306840ecdadf83cfb9cd5ca0aa1b30');
  });
  it('the TS module holds the same Model Size, Training FLOP and loss values in file order', () => {
    const lines = readFileSync(csvUrl, 'utf8').trim().split('\n');
    const header = lines[0].split(',');
    const [iN, iC, iL] = ['Model Size', 'Training FLOP', 'loss'].map((h) => header.indexOf(h));
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(CHINCHILLA_SVG_ROWS).toHaveLength(rows.length);
    rows.forEach((r, i) => expect(CHINCHILLA_SVG_ROWS[i]).toEqual([Number(r[iN]), Number(r[iC]), Number(r[iL])]));
  });
  it('dropping the 5 highest-loss rows leaves 240 runs, D = C/(6N)', () => {
    const pts = chinchillaPoints();
    expect(pts).toHaveLength(240);
    for (const p of pts) expect(rel(6 * p.params * p.tokens, p.flops!)).toBeLessThan(1e-12);
  });
});

describe('the published laws carry the papers\' printed numbers', () => {
  it('Hoffmann et al. 2022 Appendix D.2 eq. (10): E 1.69, A 406.4, B 410.7, α 0.34, β 0.28', () => {
    expect(getPublishedLaw('hoffmann2022').law).toEqual({ form: 'chinchilla', E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 });
  });
  it('Besiroglu et al. 2024 (arXiv 2404.10102) refit: E 1.8172, A 482.01, B 2085.43, α 0.3478, β 0.3658', () => {
    expect(getPublishedLaw('besiroglu2024').law).toEqual({ form: 'chinchilla', E: 1.8172, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 });
    // their a = β/(α+β) = 0.5126 (SE 0.02)
    expect(frontierExponents(getPublishedLaw('besiroglu2024').law).a).toBeCloseTo(0.5126, 4);
  });
});

describe('Approach 3 on the Chinchilla points (full 4,500-start grid)', () => {
  let fit: ChinchillaFit;
  beforeAll(() => {
    fit = fitChinchilla(chinchillaPoints());
  });
  it('reaches objective 0.001018274 (relative 1e-6)', () => {
    expect(rel(fit.objective, 0.001018274018)).toBeLessThan(1e-6);
  });
  it('E 1.8172, α 0.34731, β 0.36717 within 0.1%; A ≈ 477.8 and B ≈ 2143.4 within 1%', () => {
    expect(rel(fit.law.E, 1.8172)).toBeLessThan(1e-3);
    expect(rel(fit.law.alpha, 0.34731)).toBeLessThan(1e-3);
    expect(rel(fit.law.beta, 0.36717)).toBeLessThan(1e-3);
    expect(rel(fit.law.A, 477.8)).toBeLessThan(1e-2);
    expect(rel(fit.law.B, 2143.4)).toBeLessThan(1e-2);
  });
  it('reports convergence, why it stopped, and that several starts reached the best', () => {
    expect(fit.converged).toBe(true);
    expect(['gradient', 'function-change', 'step', 'predicted-change']).toContain(fit.stopReason);
    expect(fit.starts).toBe(4500);
    expect(fit.startsAtBest).toBeGreaterThan(10);
  });
  it('frontier exponent a = β/(α+β): 0.5139 for the refit (vs 0.4516 / 0.4565 for Hoffmann)', () => {
    expect(frontierExponents(fit.law).a).toBeCloseTo(0.5139, 4);
    expect(frontierExponents(getPublishedLaw('hoffmann2022').law).a).toBeCloseTo(0.4516, 4);
    expect(frontierExponents(getPublishedLaw('hoffmann2022-unrounded').law).a).toBeCloseTo(0.4565, 4);
  });
  it('agrees with the published Besiroglu et al. law on the optimal allocation at Chinchilla compute within 15%', () => {
    const ours = computeOptimal(fit.law, 5.76e23);
    const theirs = computeOptimal(getPublishedLaw('besiroglu2024').law, 5.76e23);
    expect(rel(ours.params, theirs.params)).toBeLessThan(0.15);
  });

  it('bootstrap standard errors are within ±20% of Besiroglu et al.\'s (their notebook: A 124.5, B 1293, E 0.0257, α 0.0154, β 0.0206)', () => {
    const boot = bootstrapChinchilla(chinchillaPoints(), { samples: 1000, seed: 2024, fit });
    expect(boot.params.A).toHaveLength(1000);
    const published = { A: 124.5, B: 1293, E: 0.0257, alpha: 0.0154, beta: 0.0206 } as const;
    for (const [k, want] of Object.entries(published)) {
      const se = boot.intervals[k as keyof typeof published].se;
      expect(rel(se, want), `${k}: se ${se} vs ${want}`).toBeLessThan(0.2);
    }
    expect(boot.convergedCount).toBeGreaterThan(900);
    // the interval for a contains the full-data estimate
    expect(boot.intervals.a.lower).toBeLessThan(boot.intervals.a.estimate);
    expect(boot.intervals.a.upper).toBeGreaterThan(boot.intervals.a.estimate);
  });
});
