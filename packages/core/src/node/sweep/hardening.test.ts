// Sweep hardening (issue 10): a full disk keeps the results file valid, specs that would never end or
// name prototype keys are refused with the field named, and the expected duration is computable.
import { mkdtempSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openResults, ResultsWriteError } from './results-file.js';
import { parseResults } from '../../sweep/results.js';
import { parseSweepSpec, parseSweepSpecText } from '../../sweep/spec.js';
import { expandSweep } from './expand.js';
import { DEFAULT_FLOPS_PER_WORKER_SECOND, expectedSweepSeconds } from './duration.js';
import type { SweepRecord } from '../../sweep/types.js';

const rec = (k: string) => ({ runKey: k, finalValLoss: 2, curve: [{ step: 1, tokens: 1, trainLoss: 3 }] }) as unknown as SweepRecord;
const base = () => JSON.parse(readFileSync(join(__dirname, '../../../../../sweeps/quick.json'), 'utf8'));

describe('a full disk during a sweep (fault injected at the write function)', () => {
  it('ENOSPC after half a line: the torn half is cut off, the file holds only whole records, the error says what happened', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'enospc-')), 'r.jsonl');
    let budget = Infinity;
    const w = openResults(path, '--out', {
      writeSync: (fd, buf, off, len) => {
        const n = Math.min(len, budget);
        if (n <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        budget -= n;
        return writeSync(fd, buf, off, n);
      },
    });
    w.append(rec('a'));
    w.append(rec('b'));
    budget = 20; // the next record gets 20 bytes on disk, then the disk is full
    let err: unknown;
    try { w.append(rec('c')); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(ResultsWriteError);
    expect((err as Error).message).toMatch(/ENOSPC: the disk is full\); the file was cut back to its last whole record and holds 2 valid run\(s\): free some space and rerun/);
    w.close();
    const parsed = parseResults(readFileSync(path, 'utf8'));
    expect(parsed.torn).toBeUndefined();
    expect(parsed.records.map((r) => r.runKey)).toEqual(['a', 'b']);
    // And a rerun appends cleanly after the repair.
    const again = openResults(path);
    expect(again.existing.records).toHaveLength(2);
    again.append(rec('c'));
    again.close();
    expect(parseResults(readFileSync(path, 'utf8')).records).toHaveLength(3);
  });
});

describe('sweep specs that would never end, or that name prototype keys', () => {
  it('flops 1e30 on tiny models: refused before starting, naming the budget, with the step count', () => {
    const s = base();
    s.budgets[0].flops = 1e30;
    expect(() => expandSweep(parseSweepSpec(s, 'quick.json'), 'quick.json')).toThrow(/^quick\.json: budgets\[0\]\.models\[0\]: model "[^"]+" would get [\d.]+e\+\d+ optimiser steps .* above maxSteps 1000000: it would not finish/);
  });
  it('"flops": 1e400 is reported as a number beyond double precision, not as missing', () => {
    const text = JSON.stringify(base()).replace(/"flops":\s*[0-9.e+]+/, '"flops":1e400');
    expect(() => parseSweepSpecText(text, 'quick.json')).toThrow(/budgets\[0\]\.flops: is Infinity \(a number beyond double precision, such as 1e400\)/);
  });
  it('a wrong type names the value given', () => {
    const s = base();
    s.batchSize = 'eight';
    expect(() => parseSweepSpec(s, 'q')).toThrow(/batchSize: expected a number, got "eight"/);
  });
  it('a model named __proto__ (or constructor, or referenced but undefined) is refused, never NaN steps', () => {
    const s = JSON.parse(JSON.stringify(base()).replace('"models":{', '"models":{"__proto__":{"layers":1,"dModel":8,"heads":1},'));
    expect(() => parseSweepSpec(s, 'q')).toThrow(/q: models\.__proto__: "__proto__" is a reserved name/);
    const t = base();
    t.budgets[0].models[0] = 'constructor';
    expect(() => parseSweepSpec(t, 'q')).toThrow(/unknown model "constructor"/);
    const u = base();
    u.budgets[0].models[0] = 'toString';
    expect(() => parseSweepSpec(u, 'q')).toThrow(/unknown model "toString"/);
  });
  it('expected duration: counted FLOPs over the per-worker rate, largest first; two workers roughly halve it', () => {
    const runs = expandSweep(parseSweepSpec(base()));
    const one = expectedSweepSeconds(runs, 1);
    const total = runs.reduce((a, r) => a + r.costEstimate, 0);
    expect(one).toBeCloseTo(total / DEFAULT_FLOPS_PER_WORKER_SECOND, 6);
    const two = expectedSweepSeconds(runs, 2);
    expect(two).toBeGreaterThanOrEqual(one / 2);
    expect(two).toBeLessThan(one * 0.6);
  });
});

describe('a lock held by a pid that now belongs to an unrelated live process', () => {
  it('says how to clear it: check the pid, remove the .lock file', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'stale-')), 'r.jsonl');
    // pid 1 (init) is alive and is not a sweep: exactly the reported case.
    writeFileSync(`${path}.lock`, '1\n');
    expect(() => openResults(path)).toThrow(/being written by another sweep \(pid 1\) \(wait for it or give another --out file; if no sweep is running \(check with: ps -p 1 -o args\), pid 1 is an unrelated process that reused the number: remove .*r\.jsonl\.lock and rerun\)/);
  });
});
