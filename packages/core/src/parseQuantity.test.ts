import { describe, expect, it } from 'vitest';
import { parseQuantity } from './parseQuantity.js';

describe('parseQuantity', () => {
  it('reads scientific notation, separators and decimal suffixes', () => {
    expect(parseQuantity('1e9')).toBe(1e9);
    expect(parseQuantity(' 1_000 ')).toBe(1000);
    expect(parseQuantity('1,000,000')).toBe(1e6);
    expect(parseQuantity('70B')).toBe(70e9);
    expect(parseQuantity('1.4T')).toBe(1.4e12);
    expect(parseQuantity('300m')).toBe(300e6);
    expect(parseQuantity('2k')).toBe(2000);
    expect(parseQuantity('-0.5')).toBe(-0.5);
  });
  it('refuses what is not a finite number', () => {
    for (const bad of ['', 'abc', '1e999', '7X', '1..2', 'NaN', 'Infinity']) expect(parseQuantity(bad)).toBeUndefined();
  });
});
