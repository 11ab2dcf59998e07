// The public face as a reviewed list: packages/core/api-report.md must match
// what the built entry points export. After an intended change to the exports:
// `npm run api:update` and commit the file (the diff is the API review).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without declarations
import { apiReport } from '../scripts/api-report.mjs';

describe('API report', () => {
  it('packages/core/api-report.md lists exactly what the entry points export (run `npm run api:update` after changing exports)', () => {
    const committed = readFileSync(join(import.meta.dirname, '..', 'packages', 'core', 'api-report.md'), 'utf8');
    const current: string = apiReport();
    expect(current).toContain('## `@scaling-lab/core` (');
    expect(current === committed, 'api-report.md is stale: run `npm run api:update` and review the diff').toBe(true);
  }, 120_000);

  const report = readFileSync(join(import.meta.dirname, '..', 'packages', 'core', 'api-report.md'), 'utf8');
  const section = (entry: string) => {
    const body = report.split(`## \`${entry}\` (`)[1]?.split('\n## ')[0] ?? '';
    return [...body.matchAll(/^- \w+ `([^`]+)`/gm)].map((m) => m[1]);
  };

  it('gives every public name one home: no name is exported by two entry points', () => {
    expect(report).toContain('## Names exported by more than one entry point (0)');
    const seen = new Map<string, string>();
    for (const entry of ['@scaling-lab/core', '@scaling-lab/core/train', '@scaling-lab/core/train/pure', '@scaling-lab/core/node', '@scaling-lab/core/node/queue']) {
      const names = section(entry);
      expect(names.length, entry).toBeGreaterThan(5);
      for (const n of names) {
        expect(seen.get(n), `${n} is exported by ${seen.get(n)} and ${entry}`).toBeUndefined();
        seen.set(n, entry);
      }
    }
    // the two shapes are two names: the trainer's (with context) and a sweep's models-table entry
    expect(seen.get('ModelShape')).toBe('@scaling-lab/core');
    expect(seen.get('SweepModelShape')).toBe('@scaling-lab/core');
  });

  it('lists names explicitly in every entry point (no `export *`) and keeps the trainer kernels internal', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'packages', 'core', 'package.json'), 'utf8'));
    for (const [entry, v] of Object.entries(pkg.exports as Record<string, { types?: string }>)) {
      if (typeof v !== 'object' || !v.types) continue;
      const src = join(import.meta.dirname, '..', 'packages', 'core', v.types.replace(/^\.\/dist\//, 'src/').replace(/\.d\.ts$/, '.ts'));
      expect(readFileSync(src, 'utf8'), `${entry} (${src})`).not.toMatch(/^export \*/m);
    }
    const train = section('@scaling-lab/core/train');
    expect(train).toContain('createTransformer');
    for (const kernel of ['naiveAttention', 'naiveMatMul', 'fastGelu', 'sumRows', 'makeAttention']) expect(train).not.toContain(kernel);
  });
});
