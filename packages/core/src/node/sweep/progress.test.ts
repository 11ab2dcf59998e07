import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fmtSeconds, plainReporter } from './progress.js';
import type { PlannedRun, SweepRecord } from '../../sweep/types.js';

const run = (k: string, cost: number) => ({ runKey: k, costEstimate: cost, steps: 10 }) as unknown as PlannedRun;

describe('plainReporter', () => {
  it('prints one line per finished run with a FLOP-weighted ETA', () => {
    let text = '';
    const stream = new Writable({ write: (c, _e, cb) => ((text += c), cb()) });
    const r = plainReporter(stream);
    const a = run('big', 3e9);
    const b = run('small', 1e9);
    r.onEvent({ type: 'start', total: 3, skipped: 1, reused: 0, toRun: [a, b], workers: 2, outPath: 'x.jsonl' });
    r.onEvent({ type: 'progress', worker: 0, run: a, progress: { step: 5, totalSteps: 10, tokensSeen: 50, trainLoss: 3 } });
    const rec = { paramsNonEmbedding: 10, tokens: 100, finalValLoss: 2.5, diverged: false, wallSeconds: 1.5, tokensPerSecond: 66 } as unknown as SweepRecord;
    r.onEvent({ type: 'run-done', worker: 0, run: a, record: rec });
    r.onEvent({ type: 'run-failed', worker: 1, run: b, message: 'boom' });
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('sweep: 3 run(s), 1 already in x.jsonl, 2 to train on 2 worker(s) (~4e9 FLOPs)');
    expect(lines[1]).toMatch(/^\[1\/2\] big N=10 D=100 val loss 2\.5000 in 1\.5s, 66 tok\/s; ETA /);
    expect(lines[2]).toBe('[2/2] small FAILED: boom');
  });
});

describe('fmtSeconds', () => {
  it('formats short and long durations', () => {
    expect(fmtSeconds(4.25)).toBe('4.3s');
    expect(fmtSeconds(42)).toBe('42s');
    expect(fmtSeconds(185)).toBe('3m05s');
    expect(fmtSeconds(3720)).toBe('1h02m');
    expect(fmtSeconds(NaN)).toBe('?');
  });
});
