// Every example a user is shown runs: the "Examples:" of every command's --help, every
// `npx scaling-lab …` line of the README, and every "(e.g. X)" value of --hardware and --law.
// They run in a temporary folder (with `sweeps` linked in) so files they write stay out of the
// repository; a sweep example trains with the fake trainer (training itself is the sweep tests'),
// and examples that need a Redis server (--queue) are left to the queue tests.
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HF_CONFIGS } from '../packages/core/src/estimate/architecture/hfConfigs.fixture.js';
import { runCli } from './helpers/cli.js';
import { fakeTrainer, root } from './sweep-helpers.js';

const cwd = mkdtempSync(join(tmpdir(), 'cli-examples-'));
symlinkSync(join(root, 'sweeps'), join(cwd, 'sweeps'));
symlinkSync(join(root, 'examples'), join(cwd, 'examples'));
writeFileSync(join(cwd, 'config.json'), JSON.stringify(HF_CONFIGS['meta-llama/Llama-3.1-8B'].config));

/** Splits a shell line into words (double quotes only; the examples use no others). */
const words = (line: string) => (line.match(/"[^"]*"|\S+/g) ?? []).map((w) => w.replace(/^"|"$/g, ''));

function helpExamples(): { command: string; args: string[] }[] {
  const top = runCli(['--help']).stdout;
  const commands = [...top.matchAll(/^ {2}([a-z-]+) /gm)].map((m) => m[1]).filter((c) => c !== 'help');
  const out: { command: string; args: string[] }[] = [];
  for (const c of commands) {
    const help = runCli([c, '--help']).stdout;
    const ex = help.split(/^Examples:$/m)[1];
    if (!ex) continue;
    for (const line of ex.split('\n')) {
      const m = line.match(/^\s+scaling-lab (.+)$/);
      if (m) out.push({ command: `help of ${c}`, args: words(m[1]) });
    }
  }
  return out;
}

function readmeExamples(): { command: string; args: string[] }[] {
  const text = readFileSync(join(root, 'README.md'), 'utf8').replace(/\\\n\s*/g, ' ');
  const out: { command: string; args: string[] }[] = [];
  for (const line of text.split('\n')) {
    for (const part of line.replace(/#.*$/, '').split(';')) {
      const m = part.trim().match(/^npx scaling-lab (.+)$/);
      if (m) out.push({ command: 'README', args: words(m[1]) });
    }
  }
  return out;
}

/** "(e.g. X)" of --hardware and --law in every command's help. */
function egValues(): { command: string; args: string[] }[] {
  const top = runCli(['--help']).stdout;
  const commands = [...top.matchAll(/^ {2}([a-z-]+) /gm)].map((m) => m[1]).filter((c) => c !== 'help');
  const out: { command: string; args: string[] }[] = [];
  for (const c of commands) {
    const help = runCli([c, '--help']).stdout.replace(/\n\s+/g, ' ');
    for (const m of help.matchAll(/--(hardware|law) <[^>]+>[^-]*?\(e\.g\. ([A-Za-z0-9._-]+)\)/g)) {
      out.push({ command: `--${m[1]} e.g. in ${c}`, args: m[1] === 'hardware' ? ['estimate', '--params', '1B', '--tokens', '20B', '--hardware', m[2]] : ['optimal', '--law', m[2], '--compute', '1e24'] });
    }
  }
  return out;
}

const needsRedis = (a: string[]) => a.includes('--queue') || a[0] === 'worker' || a[0] === 'queue';
// The README's fit example writes fit.json that the next examples read: keep the file order.
const all = [...helpExamples(), ...readmeExamples(), ...egValues()].filter((e) => !needsRedis(e.args));

describe('every example shown to users runs (exit 0, no error output)', () => {
  it('found the examples (help sections, README lines, e.g. values)', () => {
    expect(all.filter((e) => e.command.startsWith('help')).length).toBeGreaterThanOrEqual(15);
    expect(all.filter((e) => e.command === 'README').length).toBeGreaterThanOrEqual(12);
    expect(all.some((e) => e.args.includes('h100'))).toBe(true);
  });
  for (const e of all) {
    it(`${e.command}: scaling-lab ${e.args.join(' ')}`, () => {
      const env = e.args[0] === 'sweep' ? { SCALING_LAB_SWEEP_TRAINER: fakeTrainer, FAKE_STEP_MS: '0' } : {};
      // A sweep without --out would write beside the spec, i.e. into the repository's sweeps/results.
      const args = e.args[0] === 'sweep' && !e.args.includes('--out') && !e.args.includes('--dry-run') ? [...e.args, '--out', 'example-runs.jsonl'] : e.args;
      const r = runCliIn(args, env);
      expect(r.stderr.replace(/^sweep: .*\n/gm, '')).not.toMatch(/error/i);
      expect(r.code).toBe(0);
    }, 180_000);
  }
});

function runCliIn(args: string[], env: Record<string, string>) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return runCli(args, { cwd });
  } finally {
    for (const k of Object.keys(env)) if (saved[k] === undefined) delete process.env[k]; else process.env[k] = saved[k];
  }
}
