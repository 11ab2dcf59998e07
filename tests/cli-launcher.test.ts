// The `scaling-lab` bin on a fresh clone: npm links a workspace's bin when it installs, before
// `prepare` builds dist/, so the bin must be a committed file (packages/core/bin/scaling-lab.js)
// and `npx --no-install scaling-lab` must work right after `npm ci`.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, realpathSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corePkg = JSON.parse(readFileSync(join(root, 'packages/core/package.json'), 'utf8'));
const npx = (args: string[]) => spawnSync('npx', ['--no-install', 'scaling-lab', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('scaling-lab bin', () => {
  it('is a committed file outside dist/, so npm links it before the build', () => {
    const bin = corePkg.bin['scaling-lab'];
    expect(bin).not.toMatch(/dist\//);
    // git ls-files fails (throws) when the file is not tracked
    execFileSync('git', ['ls-files', '--error-unmatch', join('packages/core', bin)], { cwd: root, stdio: 'pipe' });
    const linked = realpathSync(join(root, 'node_modules/.bin/scaling-lab'));
    expect(relative(root, linked)).toBe(join('packages/core', bin));
  });

  it('`npx --no-install scaling-lab --help` lists the commands', () => {
    const r = npx(['--help']);
    expect(r.stderr).not.toMatch(/could not determine executable/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: scaling-lab/m);
    for (const cmd of ['estimate', 'fit', 'laws', 'sweep']) expect(r.stdout).toContain(cmd);
  });

  it('`--version` prints the version of @scaling-lab/core from its package.json', () => {
    const r = npx(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(corePkg.version);
  });

  it('says "run npm run build" (one line, exit 1) when dist/ is not built yet', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-launcher-'));
    temps.push(dir);
    mkdirSync(join(dir, 'bin'));
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    copyFileSync(join(root, 'packages/core', corePkg.bin['scaling-lab']), join(dir, 'bin/scaling-lab.js'));
    const r = spawnSync(process.execPath, [join(dir, 'bin/scaling-lab.js'), '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('npm run build');
  });
});
