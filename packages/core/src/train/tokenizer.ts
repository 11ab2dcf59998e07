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

/**
 * A character-level tokenizer whose vocabulary is the distinct characters (Unicode code
 * points) of `text`, sorted by code point, so the same text always gives the same ids
 * (id i = the i-th smallest code point). `decode` maps an id outside the vocabulary to U+FFFD.
 *
 * @param text - the corpus the vocabulary is read from (every character to be encoded must occur in it)
 * @returns the tokenizer (`kind: 'char'`, `vocab` = number of distinct characters)
 * @throws InputError when `text` is empty, and from `encode` for a character not in the vocabulary
 * @example
 * ```ts
 * import { charTokenizer } from '@scaling-lab/core/train/pure';
 * const t = charTokenizer('hello'); // vocabulary e, h, l, o
 * t.vocab; // → 4
 * Array.from(t.encode('hole')).join(','); // → '1,3,2,0'
 * t.decode([3, 2]); // → 'ol'
 * t.encode('x'); // → throws InputError
 * ```
 */
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

/**
 * A byte-level tokenizer: the UTF-8 bytes of the text are the tokens, so the vocabulary is
 * fixed at 256 whatever the corpus, and a character outside ASCII takes 2–4 tokens
 * (RFC 3629). Decoding bytes that are not valid UTF-8 gives U+FFFD for them.
 *
 * @returns the tokenizer (`kind: 'byte'`, `vocab` 256)
 * @example
 * ```ts
 * import { byteTokenizer } from '@scaling-lab/core/train/pure';
 * const t = byteTokenizer();
 * t.vocab; // → 256
 * t.encode('é').length; // → 2
 * t.decode([104, 105]); // → 'hi'
 * ```
 */
export function byteTokenizer(): Tokenizer {
  return {
    kind: 'byte',
    vocab: 256,
    encode: (s: string) => Int32Array.from(new TextEncoder().encode(s)),
    decode: (ids) => new TextDecoder().decode(Uint8Array.from(Array.from(ids))),
  };
}

/**
 * The tokenizer a run spec's `dataset.tokenizer` names: `'char'` builds
 * {@link charTokenizer} from `text`, `'byte'` is {@link byteTokenizer} (and ignores `text`).
 *
 * @param kind - `'char'` or `'byte'`
 * @param text - the corpus a character tokenizer reads its vocabulary from
 * @returns the tokenizer
 * @throws InputError (field `dataset.tokenizer`) for any other kind
 * @example
 * ```ts
 * import { makeTokenizer } from '@scaling-lab/core/train/pure';
 * makeTokenizer('char', 'abca').vocab; // → 3
 * makeTokenizer('byte', 'abca').vocab; // → 256
 * makeTokenizer('word' as 'char', 'abca'); // → throws InputError
 * ```
 */
export function makeTokenizer(kind: 'char' | 'byte', text: string): Tokenizer {
  if (kind === 'char') return charTokenizer(text);
  if (kind === 'byte') return byteTokenizer();
  throw new InputError('dataset.tokenizer', `unknown tokenizer ${JSON.stringify(kind)}`, "use 'char' or 'byte'");
}

/**
 * Deterministic split: the first ⌊(1 − valFraction)·n⌋ tokens of the stream train,
 * the tail validates. A contiguous tail (not random windows) keeps validation
 * text unseen in training. Both parts are views (`subarray`) of `tokens`, not copies.
 *
 * @param tokens - the encoded corpus
 * @param valFraction - share of the tokens held out for validation, in (0, 1); default 0.1
 * @returns `train` (the head) and `val` (the tail)
 * @throws InputError when `valFraction` is not in (0, 1)
 * @example
 * ```ts
 * import { splitTrainVal } from '@scaling-lab/core/train/pure';
 * const tokens = Int32Array.from({ length: 100 }, (_, i) => i);
 * const { train, val } = splitTrainVal(tokens, 0.1);
 * train.length; // → 90
 * val[0]; // → 90
 * splitTrainVal(tokens, 1); // → throws InputError
 * ```
 */
export function splitTrainVal(tokens: Int32Array, valFraction = 0.1): { train: Int32Array; val: Int32Array } {
  if (!(valFraction > 0 && valFraction < 1)) throw new InputError('valFraction', `must be in (0, 1), got ${valFraction}`, 'use e.g. 0.1');
  const cut = Math.floor(tokens.length * (1 - valFraction));
  return { train: tokens.subarray(0, cut), val: tokens.subarray(cut) };
}
