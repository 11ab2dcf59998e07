// The sweep runner's plumbing through the real CLI, with a stub trainer
// (tests/sweep-fixtures/fake-trainer.mjs) so stop/crash/resume paths run in seconds:
// Ctrl-C stops cleanly and resumes; a worker that dies loses only its run.
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alive, childPids, fakeTrainer, fileLines, startCli, waitFor } from './sweep-helpers.js';

const spec = 'tests/sweep-fixtures/tiny-sweep.json'; // 12 runs
const env = { SCALING_LAB_SWEEP_TRAINER: fakeTrainer, FAKE_STEP_MS: '40' };
const tmp = () => join(mkdtempSync(join(tmpdir(), 'sweep-runner-')), 'results.jsonl');
const keysOf = (path: string) => fileLines(path).map((l) => JSON.parse(l).runKey as string);

describe('sweep runner (stub trainer)', () => {
  it('SIGINT stops cleanly (exit 130, no orphans, lock released), and a rerun completes the rest', async () => {
    const out = tmp();
    const run = startCli(['sweep', spec, '--out', out, '--workers', '2', '--json'], env);
    await waitFor(() => fileLines(out).length >= 2, 30_000, 'two runs recorded');
    const workers = childPids(run.child.pid!);
    expect(workers.length).toBe(2);
    run.child.kill('SIGINT');
    const code = await run.exit;
    expect(code).toBe(130);
    expect(run.err()).toContain('stopping');
    await waitFor(() => workers.every((p) => !alive(p)), 5_000, 'workers to exit');
    expect(existsSync(`${out}.lock`)).toBe(false);
    const before = keysOf(out);
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(before.length).toBeLessThan(12);

    const again = startCli(['sweep', spec, '--out', out, '--json'], env);
    expect(await again.exit).toBe(0);
    const summary = JSON.parse(again.out());
    expect(summary.skipped).toBe(before.length);
    expect(summary.completed).toBe(12 - before.length);
    const keys = keysOf(out);
    expect(keys).toHaveLength(12);
    expect(new Set(keys).size).toBe(12);
  });

  it('a worker killed mid-run fails only that run; the rest are recorded and the rerun trains it', async () => {
    const out = tmp();
    const run = startCli(['sweep', spec, '--out', out, '--workers', '2', '--json'], env);
    await waitFor(() => fileLines(out).length >= 1, 30_000, 'one run recorded');
    const [victim] = childPids(run.child.pid!);
    process.kill(victim, 'SIGKILL');
    const code = await run.exit;
    expect(code).toBe(1);
    const summary = JSON.parse(run.out());
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0].message).toMatch(/worker exited \(SIGKILL\)/);
    expect(summary.completed).toBe(11);
    expect(keysOf(out)).toHaveLength(11);

    const again = startCli(['sweep', spec, '--out', out, '--json'], env);
    expect(await again.exit).toBe(0);
    expect(JSON.parse(again.out()).completed).toBe(1);
    expect(new Set(keysOf(out)).size).toBe(12);
  });

  it('repeated SIGKILLs at arbitrary moments (startup included): resuming until done records every run exactly once', async () => {
    const out = tmp();
    const delaysMs = [50, 300, 900, 1500, 2200]; // fixed, so the test is repeatable
    for (const ms of delaysMs) {
      const run = startCli(['sweep', spec, '--out', out, '--workers', '2', '--json'], env);
      await new Promise((r) => setTimeout(r, ms));
      const workers = childPids(run.child.pid!);
      run.child.kill('SIGKILL');
      await run.exit;
      await waitFor(() => workers.every((p) => !alive(p)), 5_000, 'workers to exit');
      // Whatever was written so far parses line by line, with at most a torn tail.
      const lines = existsSync(out) ? readFileSync(out, 'utf8').split('\n') : [];
      const whole = lines.slice(0, -1);
      for (const l of whole) expect(() => JSON.parse(l)).not.toThrow();
    }
    const last = startCli(['sweep', spec, '--out', out, '--json'], env);
    expect(await last.exit).toBe(0);
    const keys = keysOf(out);
    expect(keys).toHaveLength(12);
    expect(new Set(keys).size).toBe(12);
  });

  it('a torn last line left by a crash is cut off before appending', async () => {
    const out = tmp();
    const first = startCli(['sweep', spec, '--out', out, '--workers', '2', '--json'], env);
    await waitFor(() => fileLines(out).length >= 3, 30_000, 'three runs recorded');
    first.child.kill('SIGKILL');
    await first.exit;
    const whole = keysOf(out).length;
    appendFileSync(out, '{"runKey":"a-D6.40e2-s1-1a23869d","spec":{"mod'); // what a kill mid-write would leave
    const again = startCli(['sweep', spec, '--out', out, '--json'], env);
    expect(await again.exit).toBe(0);
    expect(again.err()).toContain('torn');
    const keys = keysOf(out); // every line parses (JSON.parse throws otherwise)
    expect(keys).toHaveLength(12);
    expect(new Set(keys).size).toBe(12);
    expect(JSON.parse(again.out()).skipped).toBe(whole);
  });

  it('--reuse copies runs with the same runKey from another results file instead of training them', async () => {
    const a = tmp();
    const first = startCli(['sweep', spec, '--out', a, '--json'], env);
    expect(await first.exit).toBe(0);
    const b = tmp();
    const second = startCli(['sweep', spec, '--out', b, '--reuse', a, '--json'], env);
    expect(await second.exit).toBe(0);
    const summary = JSON.parse(second.out());
    expect(summary.reused).toBe(12);
    expect(summary.completed).toBe(0);
    expect(keysOf(b).sort()).toEqual(keysOf(a).sort());
  });

  it('a bad spec is one line naming the field, exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sweep-spec-'));
    const bad = join(dir, 'bad.json');
    const good = JSON.parse(readFileSync(spec, 'utf8'));
    writeFileSync(bad, JSON.stringify({ ...good, grid: { models: ['a', 'zz'], tokens: [640] } }));
    const run = startCli(['sweep', bad]);
    expect(await run.exit).toBe(2);
    const lines = run.err().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('grid.models[1]: unknown model "zz"');
  });

  it('bad input: one line on stderr, exit code 2', async () => {
    const bad = startCli(['sweep', 'tests/sweep-fixtures/no-such-spec.json']);
    expect(await bad.exit).toBe(2);
    expect(bad.err().trim().split('\n')).toHaveLength(1);
    expect(bad.err()).toContain('cannot read');
    const workers = startCli(['sweep', spec, '--workers', '0']);
    expect(await workers.exit).toBe(2);
    expect(workers.err()).toContain('--workers');
  });
});
