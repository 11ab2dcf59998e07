/**
 * Sourced default constants (PUE by provider, household electricity, power
 * fraction of TDP, host overhead, MFU, embodied carbon, water). Each row keeps
 * its value, unit, date, status and source; `constantAssumption` turns one
 * into an `Assumption` for an estimate's breakdown.
 */
import { CONSTANTS } from './constants.generated.js';
import type { ConstantRow } from './types.js';
import { assumption, type Assumption } from '../assumption.js';

const BY_KEY = new Map(CONSTANTS.map((c) => [c.key, c]));

/** The constant row for `key` (e.g. `pue.aws`); throws on an unknown key (a programming error). */
export function constantRow(key: string): ConstantRow {
  const row = BY_KEY.get(key);
  if (!row) throw new Error(`unknown constant ${key}`);
  return row;
}

/**
 * The numeric value of sourced default constant `key` (a row of data/constants.md, e.g. `pue.aws`,
 * AWS's published 2023–2024 fleet PUE). Use {@link listConstants} for the rows with unit, date and source.
 *
 * @param key - constant key such as `pue.aws` or `household.kWhPerYear`
 * @returns the constant's value, in the row's unit
 * @throws Error on an unknown key (a programming error, not user input)
 * @example
 * ```ts
 * import { constant } from '@scaling-lab/core';
 * constant('pue.aws'); // → 1.15
 * ```
 */
export function constant(key: string): number {
  return constantRow(key).value;
}

/** Source string with date and, for unverified rows, a warning. */
export function constantSource(row: ConstantRow): string {
  const flag = row.status === 'memory' ? ' [unverified: from memory, check before relying on it]' : '';
  return `${row.source} (data ${row.date})${flag}`;
}

/** An Assumption named `name` carrying constant `key`'s value, unit and source. */
export function constantAssumption(name: string, key: string): Assumption {
  const row = constantRow(key);
  return assumption(name, row.value, row.unit, constantSource(row));
}

/**
 * Every sourced default constant (PUE by provider, household electricity, power fraction of TDP,
 * host overhead, MFU, embodied carbon, water), each row with value, unit, date, status and source.
 *
 * @returns the constant rows, in data/constants.md order
 * @example
 * ```ts
 * import { listConstants } from '@scaling-lab/core';
 * listConstants().length; // → 27
 * listConstants()[0].key; // → 'pue.gcp'
 * ```
 */
export function listConstants(): readonly ConstantRow[] {
  return CONSTANTS;
}

/** PUE key for a cloud provider, when the provider publishes a fleet figure. */
export function providerPueKey(provider: string): string | undefined {
  const p = provider.toLowerCase();
  if (p === 'gcp' || p === 'google') return 'pue.gcp';
  if (p === 'aws' || p === 'amazon') return 'pue.aws';
  if (p === 'azure' || p === 'microsoft') return 'pue.azure';
  if (p === 'meta') return 'pue.meta';
  if (p === 'oracle') return 'pue.oracle';
  return undefined;
}
