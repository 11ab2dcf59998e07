/**
 * Reads a number as people type it in a CLI flag or a calculator field:
 * `1e9`, `1_000`, `1,000`, `70B`, `1.4T`, `300M`, `2k`. Returns undefined when
 * the text is not a finite number, so the caller can name its own field.
 * Suffixes are decimal (k 1e3, M 1e6, B or G 1e9, T 1e12, P 1e15), as model and
 * token counts are quoted.
 */
const SUFFIX: Record<string, number> = { K: 1e3, M: 1e6, B: 1e9, G: 1e9, T: 1e12, P: 1e15 };

export function parseQuantity(raw: string): number | undefined {
  const s = raw.trim().replace(/[_,\s]/g, '');
  const m = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)([kmbgtp]?)$/i.exec(s);
  if (!m) return undefined;
  const v = Number(m[1]) * (m[2] ? SUFFIX[m[2].toUpperCase()] : 1);
  return Number.isFinite(v) ? v : undefined;
}
