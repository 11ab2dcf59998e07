import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { parseResults, recordPoint, resultLines } from './results.js';
import type { SweepRecord } from './types.js';

const rec = (k: string) => ({ runKey: k, finalValLoss: 1.5, curve: [{ step: 1, tokens: 10, trainLoss: 2 }] }) as unknown as SweepRecord;
const line = (k: string) => `${JSON.stringify(rec(k))}\n`;

describe('parseResults', () => {
  it('reads whole lines and ignores a torn last line', () => {
    const text = line('a') + line('b') + line('c').slice(0, 17);
    const p = parseResults(text);
    expect(p.records.map((r) => r.runKey)).toEqual(['a', 'b']);
    expect(p.torn?.isCompleteRecord).toBe(false);
    expect(p.validBytes).toBe(new TextEncoder().encode(line('a') + line('b')).length);
  });

  it('a tail that is a whole record without its newline is marked complete', () => {
    const p = parseResults(line('a') + line('b').trimEnd());
    expect(p.torn?.isCompleteRecord).toBe(true);
    expect(p.records).toHaveLength(1);
  });

  it('skips corrupt middle lines and duplicate keys, reporting them', () => {
    const p = parseResults(line('a') + 'garbage\n' + line('a') + line('b'));
    expect(p.records.map((r) => r.runKey)).toEqual(['a', 'b']);
    expect(p.badLines).toEqual([2]);
    expect(p.duplicates).toEqual(['a']);
  });

  it('empty text is an empty result', () => {
    expect(parseResults('').records).toEqual([]);
  });

  it('counts bytes, not characters (non-ASCII keys)', () => {
    const text = line('é') + '{"runKey":"ü';
    expect(parseResults(text).validBytes).toBe(new TextEncoder().encode(line('é')).length);
  });
});


describe('resultLines', () => {
  it('numbers every non-empty line from 1 and names what is wrong with the bad ones', () => {
    const ls = resultLines(`${line('a')}\nnull\n[1]\n{"a": \n`);
    expect(ls.map((l) => l.line)).toEqual([1, 3, 4, 5]);
    expect(ls[0].value?.runKey).toBe('a');
    expect(ls.slice(1).map((l) => l.problem)).toEqual(['holds null, not a JSON object', 'holds an array, not a JSON object', 'is not valid JSON']);
  });
});

describe('recordPoint', () => {
  const r = { paramsNonEmbedding: 1e6, paramsTotal: 2e6, tokens: 2e7, finalValLoss: 3.1, diverged: false };
  it('N by the chosen kind, D = tokens, loss = finalValLoss; diverged and loss-less runs are excluded with why', () => {
    expect(recordPoint(r, 'nonEmbedding', 'x')).toEqual({ params: 1e6, tokens: 2e7, loss: 3.1 });
    expect(recordPoint(r, 'total', 'x')).toEqual({ params: 2e6, tokens: 2e7, loss: 3.1 });
    expect(recordPoint({ ...r, diverged: true }, 'total', 'x')).toEqual({ excluded: 'diverged' });
    expect(recordPoint({ ...r, finalValLoss: null }, 'total', 'x')).toEqual({ excluded: 'no finite validation loss' });
  });
  it('a record without a positive N or D is an InputError naming where it is (never a NaN point)', () => {
    expect(() => recordPoint({ ...r, tokens: 0 }, 'total', 'runs.jsonl line 3')).toThrow(/^runs\.jsonl line 3: tokens is 0/);
    expect(() => recordPoint({ ...r, paramsTotal: undefined }, 'total', 'here')).toThrow(InputError);
  });
});
