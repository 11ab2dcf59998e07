// The queue with the real trainer (TensorFlow.js, WASM or CPU) on two tiny runs: the
// records say which host, backend and trainer version produced them, and fit like any.
import { mkdtempSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from './helpers/redis.js';
import { fileLines, startCli } from './sweep-helpers.js';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => redis?.stop());

describe('queue: real trainer', () => {
  it('a worker trains real runs from the queue; each record carries host, backend and trainerVersion, and its key the version', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'queue-real-')), 'r.jsonl');
    const worker = startCli(['worker', '--queue', redis.url, '--concurrency', '1', '--backend', 'wasm']);
    const coord = startCli(['sweep', 'tests/queue-fixtures/tiny-real.json', '--queue', redis.url, '--out', out, '--plain']);
    const code = await coord.exit;
    worker.child.kill('SIGINT');
    expect(await worker.exit).toBe(0);
    expect(code, coord.err()).toBe(0);
    const recs = fileLines(out).map((l) => JSON.parse(l));
    expect(recs).toHaveLength(2);
    for (const r of recs) {
      expect(r.runKey).toMatch(/^d8-D1\.28e3-s[01]-[0-9a-f]{8}-t2$/);
      expect(r.trainerVersion).toBe(2);
      expect(r.host).toBe(hostname());
      expect(r.backend).toBe('wasm');
      expect(r.steps).toBe(20);
      expect(Number.isFinite(r.finalValLoss) && r.finalValLoss > 0).toBe(true);
    }
    expect(coord.err()).toMatch(new RegExp(`done d8-\\S+ on ${hostname()} \\(wasm, trainer v2\\)`));
  });
});
