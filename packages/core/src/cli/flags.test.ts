import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { FLAG_FOR_FIELD, flagFor, withFlag } from './flags.js';
import { RANGE_FIELDS } from './ranges.js';
import { INPUT_BOUNDS } from '../estimate/bounds.js';

describe('the one field → flag table', () => {
  it('renames a library field to its flag, keeping problem and fix exactly (parentheses in the problem included)', () => {
    const e = withFlag(new InputError('usdPerHour', 'must be greater than 0 (USD), got 0', 'give a price')) as InputError;
    expect(e.message).toBe('--price: must be greater than 0 (USD), got 0 (give a price)');
    expect([e.field, e.problem, e.fix]).toEqual(['--price', 'must be greater than 0 (USD), got 0', 'give a price']);
  });
  it('leaves flags, unknown fields and other errors alone', () => {
    const flagged = new InputError('--mfu', 'x', 'y');
    expect(withFlag(flagged)).toBe(flagged);
    const other = new InputError('results', 'x', 'y');
    expect(withFlag(other)).toBe(other);
    const plain = new Error('boom');
    expect(withFlag(plain)).toBe(plain);
  });
  it('every range flag and every bounded field has a flag', () => {
    for (const field of Object.values(RANGE_FIELDS)) expect(FLAG_FOR_FIELD[field], field).toMatch(/^--[a-z-]+$/);
    for (const field of Object.keys(INPUT_BOUNDS)) expect(flagFor(field), field).toMatch(/^--[a-z-]+$/);
    expect(() => flagFor('noSuchField')).toThrow(/no CLI flag/);
  });
});
