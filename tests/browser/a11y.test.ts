/**
 * Accessibility (issue #15 item 16): axe-core (npm, pinned) on every page at
 * desktop (1280 px) and phone (375 px) width, after the calculators have drawn;
 * no serious or critical violation. Screenshots of each page at both widths go
 * to test-artifacts/ for a person to look at.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, screenshot, type Site } from './harness';
import { NAV } from '../../packages/site/src/lib/nav';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('axe on every page', () => {
  for (const width of [1280, 375]) {
    it(`no serious or critical violation at ${width} px`, async () => {
      const found: string[] = [];
      const tally: string[] = [];
      for (const item of [{ href: '/', title: 'home' }, ...NAV]) {
        const page = await site.open(item.href, { width });
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(400); // the debounced uncertainty panel draws 120 ms after the first compute
        await page.addScriptTag({ content: axeSource });
        const violations = (await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: unknown[] }> } }).axe;
          return (await axe.run(document, { resultTypes: ['violations'] })).violations;
        })) as AxeViolation[];
        const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').length;
        tally.push(`${item.href} ${bad} serious/critical, ${violations.length - bad} other${violations.length > bad ? ` (${violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical').map((v) => `${v.id}/${v.impact}`).join(', ')})` : ''}`);
        for (const v of violations) {
          if (v.impact === 'serious' || v.impact === 'critical') found.push(`${item.href} @${width}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
        }
        await screenshot(page, `a11y-${item.href.replace(/\//g, '') || 'home'}-${width}`);
        await page.context().close();
      }
      // The per-page counts, for the record (printed whether or not the test passes).
      console.log(`axe at ${width} px: ${tally.join('; ')}`);
      expect(found).toEqual([]);
      expect(site.pageErrors).toEqual([]);
    });
  }
});
