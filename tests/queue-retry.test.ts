// A run that fails is retried a bounded number of times with backoff, then reported
// failed with its message; the sweep finishes the rest (real redis-server, built CLI).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countBy, plannedKeys, startCoordinator, startWorker, trainLog } from './helpers/queue.js';
import { startRedis, type TestRedis } from './helpers/redis.js';
import { fileLines } from './sweep-helpers.js';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => redis?.stop());

describe('queue: retries', () => {
  it('failing runs are tried --attempts times with a growing backoff, then reported failed; a run that fails once is recorded once', async () => {
    const planned = await plannedKeys();
    const dir = mkdtempSync(join(tmpdir(), 'queue-retry-'));
    const out = join(dir, 'r.jsonl');
    const log = join(dir, 'train.log');
    const env = { TRAIN_LOG: log, FAKE_STEP_MS: '10', FAIL_DMODEL: '24', FAIL_ONCE_DMODEL: '16', FAIL_ONCE_DIR: dir };
    const w = startWorker(redis.url, env, ['--concurrency', '2']);
    const coord = startCoordinator(redis.url, out, ['--attempts', '3', '--backoff-seconds', '0.4', '--json']);
    const code = await coord.exit;
    w.child.kill('SIGINT');
    await w.exit;
    expect(code, coord.err()).toBe(1); // some runs failed
    const summary = JSON.parse(coord.out());
    const bad = planned.filter((k) => k.startsWith('b-')); // model b has dModel 24
    expect(summary.failed.map((f: { runKey: string }) => f.runKey).sort()).toEqual(bad);
    for (const f of summary.failed) expect(f.message).toBe('training loss diverged to NaN at step 3');
    expect(coord.err()).toMatch(/FAILED b-\S+ after 3 tries: training loss diverged to NaN at step 3/);
    expect(coord.err()).toMatch(/retry \S+: try 1 failed/);
    const keys = fileLines(out).map((l) => JSON.parse(l).runKey as string);
    expect(keys.sort()).toEqual(planned.filter((k) => !k.startsWith('b-')));
    const starts = trainLog(log).filter((l) => l.what === 'start');
    const tries = countBy(starts, (l) => l.runKey);
    for (const k of bad) expect(tries.get(k), k).toBe(3);
    for (const k of planned.filter((k) => !k.startsWith('b-'))) expect(tries.get(k), k).toBe(2); // dModel 16 (models a and c) fails its first try only
    // Exponential backoff: the gaps between a failing run's tries grow (0.4 s, then 0.8 s).
    for (const k of bad) {
      const t = starts.filter((s) => s.runKey === k).map((s) => s.ms);
      expect(t[1] - t[0]).toBeGreaterThanOrEqual(380);
      expect(t[2] - t[1]).toBeGreaterThanOrEqual(780);
    }
  });
});
