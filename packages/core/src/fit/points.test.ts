import { describe, expect, it } from 'vitest';
import { chinchillaPoints, dropHighestLoss } from './points.js';

describe('chinchillaPoints', () => {
  it('245 rows of Hoffmann et al. 2022 Fig. 4; Besiroglu et al. 2024 drop the 5 highest losses → 240', () => {
    const all = chinchillaPoints({ dropHighestLoss: 0 });
    expect(all).toHaveLength(245);
    const kept = chinchillaPoints();
    expect(kept).toHaveLength(240);
    const maxKept = Math.max(...kept.map((p) => p.loss));
    expect(all.map((p) => p.loss).filter((l) => l > maxKept)).toHaveLength(5);
    for (const p of kept) expect(p.tokens).toBeCloseTo(p.flops! / (6 * p.params), 0);
  });

  it('a drop count that is not a whole number of rows, or leaves none, is an InputError', () => {
    expect(() => chinchillaPoints({ dropHighestLoss: -1 })).toThrow(/^dropHighestLoss: must be at least 0/);
    expect(() => chinchillaPoints({ dropHighestLoss: 2.5 })).toThrow(/^dropHighestLoss: must be a whole number/);
    expect(() => chinchillaPoints({ dropHighestLoss: NaN })).toThrow(/^dropHighestLoss: expected a finite number/);
    expect(() => chinchillaPoints({ dropHighestLoss: 245 })).toThrow(/^dropHighestLoss: 245 would drop all 245 runs/);
  });
});

describe('dropHighestLoss', () => {
  it('keeps loss < sorted(loss)[n − k] in the original order; ties with the cut-off go too', () => {
    const pts = [3, 1, 4, 1, 5, 9, 2, 6].map((loss, i) => ({ loss, i }));
    expect(dropHighestLoss(pts, 2).map((p) => p.i)).toEqual([0, 1, 2, 3, 4, 6]);
    expect(dropHighestLoss(pts, 0)).toEqual(pts);
    const tied = [1, 2, 2, 3].map((loss) => ({ loss }));
    expect(dropHighestLoss(tied, 2).map((p) => p.loss)).toEqual([1]);
  });

  it('names the field it is given (the CLI passes its flag)', () => {
    expect(() => dropHighestLoss([{ loss: 1 }, { loss: 2 }], 2, '--drop-highest-loss')).toThrow(/^--drop-highest-loss: 2 would drop all 2 runs \(give at most 1\)/);
  });
});
