// A crash (SIGKILL, as an out-of-memory kill) of a training process fails only that
// try: the worker stays up, the run is retried and recorded once (real redis-server).
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

describe('queue: a training process that dies', () => {
  it('does not kill the worker; the run is retried and recorded once', async () => {
    const planned = await plannedKeys();
    const dir = mkdtempSync(join(tmpdir(), 'queue-crash-'));
    const out = join(dir, 'r.jsonl');
    const log = join(dir, 'train.log');
    const w = startWorker(redis.url, { TRAIN_LOG: log, FAKE_STEP_MS: '5', CRASH_ONCE_DMODEL: '24', CRASH_ONCE_DIR: dir }, ['--concurrency', '2']);
    const coord = startCoordinator(redis.url, out, ['--backoff-seconds', '0.2']);
    expect(await coord.exit, coord.err()).toBe(0);
    expect(w.child.exitCode).toBe(null); // the worker outlived its crashed training processes
    w.child.kill('SIGINT');
    expect(await w.exit).toBe(0);
    expect(fileLines(out).map((l) => JSON.parse(l).runKey).sort()).toEqual(planned);
    const starts = countBy(trainLog(log).filter((l) => l.what === 'start'), (l) => l.runKey);
    for (const k of planned) expect(starts.get(k), k).toBe(k.startsWith('b-') ? 2 : 1); // model b has dModel 24
    expect(coord.err()).toMatch(/retry b-\S+: try 1 failed \(training process exited \(SIGKILL\)/);
  });
});
