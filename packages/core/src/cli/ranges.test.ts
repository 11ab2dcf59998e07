import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from 'commander';
import { distributionArg } from './ranges.js';

describe('distributionArg', () => {
  it('gives commander a one-line InvalidArgumentError naming the flag', () => {
    expect(() => distributionArg('pue', { min: 1 })('-1')).toThrow(InvalidArgumentError);
    expect(() => distributionArg('pue', { min: 1 })('-1')).toThrow(/^--pue: must be at least 1/);
    expect(distributionArg('mfu')('0.3..0.5')).toEqual({ kind: 'uniform', low: 0.3, high: 0.5 });
  });
});
