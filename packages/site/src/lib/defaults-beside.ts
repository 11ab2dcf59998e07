/**
 * Shows, beside each field left blank, the value core used and its source and
 * year (from the estimate's assumptions). Used at build time and in the browser.
 */
import { sig, type Assumption } from '@scaling-lab/core';

/** Field name → the assumption names that describe its default. */
export const ENERGY_FIELD_ASSUMPTIONS: Record<string, string[]> = {
  watts: ['watts', 'tdpW'],
  powerFraction: ['powerFraction'],
  hostOverhead: ['hostOverhead'],
  pue: ['pue'],
  grid: ['gridGCO2ePerKWh'],
  household: ['householdKWhPerYear'],
  mfu: ['mfu'],
  usdPerHour: ['usdPerHour'],
};

/** "default 1.54 — Uptime Institute … (data 2025)" or '' when the user gave the value. */
export function defaultNotes(assumptions: Assumption[], map: Record<string, string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, names] of Object.entries(map)) {
    const parts = names
      .map((n) => assumptions.find((a) => a.name === n))
      .filter((a): a is Assumption => !!a && a.source !== 'user')
      .map((a) => `${a.name} ${typeof a.value === 'number' ? sig(a.value, 4) : a.value}${a.unit ? ` ${a.unit}` : ''}: ${a.source}`);
    out[field] = parts.length ? `in use — ${parts.join('; ')}` : '';
  }
  return out;
}
