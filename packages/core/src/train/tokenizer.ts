/**
 * Character- and byte-level tokenisers with a deterministic train/validation
 * split. A character tokeniser's vocabulary is the sorted set of code points in
 * the text, so the same text always gives the same ids; the byte tokeniser is
 * UTF-8 with a fixed vocabulary of 256.
 */
import { InputError } from '../errors.js';

export interface Tokenizer {
  kind: 'char' | 'byte';
  vocab: number;
  encode(text: string): Int32Array;
  decode(ids: ArrayLike<number>): string;
}

/** Characters (Unicode code points) of `text`, sorted by code point, as the vocabulary. */
export function charTokenizer(text: string): Tokenizer {
  const chars = [...new Set(Array.from(text))].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
  if (chars.length === 0) throw new InputError('text', 'is empty', 'give a non-empty text');
  const index = new Map(chars.map((c, i) => [c, i] as const));
  return {
    kind: 'char',
    vocab: chars.length,
    encode(s: string) {
      const cps = Array.from(s);
      const out = new Int32Array(cps.length);
      for (let i = 0; i < cps.length; i++) {
        const id = index.get(cps[i]);
        if (id === undefined) throw new InputError('text', `character ${JSON.stringify(cps[i])} is not in the vocabulary`, 'build the tokenizer from a text that contains it');
        out[i] = id;
      }
      return out;
    },
    decode(ids) {
      let s = '';
      for (let i = 0; i < ids.length; i++) s += chars[ids[i]] ?? '\uFFFD';
      return s;
    },
  };
}

/** UTF-8 bytes as tokens (vocabulary 256). */
export function byteTokenizer(): Tokenizer {
  return {
    kind: 'byte',
    vocab: 256,
    encode: (s: string) => Int32Array.from(new TextEncoder().encode(s)),
    decode: (ids) => new TextDecoder().decode(Uint8Array.from(Array.from(ids))),
  };
}

export function makeTokenizer(kind: 'char' | 'byte', text: string): Tokenizer {
  if (kind === 'char') return charTokenizer(text);
  if (kind === 'byte') return byteTokenizer();
  throw new InputError('dataset.tokenizer', `unknown tokenizer ${JSON.stringify(kind)}`, "use 'char' or 'byte'");
}

/**
 * Deterministic split: the first (1 − valFraction) of the token stream trains,
 * the tail validates. A contiguous tail (not random windows) keeps validation
 * text unseen in training.
 */
export function splitTrainVal(tokens: Int32Array, valFraction = 0.1): { train: Int32Array; val: Int32Array } {
  if (!(valFraction > 0 && valFraction < 1)) throw new InputError('valFraction', `must be in (0, 1), got ${valFraction}`, 'use e.g. 0.1');
  const cut = Math.floor(tokens.length * (1 - valFraction));
  return { train: tokens.subarray(0, cut), val: tokens.subarray(cut) };
}
