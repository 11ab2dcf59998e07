import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { parseDistribution } from './parseDistribution.js';

describe('parseDistribution', () => {
  it('reads points, low..high ranges and named distributions', () => {
    expect(parseDistribution('--mfu', '0.4')).toEqual({ kind: 'point', value: 0.4 });
    expect(parseDistribution('--params', '70B')).toEqual({ kind: 'point', value: 70e9 });
    expect(parseDistribution('--mfu', '0.3..0.5')).toEqual({ kind: 'uniform', low: 0.3, high: 0.5 });
    expect(parseDistribution('--tokens', '1T..2T')).toEqual({ kind: 'uniform', low: 1e12, high: 2e12 });
    expect(parseDistribution('--mfu', 'uniform:0.3, 0.5')).toEqual({ kind: 'uniform', low: 0.3, high: 0.5 });
    expect(parseDistribution('--mfu', 'triangular:0.2,0.4,0.5')).toEqual({ kind: 'triangular', low: 0.2, mode: 0.4, high: 0.5 });
    expect(parseDistribution('--pue', 'normal:1.3,1.1,1.5')).toEqual({ kind: 'normal', median: 1.3, low: 1.1, high: 1.5, level: 0.9 });
    expect(parseDistribution('--mfu', 'lognormal:0.4,0.25,0.6,80%')).toEqual({ kind: 'lognormal', median: 0.4, low: 0.25, high: 0.6, level: 0.8 });
    expect(parseDistribution('--price', 'samples:2.69,3.49,6.88')).toEqual({ kind: 'samples', values: [2.69, 3.49, 6.88] });
  });
  it('names the flag and the fix for bad syntax and impossible ranges', () => {
    expect(() => parseDistribution('--mfu', '0.5..0.3')).toThrow(/--mfu: range low 0.5 is above high 0.3/);
    expect(() => parseDistribution('--mfu', 'abc')).toThrow(/--mfu: value "abc" is not a number/);
    expect(() => parseDistribution('--mfu', 'gamma:1,2')).toThrow(/unknown distribution "gamma"/);
    expect(() => parseDistribution('--mfu', 'triangular:0.2,0.4')).toThrow(/expects low,mode,high, got 2 numbers/);
    expect(() => parseDistribution('--pue', '0.9..1.3', { min: 1 })).toThrow(/--pue: must be at least 1/);
    expect(() => parseDistribution('--mfu', '0.3..1.2', { exclusiveMin: 0, max: 1 })).toThrow(InputError);
    expect(() => parseDistribution('--mfu', '1..2..3')).toThrow(/more than one/);
  });
});
