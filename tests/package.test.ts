// The core package as users get it: `npm pack`, installed from the tarball into an empty
// project, then (a) imported in Node ESM, (b) its CLI run from node_modules/.bin, (c) imported
// in Deno, (d) bundled for the browser with esbuild with no Node built-in, its gzip size
// printed. And the tarball holds what users need and nothing else.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const deno = join(root, 'node_modules/.bin/deno');
const tmp = mkdtempSync(join(tmpdir(), 'sl-package-'));
const project = join(tmp, 'project');
let tarball = '';
let files: string[] = [];
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(() => {
  const packed = JSON.parse(execFileSync('npm', ['pack', '-w', 'packages/core', '--pack-destination', tmp, '--json'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  tarball = join(tmp, packed[0].filename);
  files = packed[0].files.map((f: { path: string }) => f.path);
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'empty-project', private: true, type: 'module' }));
  // --prefer-offline: the dependencies are in npm's cache after the repository's own `npm ci`.
  execFileSync('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock'], { cwd: project, stdio: 'pipe', timeout: 280_000 });
}, 300_000);

describe('the packed @scaling-lab/core', () => {
  it('holds types, licence, README, the bin and the data with its provenance and licences, and no tests or fixtures', () => {
    for (const f of ['package.json', 'README.md', 'LICENSE', 'bin/scaling-lab.js', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js', 'dist/train/index.d.ts', 'dist/node/index.d.ts',
      'data/hardware/PROVENANCE.md', 'data/carbon/PROVENANCE.md', 'data/chinchilla/PROVENANCE.md', 'data/constants/PROVENANCE.md', 'data/carbon/licenses/codecarbon.MIT.txt']) {
      expect(files, f).toContain(f);
    }
    const unwanted = files.filter((f) => /\.test\.|\.fixture\.|tsbuildinfo|^tests\/|^scripts\/|(^|\/)node_modules\//.test(f));
    expect(unwanted).toEqual([]);
    const size = readFileSync(tarball).length;
    console.log(`tarball ${files.length} files, ${(size / 1024).toFixed(0)} kB`);
  });

  it('(a) imports the root export in Node ESM', () => {
    const code = "import { computeOptimal, getPublishedLaw } from '@scaling-lab/core'; const o = computeOptimal(getPublishedLaw('hoffmann2022').law, 5.76e23); console.log(JSON.stringify(o));";
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: project, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const o = JSON.parse(r.stdout);
    // Chinchilla's own budget: ~70B parameters, ~1.4T tokens (Hoffmann et al. 2022, Table 3 scale).
    expect(o.params).toBeGreaterThan(30e9);
    expect(o.params).toBeLessThan(100e9);
  });

  it('(b) runs the CLI from node_modules/.bin', () => {
    const bin = join(project, 'node_modules/.bin/scaling-lab');
    const v = spawnSync(bin, ['--version'], { cwd: project, encoding: 'utf8' });
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'packages/core/package.json'), 'utf8')).version);
    const e = spawnSync(bin, ['estimate', '--params', '7B', '--tokens', '1T', '--json'], { cwd: project, encoding: 'utf8' });
    expect(e.status).toBe(0);
    expect(JSON.parse(e.stdout).flops).toBeCloseTo(6 * 7e9 * 1e12, -18);
  });

  it('(c) imports it in Deno (npm package from the project\'s node_modules)', () => {
    writeFileSync(join(project, 'main.ts'), "import { computeOptimal, getPublishedLaw } from '@scaling-lab/core';\nconsole.log(computeOptimal(getPublishedLaw('hoffmann2022').law, 1e24).params > 1e10 ? 'ok' : 'wrong');\n");
    const r = spawnSync(deno, ['run', '--allow-read', '--allow-env', '--node-modules-dir=manual', '--no-lock', 'main.ts'], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', DENO_DIR: join(tmp, 'deno-cache') } });
    expect(r.stderr.replace(/Warning.*\n/g, '')).toBe('');
    expect(r.stdout.trim()).toBe('ok');
  });

  it('(d) bundles the root export for the browser with no Node built-in, and prints its size', async () => {
    const result = await build({
      stdin: { contents: "export * from '@scaling-lab/core';", resolveDir: project, loader: 'js' },
      bundle: true, platform: 'browser', format: 'esm', minify: true, write: false, metafile: true, logLevel: 'silent',
    });
    // platform 'browser' fails to resolve node:* and fs/path/…; also check the inputs.
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((f) => /^node:|^(fs|path|os|child_process|worker_threads|zlib|crypto)$/.test(f))).toEqual([]);
    const js = result.outputFiles[0].contents;
    const gz = gzipSync(js).length;
    console.log(`browser bundle of @scaling-lab/core: ${(js.length / 1024).toFixed(0)} kB minified, ${(gz / 1024).toFixed(0)} kB gzip (${inputs.length} modules)`);
    expect(gz).toBeGreaterThan(1000);
  });
});
