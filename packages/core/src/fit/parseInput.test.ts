import { describe, expect, it } from 'vitest';
import { parseSweepResults } from './parseInput.js';

const run = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ runKey: 'r1', paramsNonEmbedding: 1e6, paramsTotal: 2e6, tokens: 2e7, finalValLoss: 3.1, diverged: false, curve: [{ step: 1, tokens: 1e7, trainLoss: 3.5 }, { step: 2, tokens: 2e7, trainLoss: 3.2 }], ...over });

describe('parseSweepResults', () => {
  it('one point per finished run (N non-embedding by default, C = 6ND); diverged runs and missing losses are skipped with why', () => {
    const text = [run(), '', run({ runKey: 'r2', diverged: true }), run({ runKey: 'r3', finalValLoss: null })].join('\n');
    const p = parseSweepResults(text, { source: 'x.jsonl' });
    expect(p.rows).toBe(3);
    expect(p.points).toEqual([{ params: 1e6, tokens: 2e7, flops: 6 * 1e6 * 2e7, loss: 3.1 }]);
    expect(p.skipped.map((s) => s.reason)).toEqual(['r2: diverged', 'r3: no finite finalValLoss']);
    expect(p.curves).toEqual([{ params: 1e6, tokens: [1e7, 2e7], loss: [3.5, 3.2] }]);
    expect(parseSweepResults(run(), { params: 'total' }).points[0].params).toBe(2e6);
  });

  it('curve entries that are not points are left out of the curve', () => {
    const p = parseSweepResults(run({ curve: [null, { tokens: 1e7, trainLoss: null }, { tokens: 2e7, trainLoss: 3.2 }] }));
    expect(p.curves).toEqual([{ params: 1e6, tokens: [2e7], loss: [3.2] }]);
  });

  it('a line that is not a JSON object is an InputError naming the line (was a TypeError for null)', () => {
    expect(() => parseSweepResults(`${run()}\nnull\n`, { source: 'x.jsonl' })).toThrow(/^x\.jsonl line 2: holds null, not a JSON object/);
    expect(() => parseSweepResults('[1, 2]', { source: 'x.jsonl' })).toThrow(/^x\.jsonl line 1: holds an array/);
    expect(() => parseSweepResults('{"a": ', { source: 'x.jsonl' })).toThrow(/^x\.jsonl line 1: is not valid JSON/);
  });

  it('a repeated run key and an older trainer\'s run beside its successor each count once, with the dropped line named', () => {
    const text = [run({ runKey: 'm-D1e3-s0-0123abcd' }), run({ runKey: 'm-D1e3-s0-0123abcd-t2', finalValLoss: 3.0 }), run({ runKey: 'm-D1e3-s0-0123abcd-t2', finalValLoss: 2.9 })].join('\n');
    const p = parseSweepResults(text, { source: 'x.jsonl' });
    expect(p.points.map((q) => q.loss)).toEqual([3.0]);
    expect(p.skipped.map((s) => s.row)).toEqual([1, 3]);
    expect(p.skipped[0].reason).toMatch(/trained by trainer version 1, superseded by m-D1e3-s0-0123abcd-t2/);
    expect(p.skipped[1].reason).toMatch(/duplicate run key \(line 3 repeats line 2/);
  });
});
