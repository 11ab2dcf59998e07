// The runner's scheduling, seen through the per-run timing the workers send with `done` (stub trainer,
// tests/sweep-fixtures/fake-trainer.mjs, so it runs in seconds): workers are forked once and reused for
// many runs, both stay busy, the timing is self-consistent, and a trainer that cannot load fails its
// runs with the reason (the worker preloads it at start and must pass the load error on to the run).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSweep, type SweepEvent } from './runner.js';
import { expandSweep } from './expand.js';
import { parseSweepSpec } from '../../sweep/spec.js';
import type { WorkerRunTiming } from '../../sweep/protocol.js';

const fakeTrainer = join(__dirname, '../../../../../tests/sweep-fixtures/fake-trainer.mjs');
const spec = () => JSON.parse(readFileSync(join(__dirname, '../../../../../tests/sweep-fixtures/tiny-sweep.json'), 'utf8'));
const tmp = () => join(mkdtempSync(join(tmpdir(), 'runner-unit-')), 'r.jsonl');

describe('runSweep scheduling (stub trainer)', () => {
  it('forks each worker once and reuses it for every run it trains; timing is ordered and both workers work', async () => {
    const runs = expandSweep(parseSweepSpec(spec()));
    expect(runs.length).toBeGreaterThanOrEqual(6);
    const done: { worker: number; timing: WorkerRunTiming; doneReceivedMs: number }[] = [];
    const onEvent = (e: SweepEvent) => {
      if (e.type === 'run-done' && e.timing) done.push({ worker: e.worker, timing: e.timing, doneReceivedMs: e.doneReceivedMs! });
    };
    const out = tmp();
    const s = await runSweep({ runs, outPath: out, workers: 2, env: { SCALING_LAB_SWEEP_TRAINER: fakeTrainer, FAKE_STEP_MS: '2' }, onEvent });
    expect(s.completed).toBe(runs.length);
    expect(done).toHaveLength(runs.length);
    // One process per worker slot: a fork per run would give as many process start times as runs.
    const starts = new Set(done.map((d) => `${d.worker}:${d.timing.processStartMs}`));
    expect(starts.size).toBe(2);
    for (const w of [0, 1]) {
      const mine = done.filter((d) => d.worker === w).map((d) => d.timing);
      expect(mine.length).toBeGreaterThan(0); // both workers got work
      expect(mine.map((t) => t.runIndex)).toEqual(mine.map((_, i) => i));
      for (const t of mine) {
        expect(t.receivedMs).toBeGreaterThanOrEqual(t.processStartMs);
        expect(t.firstStepMs!).toBeGreaterThanOrEqual(t.receivedMs);
        expect(t.endMs).toBeGreaterThanOrEqual(t.firstStepMs!);
        expect(t.cpuAtEndSeconds).toBeGreaterThanOrEqual(t.cpuAtReceivedSeconds);
        // the trainer is preloaded at process start, so it is loaded before the run trains
        expect(t.trainerLoadedMs!).toBeGreaterThanOrEqual(t.processStartMs);
        expect(t.trainerLoadedMs!).toBeLessThanOrEqual(t.firstStepMs!);
      }
    }
    for (const d of done) expect(d.doneReceivedMs).toBeGreaterThanOrEqual(d.timing.endMs - 5); // same clock, both processes
    // The results file is unchanged by the timing: records carry no timing field.
    for (const line of readFileSync(out, 'utf8').trim().split('\n')) expect(JSON.parse(line)).not.toHaveProperty('timing');
  });

  it('a trainer module that cannot load fails every run with its own reason (the start-up preload passes the error on)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'runner-bad-'));
    const bad = join(dir, 'bad-trainer.mjs');
    writeFileSync(bad, "throw new Error('trainer exploded on load');\n");
    const runs = expandSweep(parseSweepSpec(spec())).slice(0, 3);
    const s = await runSweep({ runs, outPath: join(dir, 'r.jsonl'), workers: 1, env: { SCALING_LAB_SWEEP_TRAINER: bad } });
    expect(s.completed).toBe(0);
    expect(s.failed).toHaveLength(3);
    for (const f of s.failed) expect(f.message).toBe('trainer exploded on load');
  });
});
