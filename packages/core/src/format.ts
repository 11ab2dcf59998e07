/**
 * Human formatting of quantities with units and sensible precision, shared by
 * the CLI and the site: 3.1e23 FLOPs, 1.3 GWh, $4.6M, 291 tCO2e.
 */

const SI = [
  { p: 1e15, s: 'P' },
  { p: 1e12, s: 'T' },
  { p: 1e9, s: 'G' },
  { p: 1e6, s: 'M' },
  { p: 1e3, s: 'k' },
];

/**
 * Rounds to `digits` significant figures and prints without trailing zeros, the way
 * figures on the site and in the CLI are shown.
 *
 * @param x - the number
 * @param digits - significant figures (default 3)
 * @returns the text
 * @example
 * ```ts
 * import { sig } from '@scaling-lab/core';
 * sig(3.14159); // → '3.14'
 * ```
 */
export function sig(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  const r = Number(x.toPrecision(digits));
  const abs = Math.abs(r);
  if (abs >= 1e21 || abs < 1e-4) return r.toExponential(Math.max(0, digits - 1)).replace(/\.?0+e/, 'e').replace('e+', 'e');
  return r.toLocaleString('en-US', { maximumFractionDigits: 20, useGrouping: abs >= 1e4 });
}

/**
 * FLOPs in the field's convention: scientific notation always (`3.15e23 FLOPs`).
 *
 * @param flops - the count
 * @param digits - significant digits (default 3)
 * @returns the text
 * @example
 * ```ts
 * import { formatFlops } from '@scaling-lab/core';
 * formatFlops(3.15e23); // → '3.15e23 FLOPs'
 * formatFlops(5.88e23, 2); // → '5.9e23 FLOPs'
 * ```
 */
export function formatFlops(flops: number, digits = 3): string {
  if (!Number.isFinite(flops)) return '—';
  return `${Number(flops.toPrecision(digits)).toExponential(Math.max(0, digits - 1)).replace(/\.?0+e/, 'e').replace('e+', 'e')} FLOPs`;
}

/** Scales a value by SI prefixes: (1.3e6, 'Wh', 1e3) → "1.3 GWh" when the value is in kWh. */
export function formatSI(value: number, unit: string, digits = 3): string {
  if (!Number.isFinite(value)) return '—';
  for (const { p, s } of SI) {
    if (Math.abs(value) >= p) return `${sig(value / p, digits)} ${s}${unit}`;
  }
  return `${sig(value, digits)} ${unit}`;
}

/**
 * Energy given in kWh, for reading, with SI prefixes: `850 kWh`, `621 MWh`, `1.3 GWh`.
 *
 * @param kWh - the energy
 * @param digits - significant digits (default 3)
 * @returns the text
 * @example
 * ```ts
 * import { formatEnergyKWh } from '@scaling-lab/core';
 * formatEnergyKWh(620771); // → '621 MWh'
 * ```
 */
export function formatEnergyKWh(kWh: number, digits = 3): string {
  return formatSI(kWh * 1e3, 'Wh', digits);
}

/**
 * A mass of CO2e given in kg, for reading: `12 kgCO2e`, `291 tCO2e`, `1.2 ktCO2e`.
 *
 * @param kg - kgCO2e
 * @param digits - significant digits (default 3)
 * @returns the text
 * @example
 * ```ts
 * import { formatCO2eKg } from '@scaling-lab/core';
 * formatCO2eKg(297970); // → '298 tCO2e'
 * ```
 */
export function formatCO2eKg(kg: number, digits = 3): string {
  if (!Number.isFinite(kg)) return '—';
  if (Math.abs(kg) < 1000) return `${sig(kg, digits)} kgCO2e`;
  const t = kg / 1000;
  if (Math.abs(t) >= 1e6) return `${sig(t / 1e6, digits)} MtCO2e`;
  if (Math.abs(t) >= 1e3) return `${sig(t / 1e3, digits)} ktCO2e`;
  return `${sig(t, digits)} tCO2e`;
}

/**
 * Dollars for reading: `$950`, `$4.5M`, `$1.2B`.
 *
 * @param usd - the amount
 * @param digits - significant digits (default 2; at least 3 below a thousand)
 * @returns the text
 * @example
 * ```ts
 * import { formatUsd } from '@scaling-lab/core';
 * formatUsd(4.49e6); // → '$4.5M'
 * ```
 */
export function formatUsd(usd: number, digits = 2): string {
  if (!Number.isFinite(usd)) return '—';
  const a = Math.abs(usd);
  const sign = usd < 0 ? '-' : '';
  if (a >= 1e9) return `${sign}$${sig(a / 1e9, digits)}B`;
  if (a >= 1e6) return `${sign}$${sig(a / 1e6, digits)}M`;
  if (a >= 1e4) return `${sign}$${sig(a / 1e3, digits)}k`;
  return `${sign}$${sig(a, Math.max(digits, 3))}`;
}

/**
 * Hours for reading: `45 min`, `12.5 h`, `33 days`, `2.1 years`.
 *
 * @param hours - the duration
 * @param digits - significant digits (default 3)
 * @returns the text
 * @example
 * ```ts
 * import { formatDuration } from '@scaling-lab/core';
 * formatDuration(1278); // → '53.3 days'
 * ```
 */
export function formatDuration(hours: number, digits = 3): string {
  if (!Number.isFinite(hours)) return '—';
  if (hours < 1) return `${sig(hours * 60, digits)} min`;
  if (hours < 48) return `${sig(hours, digits)} h`;
  const days = hours / 24;
  if (days < 730) return `${sig(days, digits)} days`;
  return `${sig(days / 365.25, digits)} years`;
}

/**
 * Parameter or token counts for reading, with decimal suffixes as papers quote them:
 * `70B`, `1.4T`, `350M` (the inverse of {@link parseQuantity}).
 *
 * @param n - the count
 * @param digits - significant digits (default 3)
 * @returns the text
 * @example
 * ```ts
 * import { formatCount } from '@scaling-lab/core';
 * formatCount(70e9); // → '70B'
 * formatCount(1.4e12); // → '1.4T'
 * ```
 */
export function formatCount(n: number, digits = 3): string {
  if (!Number.isFinite(n)) return '—';
  const a = Math.abs(n);
  if (a >= 1e12) return `${sig(n / 1e12, digits)}T`;
  if (a >= 1e9) return `${sig(n / 1e9, digits)}B`;
  if (a >= 1e6) return `${sig(n / 1e6, digits)}M`;
  if (a >= 1e3) return `${sig(n / 1e3, digits)}k`;
  return sig(n, digits);
}

/**
 * Bytes for reading, in decimal units as accelerator datasheets quote memory (`80 GB`).
 *
 * @param bytes - the size
 * @param digits - significant digits (default 3)
 * @returns the text
 * @example
 * ```ts
 * import { formatBytes } from '@scaling-lab/core';
 * formatBytes(80e9); // → '80 GB'
 * ```
 */
export function formatBytes(bytes: number, digits = 3): string {
  return formatSI(bytes, 'B', digits);
}
