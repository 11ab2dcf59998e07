/**
 * What to call the grid an estimate used. Without a region it is not always the
 * world average: a preset carries its paper's figure (Llama 2: the US average
 * 385 gCO2e/kWh, GPT-3: 429), and a typed intensity is the reader's own.
 */
import { sig, type Estimate } from '@scaling-lab/core';

export function gridLabel(e: Estimate): string {
  if (e.region) return e.region.name;
  const a = e.assumptions.find((x) => x.name === 'gridGCO2ePerKWh');
  if (!a) return 'world average';
  if (a.source === 'user') return `your figure, ${sig(e.gridGCO2ePerKWh, 3)} gCO2e/kWh`;
  if (e.preset) return `as stated for ${e.preset.name}: ${a.source}`;
  return `world average (${a.source})`;
}
