/**
 * Dated accelerator-hour prices (USD) and the rule that picks a default.
 * Default rule: among rows for the accelerator with the wanted pricing
 * (on-demand unless asked), drop LOW-CONFIDENCE rows and community-cloud
 * offerings, take the most recent date, and among rows of that date the
 * lowest price. The row (provider, date, URL) goes into the assumptions.
 */
import { PRICES } from './prices.generated.js';
import type { PriceRow } from './types.js';

/**
 * The transcribed cloud price rows (provider, offering, region, pricing, USD per accelerator-hour, date,
 * source URL), all of them or those for one accelerator id.
 *
 * @param acceleratorId - an accelerator id such as `nvidia-h100-sxm5-80gb`; omit for every row
 * @returns the price rows
 * @example
 * ```ts
 * import { listPrices } from '@scaling-lab/core';
 * listPrices().length; // → 72
 * listPrices('nvidia-h100-sxm5-80gb').length; // → 14
 * ```
 */
export function listPrices(acceleratorId?: string): readonly PriceRow[] {
  return acceleratorId ? PRICES.filter((p) => p.acceleratorId === acceleratorId) : PRICES;
}

/** The default price row for an accelerator id, or undefined when the table has none. */
const DEFAULTS = new Map<string, PriceRow | undefined>();

/**
 * The default price row for an accelerator: among rows of that pricing kind, the most recent date,
 * and among rows of that date the lowest USD per accelerator-hour.
 *
 * @param acceleratorId - an accelerator id such as `nvidia-h100-sxm5-80gb`
 * @param pricing - pricing kind, `on-demand` by default
 * @returns the row, or undefined when the table has none
 * @example
 * ```ts
 * import { defaultPrice } from '@scaling-lab/core';
 * defaultPrice('nvidia-h100-sxm5-80gb')?.usdPerHour; // → 6.88
 * ```
 */
export function defaultPrice(acceleratorId: string, pricing: PriceRow['pricing'] = 'on-demand'): PriceRow | undefined {
  const key = `${acceleratorId}|${pricing}`;
  if (!DEFAULTS.has(key)) DEFAULTS.set(key, pickDefault(acceleratorId, pricing));
  return DEFAULTS.get(key);
}

function pickDefault(acceleratorId: string, pricing: PriceRow['pricing']): PriceRow | undefined {
  const rows = PRICES.filter(
    (p) =>
      p.acceleratorId === acceleratorId &&
      p.pricing === pricing &&
      !/low confidence/i.test(p.notes) &&
      !/community/i.test(p.offering),
  );
  let best: PriceRow | undefined;
  for (const r of rows) {
    if (!best || r.date > best.date || (r.date === best.date && r.usdPerHour < best.usdPerHour)) best = r;
  }
  return best;
}

/**
 * The citation for a price row, as estimates list it: provider, offering, pricing, region, the date
 * the price was seen, the URL and who transcribed it.
 *
 * @param p - a price row (from {@link defaultPrice} or {@link listPrices})
 * @returns the source string
 * @example
 * ```ts
 * import { defaultPrice, priceSource } from '@scaling-lab/core';
 * priceSource(defaultPrice('nvidia-h100-sxm5-80gb')!).startsWith('AWS p5.48xlarge on-demand us-east-1'); // → true
 * ```
 */
export function priceSource(p: PriceRow): string {
  const region = p.region && !p.region.startsWith('(') ? ` ${p.region}` : '';
  return `${p.provider} ${p.offering} ${p.pricing}${region}, price dated ${p.date} (${p.sourceUrl}; transcribed via ${p.transcribedBy})`;
}
