// The embedded data modules are what scripts/gen-data.mjs (the one data pipeline) makes of
// the source files under packages/core/data/, and every source folder says where its data
// came from and under which licence.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ACCELERATORS } from './accelerators.generated.js';
import { PRICES } from './prices.generated.js';
import { listConstants } from './constants.js';

const here = dirname(fileURLToPath(import.meta.url));
const script = join(here, '..', '..', 'scripts', 'gen-data.mjs');
const dataRoom = join(here, '..', '..', 'data');
const generated = readdirSync(here).filter((f) => f.endsWith('.generated.ts')).sort();
const check = (...args: string[]) => spawnSync(process.execPath, [script, '--check', ...args], { encoding: 'utf8' });

describe('generated reference data', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'gen-data-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('src/data/*.generated.ts are exactly what gen-data writes (npm run data:check)', () => {
    const r = check();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // every generated module in the room comes from this one script, and the script writes nothing else
    const checked = [...r.stdout.matchAll(/up to date: src\/data\/(\S+)/g)].map((m) => m[1]).sort();
    expect(checked).toEqual(generated);
    expect(generated).toEqual(expect.arrayContaining(['chinchillaRows.generated.ts', 'gridYears.generated.ts', 'prices.generated.ts']));
  });

  it('--check fails, naming the file, when a generated module was edited by hand', () => {
    for (const f of generated) cpSync(join(here, f), join(tmp, f));
    const edited = join(tmp, 'gridYears.generated.ts');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('"2024": 39.32', '"2024": 39.33'));
    const r = check('--out', tmp);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/stale: src\/data\/gridYears\.generated\.ts \(run npm run data\)/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('every source folder under packages/core/data/ has a PROVENANCE.md naming its licence', () => {
    const folders = readdirSync(dataRoom, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(folders.length).toBeGreaterThanOrEqual(5);
    for (const f of folders) {
      const p = join(dataRoom, f, 'PROVENANCE.md');
      expect(existsSync(p), p).toBe(true);
      expect(readFileSync(p, 'utf8'), p).toMatch(/licen[cs]e/i);
    }
  });

  it('every row has a source; prices are dated ISO days for known accelerators', () => {
    const ids = new Set(ACCELERATORS.map((a) => a.id));
    for (const a of ACCELERATORS) expect(a.source, a.id).toMatch(/^https?:\/\//);
    for (const p of PRICES) {
      expect(ids.has(p.acceleratorId)).toBe(true);
      expect(p.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.usdPerHour).toBeGreaterThan(0);
    }
    for (const c of listConstants()) expect(c.source.length, c.key).toBeGreaterThan(20);
  });
});
