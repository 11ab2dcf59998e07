// Every notebook in notebooks/ runs headless on the Deno kernel (`jupyter nbconvert --execute`,
// which fails on any cell error), its charts come out as inline SVG, and the committed copy
// holds the cells of its source and its outputs (so it reads on GitHub).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script (no types)
import { execute, kernelHome, notebookOf, sources } from '../scripts/notebooks.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(join(tmpdir(), 'sl-notebooks-'));
let home = '';
beforeAll(() => {
  home = kernelHome();
});
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  if (home) rmSync(home, { recursive: true, force: true });
});

interface Cell { cell_type: string; source: string[]; outputs?: { output_type: string; data?: Record<string, unknown>; text?: string[]; ename?: string; evalue?: string }[] }
const outputsOf = (nb: { cells: Cell[] }) => nb.cells.flatMap((c) => c.outputs ?? []);
const svgCount = (nb: { cells: Cell[] }) => outputsOf(nb).filter((o) => typeof o.data?.['image/svg+xml'] !== 'undefined').length;

const names: string[] = sources();

describe('notebooks', () => {
  it('there are the three the design asks for', () => {
    expect(names).toEqual(['1-plan-a-run.ts', '2-fit-your-runs.ts', '3-diminishing-returns.ts']);
  });

  for (const src of names) {
    const name = src.replace(/\.ts$/, '.ipynb');
    it(`${name}: the committed notebook has its source's cells and their outputs`, () => {
      const committed = JSON.parse(readFileSync(join(root, 'notebooks', name), 'utf8'));
      const built = notebookOf(readFileSync(join(root, 'notebooks/src', src), 'utf8'));
      expect(committed.metadata.kernelspec.name).toBe('deno');
      expect(committed.cells.map((c: Cell) => c.source.join(''))).toEqual(built.cells.map((c: Cell) => c.source.join('')));
      expect(outputsOf(committed).some((o) => o.output_type === 'error')).toBe(false);
      expect(svgCount(committed)).toBeGreaterThan(0);
    });

    it(`${name}: executes headless on the Deno kernel without a cell error, charts inline as SVG`, () => {
      try {
        execute(join(root, 'notebooks', name), out, home);
      } catch (err) {
        const e = err as { stderr?: Buffer };
        throw new Error(`nbconvert failed on ${name}:\n${String(e.stderr ?? err).split('\n').slice(-25).join('\n')}`);
      }
      const nb = JSON.parse(readFileSync(join(out, name), 'utf8'));
      expect(outputsOf(nb).filter((o) => o.output_type === 'error')).toEqual([]);
      const svgs = outputsOf(nb).map((o) => o.data?.['image/svg+xml']).filter(Boolean).map((s) => (Array.isArray(s) ? s.join('') : String(s)));
      expect(svgs.length).toBeGreaterThan(0);
      for (const s of svgs) expect(s).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
      // Text output with no ANSI colour codes (NO_COLOR), so it reads on GitHub.
      const text = JSON.stringify(outputsOf(nb).map((o) => o.text ?? o.data?.['text/plain'] ?? ''));
      expect(text).not.toMatch(/\\u001b\[/);
      expect(execFileSync('git', ['ls-files', join('notebooks', name)], { cwd: root, encoding: 'utf8' }).trim()).toBe(join('notebooks', name));
    });
  }
});
