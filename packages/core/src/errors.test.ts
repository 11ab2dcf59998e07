import { describe, expect, it } from 'vitest';
import { InputError, requireNumber } from './errors.js';

describe('requireNumber', () => {
  it('returns a finite number within the bounds', () => {
    expect(requireNumber('x', 0.5, { exclusiveMin: 0, max: 1 })).toBe(0.5);
  });

  it('names NaN and Infinity as themselves (JSON.stringify would print null), strings and null as JSON', () => {
    expect(() => requireNumber('flops', NaN)).toThrow('flops: expected a finite number, got NaN');
    expect(() => requireNumber('flops', Infinity, { unit: 'FLOP' })).toThrow('flops: expected a finite number FLOP, got Infinity');
    expect(() => requireNumber('flops', '1e9')).toThrow('flops: expected a finite number, got "1e9"');
    expect(() => requireNumber('flops', null)).toThrow('flops: expected a finite number, got null');
  });

  it('bounds: exclusiveMin, min and max, as an InputError carrying the field', () => {
    expect(() => requireNumber('mfu', 0, { exclusiveMin: 0 })).toThrow('mfu: must be greater than 0, got 0');
    expect(() => requireNumber('pue', 0.9, { min: 1 })).toThrow('pue: must be at least 1, got 0.9');
    expect(() => requireNumber('mfu', 1.5, { max: 1 })).toThrow('mfu: must be at most 1, got 1.5');
    try {
      requireNumber('count', -1, { min: 1 });
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).field).toBe('count');
    }
    expect.assertions(5);
  });
});

describe('InputError', () => {
  it('carries field, problem and fix as data; withField renames the field only', () => {
    const e = new InputError('mfu', 'must be at most 1 (a fraction), got 1.5', 'give a value of 1 or less');
    expect([e.field, e.problem, e.fix]).toEqual(['mfu', 'must be at most 1 (a fraction), got 1.5', 'give a value of 1 or less']);
    expect(e.message).toBe('mfu: must be at most 1 (a fraction), got 1.5 (give a value of 1 or less)');
    const f = e.withField('--mfu');
    expect(f).toBeInstanceOf(InputError);
    expect(f.message).toBe('--mfu: must be at most 1 (a fraction), got 1.5 (give a value of 1 or less)');
    expect(new InputError('x', 'is bad', '').message).toBe('x: is bad');
  });
});
