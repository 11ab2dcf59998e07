// scripts/setup-system --check: silent and exit 0 when everything is there; otherwise it names
// each missing apt package, what needs it, and the one command that installs them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const script = join(dirname(fileURLToPath(import.meta.url)), '..', 'scripts', 'setup-system');
const bare = mkdtempSync(join(tmpdir(), 'sl-bare-path-'));
symlinkSync('/bin/bash', join(bare, 'bash'));
afterAll(() => rmSync(bare, { recursive: true, force: true }));

describe('scripts/setup-system --check', () => {
  it('passes on this machine (which has what the tests need: the tests are running)', () => {
    const r = spawnSync('bash', [script, '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('with a PATH that has none of the commands, names each missing package and the install command', () => {
    const r = spawnSync(join(bare, 'bash'), [script, '--check'], { encoding: 'utf8', env: { PATH: bare } });
    expect(r.status).toBe(1);
    for (const pkg of ['chromium', 'redis-server', 'jupyter-nbconvert']) expect(r.stderr).toContain(`  - ${pkg}: `);
    expect(r.stderr).toMatch(/Install them with: sudo apt-get update && sudo apt-get install -y chromium redis-server openssl jupyter-nbconvert/);
  });

  it('accepts CHROME_PATH for a browser installed elsewhere', () => {
    const r = spawnSync(join(bare, 'bash'), [script, '--check'], { encoding: 'utf8', env: { PATH: bare, CHROME_PATH: '/bin/bash' } });
    expect(r.stderr).not.toContain('  - chromium: ');
  });
});
