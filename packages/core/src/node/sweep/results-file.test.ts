import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openResults, readResults } from './results-file.js';
import type { SweepRecord } from '../../sweep/types.js';

const rec = (k: string) => ({ runKey: k, finalValLoss: 1.5, curve: [{ step: 1, tokens: 10, trainLoss: 2 }] }) as unknown as SweepRecord;
const line = (k: string) => `${JSON.stringify(rec(k))}\n`;
const tmp = () => join(mkdtempSync(join(tmpdir(), 'sweep-results-')), 'r.jsonl');

describe('readResults', () => {
  it('a missing file is an empty result', () => {
    expect(readResults(join(tmpdir(), 'definitely-missing-results.jsonl')).records).toEqual([]);
  });
});

describe('openResults', () => {
  it('truncates a torn tail before appending, so every line parses', () => {
    const path = tmp();
    writeFileSync(path, line('a') + line('b').slice(0, 20));
    const w = openResults(path);
    expect(w.repaired).toBe('truncated-torn-line');
    expect([...w.existing.keys]).toEqual(['a']);
    w.append(rec('c'));
    w.close();
    const text = readFileSync(path, 'utf8');
    expect(text).toBe(line('a') + line('c'));
    expect(text.trimEnd().split('\n').map((l) => JSON.parse(l).runKey)).toEqual(['a', 'c']);
  });

  it('completes a last record that lost only its newline', () => {
    const path = tmp();
    writeFileSync(path, line('a') + line('b').trimEnd());
    const w = openResults(path);
    expect(w.repaired).toBe('completed-last-line');
    expect([...w.existing.keys]).toEqual(['a', 'b']);
    w.append(rec('c'));
    w.close();
    expect(readFileSync(path, 'utf8')).toBe(line('a') + line('b') + line('c'));
  });

  it('creates the file and its folder, and removes the lock on close', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sweep-results-')), 'sub', 'dir', 'r.jsonl');
    const w = openResults(path);
    expect(existsSync(`${path}.lock`)).toBe(true);
    w.append(rec('x'));
    w.close();
    expect(existsSync(`${path}.lock`)).toBe(false);
    expect(readResults(path).records.map((r) => r.runKey)).toEqual(['x']);
  });

  it('refuses a file locked by a live process, takes over a stale lock', () => {
    const path = tmp();
    writeFileSync(`${path}.lock`, `${process.ppid}\n`); // the parent of this test process is alive
    expect(() => openResults(path)).toThrow(/being written by another sweep/);
    writeFileSync(`${path}.lock`, '999999999\n'); // no such process
    const w = openResults(path);
    w.close();
  });
});
