// Nothing is lost when a queue worker or the coordinator dies: a real
// redis-server (tests/helpers/redis.ts), the built CLI, the counting fake trainer.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TRAINER_VERSION } from '../packages/core/src/train/version.js';
import { countBy, plannedKeys, startCoordinator, startWorker, trainLog } from './helpers/queue.js';
import { startRedis, type TestRedis } from './helpers/redis.js';
import { alive, childPids, fileLines, waitFor } from './sweep-helpers.js';

let redis: TestRedis;
let planned: string[];
beforeAll(async () => {
  planned = await plannedKeys();
});
// A fresh Redis per test: finished runs stay in Redis (a later coordinator of the same sweep collects them instead of training).
beforeEach(async () => {
  redis = await startRedis();
});
afterEach(async () => redis?.stop());

const keysIn = (out: string) => fileLines(out).map((l) => JSON.parse(l).runKey as string);

describe('queue: a dead worker or coordinator loses nothing', () => {
  it('a worker SIGKILLed mid-run: its run comes back through the stalled check, another worker trains it, every run is in the file exactly once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'queue-kill-'));
    const out = join(dir, 'r.jsonl');
    const log = join(dir, 'train.log');
    const env = { TRAIN_LOG: log, FAKE_STEP_MS: '60' };
    const coord = startCoordinator(redis.url, out);
    const a = startWorker(redis.url, env);
    await waitFor(() => trainLog(log).some((l) => l.what === 'start'), 30_000, 'worker A to start a run');
    const victim = trainLog(log).find((l) => l.what === 'start')!;
    const b = startWorker(redis.url, env);
    const aChildren = childPids(a.child.pid!);
    a.child.kill('SIGKILL');
    expect(await a.exit).toBe(-1);
    await waitFor(() => aChildren.every((p) => !alive(p)), 10_000, "worker A's trainer process to exit with it");
    const code = await coord.exit;
    b.child.kill('SIGINT');
    await b.exit;
    expect(code, coord.err()).toBe(0);
    const keys = keysIn(out);
    expect([...keys].sort()).toEqual(planned);
    expect(new Set(keys).size).toBe(keys.length);
    const starts = trainLog(log).filter((l) => l.runKey === victim.runKey && l.what === 'start');
    expect(starts.length).toBeGreaterThanOrEqual(2); // killed on A, trained again
    expect(starts.some((s) => s.pid !== victim.pid)).toBe(true);
    const rec = fileLines(out).map((l) => JSON.parse(l)).find((r) => r.runKey === victim.runKey);
    expect(rec.host).toBeTruthy();
    expect(rec.trainerVersion).toBe(TRAINER_VERSION);
  });

  it('the coordinator SIGKILLed and restarted: runs finished while it was down are collected; none trained twice, none lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'queue-coord-'));
    const out = join(dir, 'r.jsonl');
    const log = join(dir, 'train.log');
    const env = { TRAIN_LOG: log, FAKE_STEP_MS: '40' };
    const w1 = startWorker(redis.url, env);
    const w2 = startWorker(redis.url, env);
    const first = startCoordinator(redis.url, out);
    await waitFor(() => fileLines(out).length >= 2, 60_000, 'two collected runs');
    first.child.kill('SIGKILL');
    await first.exit;
    const writtenBefore = fileLines(out).length;
    // Runs keep finishing with no coordinator; their records wait in Redis.
    await waitFor(() => trainLog(log).filter((l) => l.what === 'done').length >= writtenBefore + 3, 60_000, 'runs finishing while the coordinator is down');
    expect(fileLines(out).length).toBe(writtenBefore);
    const second = startCoordinator(redis.url, out); // takes over the dead coordinator's lock
    const code = await second.exit;
    w1.child.kill('SIGINT');
    w2.child.kill('SIGINT');
    expect(await w1.exit).toBe(0);
    expect(await w2.exit).toBe(0);
    expect(code, second.err()).toBe(0);
    expect(second.err()).toMatch(new RegExp(`${writtenBefore} already in`));
    const keys = keysIn(out);
    expect([...keys].sort()).toEqual(planned);
    const dones = countBy(trainLog(log).filter((l) => l.what === 'done'), (l) => l.runKey);
    expect([...dones.values()].every((n) => n === 1), JSON.stringify([...dones])).toBe(true);
    expect(dones.size).toBe(planned.length);
  });

  it('Ctrl-C on a worker hands its run back at once (no waiting for the lock), exits 0, and another worker finishes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'queue-int-'));
    const out = join(dir, 'r.jsonl');
    const log = join(dir, 'train.log');
    const env = { TRAIN_LOG: log, FAKE_STEP_MS: '60' };
    const coord = startCoordinator(redis.url, out, [], 'tests/sweep-fixtures/tiny-sweep.json');
    const a = startWorker(redis.url, env, ['--lock-seconds', '600']); // a lapsed lock would take 10 minutes
    await waitFor(() => trainLog(log).some((l) => l.what === 'start'), 30_000, 'worker A to start a run');
    const victim = trainLog(log).find((l) => l.what === 'start')!;
    a.child.kill('SIGINT');
    expect(await a.exit).toBe(0);
    expect(a.err()).toMatch(/handed back/);
    const b = startWorker(redis.url, env);
    expect(await coord.exit, coord.err()).toBe(0);
    b.child.kill('SIGINT');
    await b.exit;
    expect([...keysIn(out)].sort()).toEqual(planned);
    expect(trainLog(log).filter((l) => l.runKey === victim.runKey && l.what === 'done')).toHaveLength(1);
  });
});
