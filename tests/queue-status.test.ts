// Several sweeps share one Redis: `queue status` counts each sweep's runs, `queue clean`
// removes one finished sweep's jobs and leaves the other's (real redis-server, built CLI).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingTrainer, tinySpec } from './helpers/queue.js';
import { startRedis, type TestRedis } from './helpers/redis.js';
import { fileLines, root, startCli } from './sweep-helpers.js';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => redis?.stop());

const status = async () => {
  const run = startCli(['queue', 'status', '--queue', redis.url, '--json']);
  expect(await run.exit, run.err()).toBe(0);
  return JSON.parse(run.out()).sweeps as { sweep: string; waiting: number; running: number; retrying: number; done: number; failed: number }[];
};

describe('queue status and clean', () => {
  it('two sweeps on one Redis at once: both complete, status counts each, clean removes only the one named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'queue-status-'));
    const other = join(dir, 'tiny2.json');
    writeFileSync(other, JSON.stringify({ ...JSON.parse(readFileSync(join(root, tinySpec), 'utf8')), name: 'tiny2', seeds: [0] }));
    const w = startCli(['worker', '--queue', redis.url, '--concurrency', '2'], { SCALING_LAB_SWEEP_TRAINER: countingTrainer, FAKE_STEP_MS: '5' });
    const a = startCli(['sweep', tinySpec, '--queue', redis.url, '--out', join(dir, 'a.jsonl'), '--plain']);
    const b = startCli(['sweep', other, '--queue', redis.url, '--out', join(dir, 'b.jsonl'), '--plain']);
    expect(await a.exit, a.err()).toBe(0);
    expect(await b.exit, b.err()).toBe(0);
    w.child.kill('SIGINT');
    expect(await w.exit).toBe(0);
    expect(fileLines(join(dir, 'a.jsonl'))).toHaveLength(12);
    expect(fileLines(join(dir, 'b.jsonl'))).toHaveLength(6);
    expect(await status()).toEqual([
      { sweep: 'tiny', waiting: 0, running: 0, retrying: 0, done: 12, failed: 0 },
      { sweep: 'tiny2', waiting: 0, running: 0, retrying: 0, done: 6, failed: 0 },
    ]);
    const clean = startCli(['queue', 'clean', '--queue', redis.url, '--sweep', 'tiny']);
    expect(await clean.exit, clean.err()).toBe(0);
    expect(clean.out()).toMatch(/removed 12 job\(s\) of sweep "tiny"/);
    expect((await status()).map((s) => s.sweep)).toEqual(['tiny2']);
    const again = startCli(['queue', 'clean', '--queue', redis.url, '--sweep', 'tiny']);
    expect(await again.exit).toBe(2);
    expect(again.err().trim()).toMatch(/^scaling-lab: error: --sweep: no jobs of sweep "tiny" in the queue/);
  });
});
