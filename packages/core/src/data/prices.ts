/**
 * Dated accelerator-hour prices (USD) and the rule that picks a default.
 * Default rule: among rows for the accelerator with the wanted pricing
 * (on-demand unless asked), drop LOW-CONFIDENCE rows and community-cloud
 * offerings, take the most recent date, and among rows of that date the
 * lowest price. The row (provider, date, URL) goes into the assumptions.
 */
import { PRICES } from './prices.generated.js';
import type { PriceRow } from './types.js';

export function listPrices(acceleratorId?: string): readonly PriceRow[] {
  return acceleratorId ? PRICES.filter((p) => p.acceleratorId === acceleratorId) : PRICES;
}

/** The default price row for an accelerator id, or undefined when the table has none. */
const DEFAULTS = new Map<string, PriceRow | undefined>();

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

/** "USD 6.88/h, AWS p5.48xlarge on-demand us-east-1, seen 2026-11-09 (url; via …)". */
export function priceSource(p: PriceRow): string {
  const region = p.region && !p.region.startsWith('(') ? ` ${p.region}` : '';
  return `${p.provider} ${p.offering} ${p.pricing}${region}, price dated ${p.date} (${p.sourceUrl}; transcribed via ${p.transcribedBy})`;
}
