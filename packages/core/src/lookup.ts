/**
 * Forgiving look-ups of accelerators and grid regions. A query matches when it
 * equals an id or name ignoring case and punctuation ("NVIDIA H100 SXM5 80GB",
 * "nvidia_h100_sxm5_80gb"), or when exactly one entry contains it ("h200",
 * "mi300x"), or when exactly one entry has a word starting with each word of it ("a100 80gb"). Otherwise the InputError names the field and suggests the closest
 * ids ("h100" → "did you mean nvidia-h100-sxm5-80gb or nvidia-h100-pcie-80gb?").
 */
import { InputError } from './errors.js';

/**
 * The key look-ups compare: `s` lower-cased with everything but ASCII letters and digits dropped,
 * so "NVIDIA H100-SXM5" and "nvidia_h100_sxm5" meet.
 *
 * @param s - an id, name or query
 * @returns the normalized key
 * @example
 * ```ts
 * import { normalizeKey } from '@scaling-lab/core';
 * normalizeKey('NVIDIA H100-SXM5'); // → 'nvidiah100sxm5'
 * ```
 */
export function normalizeKey(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Levenshtein edit distance. Hand-written (12 lines) rather than a dependency:
 * the core is pure and dependency-light, and only short ids are compared.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

export interface Candidate<T> {
  id: string;
  /** Strings the entry answers to: id, name, aliases. */
  keys: string[];
  value: T;
}

export interface Match<T> {
  /** The entry, when the query identifies exactly one. */
  match?: Candidate<T>;
  /** How it matched: `exact` (id/name ignoring case and punctuation) or `contains` (the only entry containing the query). */
  how?: 'exact' | 'contains';
  /** Closest entries, best first (when there is no match). */
  suggestions: Candidate<T>[];
}

/** Similarity in [0, 1] between a normalized query and a normalized key. */
function similarity(q: string, k: string): number {
  if (!q || !k) return 0;
  if (k.includes(q)) return 0.6 + 0.4 * (q.length / k.length);
  if (q.includes(k)) return 0.5 + 0.3 * (k.length / q.length);
  return 1 - editDistance(q, k) / Math.max(q.length, k.length);
}

/** Best of the whole key and (slightly discounted) its parts: "v100x" is close to the "v100" in "nvidia-v100-sxm2-32gb". */
function keySimilarity(q: string, key: string): number {
  let best = similarity(q, normalizeKey(key));
  for (const part of key.toLowerCase().split(/[^a-z0-9]+/)) {
    if (part.length >= 2) best = Math.max(best, 0.9 * similarity(q, part));
  }
  return best;
}

interface Index<T> {
  literal: Map<string, Candidate<T>[]>;
  normalized: Map<string, Candidate<T>[]>;
  normKeys: string[][];
}
const INDEXES = new WeakMap<readonly Candidate<unknown>[], Index<unknown>>();

/** Lower-cased and normalized keys, computed once per candidate list (look-ups sit on estimateRun's path). */
function indexOf<T>(candidates: readonly Candidate<T>[]): Index<T> {
  let idx = INDEXES.get(candidates) as Index<T> | undefined;
  if (!idx) {
    const add = (m: Map<string, Candidate<T>[]>, k: string, c: Candidate<T>) => {
      const list = m.get(k) ?? [];
      if (!list.includes(c)) list.push(c);
      m.set(k, list);
    };
    idx = { literal: new Map(), normalized: new Map(), normKeys: [] };
    for (const c of candidates) {
      for (const k of c.keys) {
        add(idx.literal, k.toLowerCase(), c);
        add(idx.normalized, normalizeKey(k), c);
      }
      idx.normKeys.push(c.keys.map(normalizeKey));
    }
    INDEXES.set(candidates, idx as Index<unknown>);
  }
  return idx;
}

/** Finds `query` among `candidates`; see the module comment for the rules. */
export function fuzzyFind<T>(query: string, candidates: readonly Candidate<T>[], maxSuggestions = 3): Match<T> {
  const q = normalizeKey(query);
  if (!q) return { suggestions: [] };
  const idx = indexOf(candidates);
  const literal = idx.literal.get(query.trim().toLowerCase()) ?? [];
  if (literal.length === 1) return { match: literal[0], how: 'exact', suggestions: [] };
  const exact = idx.normalized.get(q) ?? [];
  if (exact.length === 1) return { match: exact[0], how: 'exact', suggestions: [] };
  if (exact.length > 1) return { suggestions: exact.slice(0, maxSuggestions) };
  const containing = candidates.filter((_, i) => idx.normKeys[i].some((k) => k.includes(q)));
  if (containing.length === 1) return { match: containing[0], how: 'contains', suggestions: [] };
  // Words in any order: "a100-80gb" or "80gb a100" → the entries with a key in which every word
  // begins a word ("sxm" begins "sxm4"). Word starts, not substrings: "gpt-5" must not find the
  // "5" inside GPT-3's "175b".
  const words = query.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  if (words.length > 1) {
    const startsAll = (key: string) => {
      const keyWords = key.toLowerCase().split(/[^a-z0-9]+/);
      return words.every((w) => keyWords.some((kw) => kw.startsWith(w)));
    };
    const withAll = candidates.filter((c) => c.keys.some(startsAll));
    if (withAll.length === 1) return { match: withAll[0], how: 'contains', suggestions: [] };
    if (withAll.length > 1) return { suggestions: withAll.slice(0, maxSuggestions) };
  }
  const scored = candidates
    .map((c, i) => ({ c, i, s: Math.max(...c.keys.map((k) => keySimilarity(q, k))) }))
    .filter((x) => x.s >= 0.6)
    .sort((a, b) => b.s - a.s || a.i - b.i);
  return { suggestions: scored.slice(0, maxSuggestions).map((x) => x.c) };
}

/** Like fuzzyFind, but throws an InputError naming `field` with a "did you mean" fix when nothing matches. */
export function fuzzyGet<T>(field: string, what: string, query: string, candidates: readonly Candidate<T>[], listHint: string): { value: T; id: string; how: 'exact' | 'contains' } {
  const found = fuzzyFind(query, candidates);
  if (found.match) return { value: found.match.value, id: found.match.id, how: found.how! };
  const ids = found.suggestions.map((s) => s.id);
  const fix = ids.length
    ? `did you mean ${ids.length === 1 ? ids[0] : `${ids.slice(0, -1).join(', ')} or ${ids[ids.length - 1]}`}? ${listHint}`
    : listHint;
  throw new InputError(field, `unknown ${what} "${query}"`, fix);
}
