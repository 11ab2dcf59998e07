// Runs the built CLI (`packages/core/dist/cli/main.js`) as a user runs it: a child process.
// `npm test` builds first; `cli-estimate.test.ts` checks the file is there.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'packages', 'core', 'dist', 'cli', 'main.js');

export interface CliResult {
  /** Exit status; null when the child was killed (e.g. by the timeout). */
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node main.js ...args`; `input` is written to stdin. Killed after 120 s (a fit with a bootstrap is the slowest). */
export function runCli(args: readonly string[], opts: { input?: string; cwd?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000, input: opts.input, cwd: opts.cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `runCli([...args, '--json'])`, expecting exit 0 and an empty stderr; returns the parsed stdout (`any`: tests read arbitrary fields). */
export function json(...args: string[]): any {
  const r = runCli([...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

/** Bad input as the project promises it: exit 2, nothing on stdout, one line on stderr that matches `needle`, no stack trace. */
export function expectBadInput(r: CliResult, needle: string | RegExp, label?: string): void {
  expect(r.code, label).toBe(2);
  expect(r.stdout, label).toBe('');
  expect(r.stderr.trim().split('\n'), label).toHaveLength(1);
  if (typeof needle === 'string') expect(r.stderr, label).toContain(needle);
  else expect(r.stderr, label).toMatch(needle);
  expect(r.stderr, label).not.toMatch(/\n\s+at |at .*\.js:\d+/);
}
