/**
 * The text syntax for a number or a distribution (CLI range flags, notebooks, forms):
 *
 *   0.4                          a point value (suffixes as elsewhere: 70B, 1.4T, 300M)
 *   0.3..0.5                     uniform between low and high
 *   uniform:0.3,0.5              the same, spelled out
 *   triangular:0.2,0.4,0.5       low, most likely, high
 *   normal:1.3,1.1,1.5           median, low, high: low/high are the 5th/95th percentiles
 *   lognormal:0.4,0.25,0.6       idem, in log space (asymmetric intervals are kept as given)
 *   normal:1.3,1.1,1.5,0.8       … a fourth number sets the interval level (0.8 or 80%)
 *   samples:2.69,3.49,6.88       explicit values, drawn with replacement
 *
 * Bad syntax and impossible ranges (low > high, PUE below 1, MFU above 1, …) are
 * InputErrors naming the field; distribution.ts holds the checks.
 */
import { InputError } from '../errors.js';
import type { Bounds } from '../estimate/bounds.js';
import { parseQuantity } from '../parseQuantity.js';
import {
  type Distribution, checkDistribution, lognormalDistribution, normalDistribution, pointDistribution,
  samplesDistribution, triangularDistribution, uniformDistribution,
} from './distribution.js';

export const RANGE_SYNTAX_HELP = 'a number, low..high, or uniform:|triangular:|normal:|lognormal:|samples: followed by comma-separated numbers';

/** `raw` as a number (1e9, 70B, 1.4T), or an InputError naming `flag` and what the number was (`what`: "low", "value"…). */
export function requireQuantity(flag: string, raw: string, what: string): number {
  const v = parseQuantity(raw);
  if (v === undefined) throw new InputError(flag, `${what} "${raw}" is not a number`, 'write e.g. 0.4, 1e9 or 70B');
  return v;
}

function levelOf(flag: string, raw: string): number {
  const pct = raw.trim().endsWith('%');
  const v = requireQuantity(flag, pct ? raw.trim().slice(0, -1) : raw, 'interval level');
  return pct || v > 1 ? v / 100 : v;
}

/**
 * Parses a value as typed in a flag or field into a {@link Distribution} and checks it
 * against `bounds`: a number (a point), `low..high` (uniform), or `uniform:`, `triangular:`,
 * `normal:`, `lognormal:` or `samples:` followed by comma-separated numbers.
 *
 * @param flag - the field or flag the value was typed in (`mfu` or `--mfu`), named by the errors
 * @param raw - the text
 * @param bounds - the field's limits, e.g. `INPUT_BOUNDS.mfu`; the whole range must respect them
 * @returns the distribution
 * @throws InputError whose field is `flag`
 * @example
 * ```ts
 * import { INPUT_BOUNDS, parseDistribution } from '@scaling-lab/core';
 * parseDistribution('mfu', '0.3..0.5').kind; // → 'uniform'
 * parseDistribution('mfu', 'triangular:0.3,0.4,0.5').kind; // → 'triangular'
 * parseDistribution('mfu', '0.3..1.5', INPUT_BOUNDS.mfu); // → throws InputError
 * ```
 */
export function parseDistribution(flag: string, raw: string, bounds: Bounds = {}): Distribution {
  const s = String(raw).trim();
  if (!s) throw new InputError(flag, 'is empty', `give ${RANGE_SYNTAX_HELP}`);
  let d: Distribution;
  const colon = s.indexOf(':');
  if (colon > 0) {
    const kind = s.slice(0, colon).trim().toLowerCase();
    const parts = s.slice(colon + 1).split(',').map((p) => p.trim()).filter((p) => p !== '');
    const nums = (n: number[], names: string) => {
      if (!n.includes(parts.length)) throw new InputError(flag, `${kind}: expects ${names}, got ${parts.length} number${parts.length === 1 ? '' : 's'}`, `write e.g. ${EXAMPLES[kind] ?? 'uniform:0.3,0.5'}`);
    };
    switch (kind) {
      case 'uniform': {
        nums([2], 'low,high');
        d = uniformDistribution(requireQuantity(flag, parts[0], 'low'), requireQuantity(flag, parts[1], 'high'));
        break;
      }
      case 'triangular': {
        nums([3], 'low,mode,high');
        d = triangularDistribution(requireQuantity(flag, parts[0], 'low'), requireQuantity(flag, parts[1], 'mode'), requireQuantity(flag, parts[2], 'high'));
        break;
      }
      case 'normal':
      case 'lognormal': {
        nums([3, 4], 'median,low,high[,level]');
        const o = {
          median: requireQuantity(flag, parts[0], 'median'),
          low: requireQuantity(flag, parts[1], 'low'),
          high: requireQuantity(flag, parts[2], 'high'),
          level: parts[3] !== undefined ? levelOf(flag, parts[3]) : undefined,
        };
        d = kind === 'normal' ? normalDistribution(o) : lognormalDistribution(o);
        break;
      }
      case 'samples': {
        if (parts.length === 0) throw new InputError(flag, 'samples: the list is empty', 'write e.g. samples:2.69,3.49,6.88');
        d = samplesDistribution(parts.map((p, i) => requireQuantity(flag, p, `sample ${i + 1}`)));
        break;
      }
      case 'point': {
        nums([1], 'one value');
        d = pointDistribution(requireQuantity(flag, parts[0], 'value'));
        break;
      }
      default:
        throw new InputError(flag, `unknown distribution "${kind}"`, 'use uniform, triangular, normal, lognormal or samples (or low..high)');
    }
  } else if (s.includes('..')) {
    const [lo, hi, ...rest] = s.split('..');
    if (rest.length) throw new InputError(flag, `"${s}" has more than one ".."`, 'write low..high, e.g. 0.3..0.5');
    d = uniformDistribution(requireQuantity(flag, lo, 'low'), requireQuantity(flag, hi, 'high'));
  } else {
    d = pointDistribution(requireQuantity(flag, s, 'value'));
  }
  return checkDistribution(flag, d, bounds);
}

const EXAMPLES: Record<string, string> = {
  uniform: 'uniform:0.3,0.5',
  triangular: 'triangular:0.2,0.4,0.5',
  normal: 'normal:1.3,1.1,1.5',
  lognormal: 'lognormal:0.4,0.25,0.6',
  point: 'point:0.4',
};

