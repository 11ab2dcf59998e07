// The crash test, with the real trainer: start a tiny sweep through the CLI,
// SIGKILL it mid-way, check its workers die with it, resume, and check that
// every run is recorded exactly once and that every line of the file parses.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alive, childPids, fileLines, startCli, waitFor } from './sweep-helpers.js';

const spec = 'tests/sweep-fixtures/tiny-sweep.json'; // 12 runs of a few hundred steps' worth of tokens

describe('sweep crash safety (real trainer)', () => {
  it('SIGKILL mid-sweep loses at most the runs in flight; resume records every run exactly once', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sweep-crash-')), 'results.jsonl');
    const first = startCli(['sweep', spec, '--out', out, '--workers', '2', '--json']);
    await waitFor(() => fileLines(out).length >= 2, 240_000, 'two runs recorded');
    const workers = childPids(first.child.pid!);
    first.child.kill('SIGKILL');
    await first.exit;
    // Workers notice the parent is gone (IPC disconnect) and exit: no orphans left burning cores.
    await waitFor(() => workers.every((p) => !alive(p)), 20_000, 'orphaned workers to exit');
    const before = fileLines(out).map((l) => JSON.parse(l).runKey as string);
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(before.length).toBeLessThan(12);

    const resumed = startCli(['sweep', spec, '--out', out, '--workers', '2', '--json']);
    expect(await resumed.exit).toBe(0);
    const summary = JSON.parse(resumed.out());
    expect(summary.skipped).toBe(before.length);
    expect(summary.completed + summary.skipped).toBe(12);

    const text = readFileSync(out, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const recs = text.trimEnd().split('\n').map((l) => JSON.parse(l)); // throws if any line is torn
    const keys = recs.map((r) => r.runKey);
    expect(keys).toHaveLength(12);
    expect(new Set(keys).size).toBe(12);
    for (const r of recs) {
      expect(r.backend).toBeTruthy();
      expect(Number.isFinite(r.finalValLoss)).toBe(true);
      expect(r.tokens).toBe(r.spec.tokens);
    }
  });
});
