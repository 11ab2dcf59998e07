// rediss:// (TLS) end to end against a TLS-only redis-server with a self-signed
// certificate: a sweep completes when the CA is trusted (NODE_EXTRA_CA_CERTS), and an
// untrusted certificate or plain redis:// to a TLS port is one line naming --queue, exit 2.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingTrainer, plannedKeys, tinySpec } from './helpers/queue.js';
import { startRedis, type TestRedis } from './helpers/redis.js';
import { fileLines, startCli } from './sweep-helpers.js';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis({ tls: true, password: 'tls-secret' });
});
afterAll(async () => redis?.stop());

describe('queue: TLS', () => {
  it('a sweep over rediss:// with the CA trusted', async () => {
    const trust = { NODE_EXTRA_CA_CERTS: redis.caFile! };
    const out = join(mkdtempSync(join(tmpdir(), 'queue-tls-')), 'r.jsonl');
    const worker = startCli(['worker', '--queue', redis.url, '--concurrency', '2'], { ...trust, SCALING_LAB_SWEEP_TRAINER: countingTrainer, FAKE_STEP_MS: '5' });
    const coord = startCli(['sweep', tinySpec, '--queue', redis.url, '--out', out, '--plain'], trust);
    const code = await coord.exit;
    worker.child.kill('SIGINT');
    expect(await worker.exit).toBe(0);
    expect(code, coord.err()).toBe(0);
    expect(fileLines(out).map((l) => JSON.parse(l).runKey).sort()).toEqual(await plannedKeys());
    expect(coord.err() + worker.err()).not.toContain('tls-secret');
  });

  it('an untrusted certificate, and redis:// to a TLS port: one line naming --queue, exit 2', async () => {
    const cases: [string, RegExp][] = [
      [redis.url, /TLS certificate not trusted .*NODE_EXTRA_CA_CERTS/],
      [redis.url.replace('rediss://', 'redis://'), /^scaling-lab: error: --queue: redis:\/\/:\*\*\*@127\.0\.0\.1:\d+: /],
    ];
    for (const [url, pattern] of cases) {
      const run = startCli(['queue', 'status', '--queue', url]);
      const timer = setTimeout(() => run.child.kill('SIGKILL'), 15_000);
      const code = await run.exit;
      clearTimeout(timer);
      expect(code, run.err()).toBe(2);
      const lines = run.err().trim().split('\n').filter((l) => !/DeprecationWarning|trace-deprecation/.test(l));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^scaling-lab: error: --queue: /);
      expect(lines[0]).toMatch(pattern);
      expect(run.err()).not.toContain('tls-secret');
    }
  });
});
