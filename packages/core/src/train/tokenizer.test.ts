import { describe, expect, it } from 'vitest';
import { byteTokenizer, charTokenizer, splitTrainVal } from './tokenizer.js';

describe('tokenizers', () => {
  it('char: sorted code points as ids, round trip', () => {
    const t = charTokenizer('banana!');
    expect(t.vocab).toBe(4); // ! a b n
    expect(Array.from(t.encode('ban!'))).toEqual([2, 1, 3, 0]);
    expect(t.decode(t.encode('nab'))).toBe('nab');
    expect(() => t.encode('z')).toThrow(/not in the vocabulary/);
  });
  it('byte: UTF-8 with vocab 256', () => {
    const t = byteTokenizer();
    expect(Array.from(t.encode('aé'))).toEqual([97, 0xc3, 0xa9]);
    expect(t.decode(t.encode('Ahab — whale'))).toBe('Ahab — whale');
  });
  it('split is deterministic: first 90 % train, last 10 % validation', () => {
    const toks = Int32Array.from({ length: 100 }, (_, i) => i);
    const { train, val } = splitTrainVal(toks, 0.1);
    expect(train.length).toBe(90);
    expect(val[0]).toBe(90);
    expect(() => splitTrainVal(toks, 1)).toThrow(/valFraction/);
  });
});
