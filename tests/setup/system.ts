// vitest globalSetup: before any test runs, check the system packages the tests need
// (scripts/setup-system, the one list CI and users share). Missing ones are installed where
// that can be done without asking (root with apt-get, as .ci/run does); otherwise the run stops
// with one message naming each package and the command that installs it.
// SCALING_LAB_SKIP_SYSTEM_CHECK=1 skips the check (e.g. to run only unit tests on a bare machine).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts', 'setup-system');
const check = () => spawnSync('bash', [script, '--check'], { encoding: 'utf8' });

export default function setup(): void {
  if (process.env.SCALING_LAB_SKIP_SYSTEM_CHECK === '1') return;
  let r = check();
  if (r.status === 0) return;
  const canInstall = process.getuid?.() === 0 && spawnSync('bash', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (canInstall && !/npm ci/.test(r.stderr)) {
    process.stderr.write('scaling-lab: installing missing system packages (scripts/setup-system)…\n');
    spawnSync('bash', [script], { stdio: 'inherit' });
    r = check();
    if (r.status === 0) return;
  }
  throw new Error(`\n${r.stderr.trim()}\n(no test was run; SCALING_LAB_SKIP_SYSTEM_CHECK=1 skips this check)`);
}
