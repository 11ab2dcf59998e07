// Decimal suffixes, as model and token counts are quoted.
const SUFFIX: Record<string, number> = { K: 1e3, M: 1e6, B: 1e9, G: 1e9, T: 1e12, P: 1e15 };

/**
 * Reads a number as people type it in a CLI flag or a calculator field:
 * `1e9`, `1_000`, `1,000`, `70B`, `1.4T`, `300M`, `2k`.
 *
 * Method: strip `_`, `,` and spaces, then one decimal number with an optional suffix.
 * Suffixes are decimal (k 1e3, M 1e6, B or G 1e9, T 1e12, P 1e15), as model and token
 * counts are quoted in papers (Hoffmann et al. 2022: "70B parameters, 1.4T tokens").
 *
 * @param raw - the text as typed
 * @returns the number, or `undefined` when the text is not a finite number, so the caller
 *   can name its own field in the error
 * @example
 * ```ts
 * import { parseQuantity } from '@scaling-lab/core';
 * parseQuantity('70B'); // → 70000000000
 * parseQuantity('1.4T'); // → 1.4e12
 * parseQuantity('1,000'); // → 1000
 * parseQuantity('seventy'); // → undefined
 * ```
 */
export function parseQuantity(raw: string): number | undefined {
  const s = raw.trim().replace(/[_,\s]/g, '');
  const m = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)([kmbgtp]?)$/i.exec(s);
  if (!m) return undefined;
  const v = Number(m[1]) * (m[2] ? SUFFIX[m[2].toUpperCase()] : 1);
  return Number.isFinite(v) ? v : undefined;
}
