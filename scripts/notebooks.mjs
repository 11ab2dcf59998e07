#!/usr/bin/env node
// Builds notebooks/*.ipynb from notebooks/src/*.ts and executes them in place on the Deno
// kernel, so the committed notebooks carry their real outputs (charts as inline SVG).
//   node scripts/notebooks.mjs            # build + execute every notebook (what to commit)
//   node scripts/notebooks.mjs --check    # fail if a notebook's cells differ from its source
// A source file is TypeScript; `// %% [markdown]` starts a markdown cell (its lines are
// `// text`), `// %%` starts a code cell. Needs jupyter-nbconvert and python3-ipykernel
// (scripts/setup-system); the Deno kernel is registered in a temporary HOME, not the user's.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'notebooks');

/** Cells of a notebook source file. */
export function cellsOf(text) {
  const cells = [];
  let cur = null;
  for (const line of text.split('\n')) {
    const m = /^\/\/ %%( \[markdown\])?\s*$/.exec(line);
    if (m) {
      if (cur) cells.push(cur);
      cur = { kind: m[1] ? 'markdown' : 'code', lines: [] };
    } else if (cur) cur.lines.push(cur.kind === 'markdown' ? line.replace(/^\/\/ ?/, '') : line);
  }
  if (cur) cells.push(cur);
  return cells.map((c, i) => {
    while (c.lines.length && c.lines.at(-1).trim() === '') c.lines.pop();
    const source = c.lines.map((l, k) => (k < c.lines.length - 1 ? `${l}\n` : l));
    const id = `cell-${i}`;
    return c.kind === 'markdown' ? { cell_type: 'markdown', id, metadata: {}, source } : { cell_type: 'code', id, metadata: {}, execution_count: null, outputs: [], source };
  });
}

export function notebookOf(text) {
  return {
    cells: cellsOf(text),
    metadata: { kernelspec: { name: 'deno', display_name: 'Deno', language: 'typescript' }, language_info: { name: 'typescript', file_extension: '.ts', mimetype: 'text/x.typescript' } },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** A HOME with the Deno kernel registered (deno from npm: node_modules/.bin/deno). */
export function kernelHome() {
  const home = mkdtempSync(join(tmpdir(), 'sl-jupyter-'));
  execFileSync(join(root, 'node_modules/.bin/deno'), ['jupyter', '--install'], { env: { ...process.env, HOME: home }, stdio: 'pipe' });
  return home;
}

/** Executes a notebook with nbconvert (throws on any cell error); writes to outDir. */
export function execute(file, outDir, home) {
  execFileSync('jupyter', ['nbconvert', '--to', 'notebook', '--execute', '--ExecutePreprocessor.timeout=600', '--output-dir', outDir, file], {
    env: { ...process.env, HOME: home, NO_COLOR: '1', JUPYTER_PLATFORM_DIRS: '0' },
    stdio: 'pipe',
    cwd: dirname(file),
  });
}

export const sources = () => readdirSync(join(dir, 'src')).filter((f) => f.endsWith('.ts')).sort();

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = 0;
  const home = check ? null : kernelHome();
  for (const f of sources()) {
    const name = f.replace(/\.ts$/, '.ipynb');
    const nb = notebookOf(readFileSync(join(dir, 'src', f), 'utf8'));
    if (check) {
      const committed = JSON.parse(readFileSync(join(dir, name), 'utf8'));
      const same = JSON.stringify(committed.cells.map((c) => [c.cell_type, c.source.join('')])) === JSON.stringify(nb.cells.map((c) => [c.cell_type, c.source.join('')]));
      if (!same) (stale++, console.error(`${name}: cells differ from src/${f}; run node scripts/notebooks.mjs`));
      continue;
    }
    writeFileSync(join(dir, name), `${JSON.stringify(nb, null, 1)}\n`);
    const t0 = Date.now();
    execute(join(dir, name), dir, home);
    console.log(`${name}: executed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  if (home) rmSync(home, { recursive: true, force: true });
  process.exit(stale ? 1 : 0);
}
