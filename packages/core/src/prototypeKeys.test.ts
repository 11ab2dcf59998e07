/** Look-ups by user-typed names never reach Object.prototype: "constructor" is an unknown name, not a function. */
import { describe, expect, it } from 'vitest';
import { getAccelerator } from './data/hardware.js';
import { getRegion } from './data/regions.js';
import { getPublishedRun } from './data/publishedRuns.js';
import { getPublishedLaw } from './laws/published.js';
import { estimateRun } from './estimate/estimateRun.js';
import { InputError } from './errors.js';

const HOSTILE = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];

describe('prototype keys in look-ups', () => {
  for (const [what, get] of [
    ['region', getRegion],
    ['accelerator', getAccelerator],
    ['published run', getPublishedRun],
    ['published law', getPublishedLaw],
  ] as const) {
    it(`${what}: each prototype key is an InputError`, () => {
      for (const k of HOSTILE) {
        let err: unknown;
        try {
          (get as (q: string) => unknown)(k);
        } catch (e) {
          err = e;
        }
        expect(err, `${what} ${k}`).toBeInstanceOf(InputError);
      }
    });
  }
  it('estimateRun with region "constructor" names the region field', () => {
    expect(() => estimateRun({ params: 7e9, tokens: 1e12, region: 'constructor' })).toThrow(/region/);
    try {
      estimateRun({ params: 7e9, tokens: 1e12, region: 'constructor' });
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).field).toBe('region');
    }
  });
});
