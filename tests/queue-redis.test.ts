// The queue rides out a Redis restart, and two coordinators never write a run twice
// (real redis-server, built CLI, counting fake trainer).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { countBy, plannedKeys, startCoordinator, startWorker, trainLog } from './helpers/queue.js';
import { startRedis, type TestRedis } from './helpers/redis.js';
import { fileLines, waitFor } from './sweep-helpers.js';

let redis: TestRedis | undefined;
let planned: string[];
beforeAll(async () => {
  planned = await plannedKeys();
});
afterEach(async () => {
  await redis?.stop();
  redis = undefined;
});

const keysIn = (out: string) => fileLines(out).map((l) => JSON.parse(l).runKey as string);

describe('queue: Redis restarts and concurrent coordinators', () => {
  it('Redis killed and restarted mid-sweep (append-only file on): the sweep completes, every run once', async () => {
    redis = await startRedis({ appendonly: true });
    const dir = mkdtempSync(join(tmpdir(), 'queue-redis-'));
    const out = join(dir, 'r.jsonl');
    const log = join(dir, 'train.log');
    const w = startWorker(redis.url, { TRAIN_LOG: log, FAKE_STEP_MS: '40' }, ['--concurrency', '2', '--lock-seconds', '10', '--stalled-seconds', '2']);
    const coord = startCoordinator(redis.url, out);
    await waitFor(() => fileLines(out).length >= 2, 60_000, 'two collected runs');
    await redis.restart('SIGKILL', 1500);
    const code = await coord.exit;
    w.child.kill('SIGINT');
    expect(await w.exit).toBe(0);
    expect(code, coord.err()).toBe(0);
    const keys = keysIn(out);
    expect([...keys].sort()).toEqual(planned);
    expect(new Set(keys).size).toBe(planned.length);
  });

  it('a second coordinator on the same results file refuses with one line naming --out; one on another file shares the queue and nothing is trained twice', async () => {
    redis = await startRedis();
    const dir = mkdtempSync(join(tmpdir(), 'queue-two-'));
    const out = join(dir, 'r.jsonl');
    const other = join(dir, 'other.jsonl');
    const log = join(dir, 'train.log');
    const first = startCoordinator(redis.url, out);
    await waitFor(() => /start workers with/.test(first.err()), 30_000, 'the first coordinator to enqueue');
    const second = startCoordinator(redis.url, out);
    expect(await second.exit).toBe(2);
    const errLines = second.err().trim().split('\n');
    expect(errLines).toHaveLength(1);
    expect(errLines[0]).toMatch(/^scaling-lab: error: --out: .*r\.jsonl is being written by another sweep \(pid \d+\)/);
    const third = startCoordinator(redis.url, other);
    const w = startWorker(redis.url, { TRAIN_LOG: log, FAKE_STEP_MS: '15' }, ['--concurrency', '2']);
    expect(await first.exit, first.err()).toBe(0);
    expect(await third.exit, third.err()).toBe(0);
    w.child.kill('SIGINT');
    await w.exit;
    for (const f of [out, other]) {
      const keys = keysIn(f);
      expect([...keys].sort()).toEqual(planned);
    }
    const dones = countBy(trainLog(log).filter((l) => l.what === 'done'), (l) => l.runKey);
    expect(dones.size).toBe(planned.length);
    expect([...dones.values()].every((n) => n === 1)).toBe(true);
  });
});
