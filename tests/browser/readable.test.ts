/**
 * Readable on a phone and a desktop (issue #15 items 5, 13, 14): each text
 * field asks for the keyboard its values need; chart text is at least 12 px on
 * screen at 1280 and 375 px; tables keep their columns and numbers whole; the
 * learning-curves legend is grouped; the Train button is in view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Site } from './harness';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const PAGES = ['/cost/', '/energy/', '/laws/', '/sweeps/', '/finetune/', '/live/', '/how-training-works/'];

describe('phone keyboards', () => {
  it('fields that take 70B, 1e24 or a name get the full keyboard; only plain numbers get a number pad', async () => {
    const page = await site.open('/', { width: 375 });
    const bad: string[] = [];
    let decimal = 0;
    for (const href of PAGES) {
      await page.goto(`${site.baseUrl}${href}`);
      const inputs = await page.$$eval('main input[type="text"]', (els) =>
        (els as HTMLInputElement[]).map((e) => ({ name: e.name, mode: e.inputMode, value: e.defaultValue, hint: e.closest('.field')?.querySelector('.hint')?.textContent ?? '' })),
      );
      for (const i of inputs) {
        const needsLetters = /[a-df-z]/i.test(i.value) || /\d[eE]\d|1e|70B|1\.4T|\b\d+[kMBT]\b/.test(i.value + i.hint) || ['params', 'tokens', 'flops', 'region', 'custom', 'minFlops', 'maxFlops', 'data_text'].includes(i.name);
        if (needsLetters && (i.mode === 'decimal' || i.mode === 'numeric')) bad.push(`${href} ${i.name}: "${i.value}" with inputmode=${i.mode}`);
        if (i.mode === 'decimal') decimal++;
      }
    }
    expect(bad).toEqual([]);
    expect(decimal).toBeGreaterThan(5); // plain fractions (MFU, PUE, …) still get the decimal pad
    await page.context().close();
  });
});

describe('chart text size', () => {
  for (const width of [1280, 375]) {
    it(`every chart's text is at least 12 px on screen at ${width} px`, async () => {
      const small: string[] = [];
      let counted = 0;
      for (const href of PAGES.filter((p) => p !== '/live/')) {
        const page = await site.open(href, { width });
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(400);
        const sizes = await page.$$eval('svg.chart text', (els) =>
          els
            .filter((t) => (t as SVGTextElement).getBBox().width > 0 && (t.textContent ?? '').trim())
            .map((t) => {
              const svg = (t as SVGTextElement).ownerSVGElement!;
              const scale = svg.getScreenCTM()?.a ?? 1;
              return { px: parseFloat(getComputedStyle(t).fontSize) * scale, text: (t.textContent ?? '').slice(0, 30), chart: svg.id };
            }),
        );
        counted += sizes.length;
        for (const s of sizes) if (s.px < 11.5) small.push(`${href} #${s.chart} "${s.text}" ${s.px.toFixed(1)} px`);
        await page.context().close();
      }
      expect(counted).toBeGreaterThan(100);
      expect(small.slice(0, 20)).toEqual([]);
    });
  }
});

describe('layout', () => {
  it('the fine-tune table shows its LoRA column at 1280 px; a long value does not widen the page', async () => {
    const page = await site.open('/finetune/', { width: 1280 });
    const cut = await page.evaluate(() => {
      const wrap = document.querySelector('table.compare')!.closest('.table-scroll')!;
      return wrap.scrollWidth - wrap.clientWidth;
    });
    expect(cut).toBeLessThanOrEqual(1);
    await page.goto(`${site.baseUrl}/energy/`);
    await page.fill('[name="region"]', '9'.repeat(5000));
    await page.dispatchEvent('[name="region"]', 'input');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(1280);
    await page.context().close();
  });

  it('assumption values are not broken mid-number', async () => {
    const page = await site.open('/cost/', { width: 1280 });
    const broken = await page.$$eval('table.assumptions td.num', (tds) =>
      tds.filter((td) => {
        const r = document.createRange();
        r.selectNodeContents(td);
        const lines = new Set([...r.getClientRects()].map((x) => Math.round(x.top)));
        return lines.size > 1 && /^[\d.,]+\s/.test(td.textContent ?? '') && !(td.textContent ?? '').includes(' ', (td.textContent ?? '').search(/\d/)) ;
      }).length,
    );
    expect(broken).toBe(0);
    await page.context().close();
  });

  // Found by looking at full-page screenshots: long phrases in results tables (Beyond Chinchilla's warnings, the cost
  // page's memory check) ran past their column and widened the page; a preset's architecture, one 113-character JSON
  // word, squeezed the assumptions' source column to one letter a line.
  for (const width of [1280, 375]) {
    it(`at ${width} px no page is wider than the screen, no results table hides its text, sources stay readable`, async () => {
      const views = [...PAGES, '/', '/beyond-chinchilla/'].map((p) => ({ path: p, preset: '' }));
      views.push({ path: '/energy/', preset: 'llama-2-70b' }, { path: '/cost/', preset: 'llama-2-70b' });
      const bad: string[] = [];
      for (const v of views) {
        const page = await site.open(v.path, { width });
        if (v.preset) {
          await page.selectOption('[name="preset"]', v.preset);
          await page.waitForTimeout(400);
        }
        const found = await page.evaluate(() => {
          const out: string[] = [];
          if (document.documentElement.scrollWidth > window.innerWidth + 1) out.push(`page ${document.documentElement.scrollWidth} px wide`);
          for (const t of document.querySelectorAll<HTMLTableElement>('table.results:not(.compare)')) {
            // On a phone a data grid of three or more columns keeps its columns and scrolls (keyboard-focusable);
            // a label–value table and the assumptions list must fit.
            const columns = Math.max(0, ...[...t.rows].map((r) => r.cells.length));
            if (window.innerWidth < 700 && columns > 2 && !t.classList.contains('assumptions')) continue;
            const box = t.parentElement!;
            if (box.scrollWidth > box.clientWidth + 1) out.push(`table #${t.id || t.closest('[id]')?.id} hides ${box.scrollWidth - box.clientWidth} px`);
          }
          if (window.innerWidth > 700) {
            for (const td of document.querySelectorAll<HTMLElement>('table.assumptions td.source')) {
              if (td.getBoundingClientRect().width < 120) out.push(`source column ${Math.round(td.getBoundingClientRect().width)} px wide`);
            }
          }
          return [...new Set(out)];
        });
        for (const f of found) bad.push(`${v.path}${v.preset ? ` (${v.preset})` : ''}: ${f}`);
        await page.context().close();
      }
      expect(bad).toEqual([]);
    });
  }

  it('the learning-curves legend is grouped by compute budget, not one entry per run', async () => {
    const page = await site.open('/sweeps/', { width: 1280 });
    await page.waitForLoadState('networkidle');
    const entries = await page.$$eval('#chart-curves > g:last-of-type > g', (gs) => gs.length);
    const lines = await page.locator('#chart-curves path.series').count();
    expect(lines).toBeGreaterThan(10);
    expect(entries).toBeLessThanOrEqual(8);
    await page.context().close();
  });

  it('the Train button is in the first screenful on a phone and on a desktop', async () => {
    for (const width of [375, 1280]) {
      const page = await site.open('/live/', { width });
      const top = await page.evaluate(() => document.getElementById('start')!.getBoundingClientRect().top + window.scrollY);
      expect(top, `${width} px`).toBeLessThan(900 + (width < 500 ? 500 : 0));
      await page.context().close();
    }
  });
});
