// The embedded kernels are exactly what scripts/gen-kernels.mjs compiles from
// assembly/engine.ts, and the check notices a module that was not regenerated.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const script = join(here, '..', '..', '..', 'scripts', 'gen-kernels.mjs');
const check = (...args: string[]) => spawnSync(process.execPath, [script, '--check', ...args], { encoding: 'utf8' });

describe('the engine kernels module', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'gen-kernels-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('kernels.generated.ts is what gen-kernels compiles (npm run kernels:check)', () => {
    const r = check();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('--check fails, naming the file, when the embedded bytes differ from a fresh compile', () => {
    const copy = join(tmp, 'kernels.generated.ts');
    copyFileSync(join(here, 'kernels.generated.ts'), copy);
    writeFileSync(copy, readFileSync(copy, 'utf8').replace("'AGFzbQ", "'AGFzbR"));
    const r = check('--out', copy);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/stale: .*kernels\.generated\.ts \(run npm run kernels\)/);
  });
});
