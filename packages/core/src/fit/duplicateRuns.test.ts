import { describe, expect, it } from 'vitest';
import { currentRuns } from './duplicateRuns.js';

const rows = (...keys: string[]) => keys.map((runKey, i) => ({ row: i + 1, record: { runKey } }));

describe('currentRuns', () => {
  it('keeps the first of a repeated run key and says which line repeated it', () => {
    const c = currentRuns(rows('a-t2', 'b-t2', 'a-t2', 'a-t2'));
    expect(c.kept.map((r) => r.row)).toEqual([1, 2]);
    expect(c.dropped.map((d) => d.row)).toEqual([3, 4]);
    expect(c.dropped[0].reason).toBe('a-t2: duplicate run key (line 3 repeats line 1; the first is kept)');
  });

  it('prefers the newest trainer version of one spec, whatever the order', () => {
    const c = currentRuns(rows('m-D1e3-s0-0123abcd-t2', 'm-D1e3-s0-0123abcd', 'n-D1e3-s0-99999999'));
    expect(c.kept.map((r) => r.record.runKey)).toEqual(['m-D1e3-s0-0123abcd-t2', 'n-D1e3-s0-99999999']);
    expect(c.dropped).toEqual([
      { row: 2, runKey: 'm-D1e3-s0-0123abcd', reason: 'm-D1e3-s0-0123abcd: trained by trainer version 1, superseded by m-D1e3-s0-0123abcd-t2 (version 2, line 1)' },
    ]);
  });

  it('keeps records without a run key and unversioned files as they are', () => {
    const c = currentRuns([{ row: 1, record: {} }, ...rows('x', 'y').map((r) => ({ ...r, row: r.row + 1 }))]);
    expect(c.kept).toHaveLength(3);
    expect(c.dropped).toEqual([]);
  });
});
