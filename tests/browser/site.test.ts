/** The site as a whole: every page serves, has the shared nav and a heading, reads without JS, fits a phone. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { estimateRun, formatFlops } from '@scaling-lab/core';
import { openSite, out, screenshot, type Site } from './harness';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('site skeleton', () => {
  it('home page links to every page in the nav and each one serves with its heading', async () => {
    const page = await site.open('/');
    const links = await page.$$eval('header nav a', (as) => as.map((a) => [a.getAttribute('href'), a.textContent?.trim()]));
    expect(links.length).toBeGreaterThanOrEqual(7);
    await screenshot(page, 'home');
    for (const [href, title] of links) {
      const res = await page.goto(`${site.baseUrl}${href}`);
      expect(res?.status(), href!).toBe(200);
      expect((await page.textContent('h1'))?.trim()).toBe(title);
      expect(await page.getAttribute(`header nav a[href="${href}"]`, 'aria-current')).toBe('page');
    }
    await page.context().close();
  });

  it('pages read without JavaScript and fit a phone-width screen', async () => {
    const page = await site.open('/', { javaScriptEnabled: false, width: 375 });
    const hrefs = await page.$$eval('header nav a', (as) => as.map((a) => a.getAttribute('href')!));
    for (const href of hrefs) {
      await page.goto(`${site.baseUrl}${href}`);
      const text = (await page.textContent('main')) ?? '';
      expect(text.length, href).toBeGreaterThan(200);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${href} is wider than a phone`).toBeLessThanOrEqual(1);
    }
    await screenshot(page, 'phone-no-js-last-page');
    await page.context().close();
  });

  it('calculator pages with JavaScript still fit a phone, charts scale down', async () => {
    for (const href of ['/cost/', '/energy/', '/laws/', '/sweeps/', '/finetune/', '/live/', '/how-training-works/']) {
      const page = await site.open(href, { width: 375 });
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${href} is wider than a phone`).toBeLessThanOrEqual(1);
      const chartWidths = await page.$$eval('svg.chart', (els) => els.map((e) => e.getBoundingClientRect().width));
      for (const w of chartWidths) expect(w, href).toBeLessThanOrEqual(375);
      if (href === '/cost/') await screenshot(page, 'phone-cost');
      await page.context().close();
    }
  });

  it('every calculator page exports CSV, JSON and standalone SVG charts', async () => {
    for (const href of ['/cost/', '/energy/', '/laws/', '/sweeps/', '/finetune/', '/how-training-works/']) {
      const page = await site.open(href);
      await page.waitForLoadState('networkidle');
      const buttons = page.locator('main button[data-export], main button[data-export-svg]');
      const n = await buttons.count();
      expect(n, href).toBeGreaterThanOrEqual(2);
      for (let i = 0; i < n; i++) {
        const b = buttons.nth(i);
        const kind = (await b.getAttribute('data-export')) ?? 'svg';
        const [dl] = await Promise.all([page.waitForEvent('download'), b.click()]);
        const text = readFileSync((await dl.path())!, 'utf8');
        if (kind === 'json') expect(() => JSON.parse(text), `${href} json`).not.toThrow();
        else if (kind === 'csv') expect(text.split('\n')[0], `${href} csv header`).toMatch(/,|^\w+$/);
        else {
          expect(text, `${href} ${dl.suggestedFilename()}`).toMatch(/<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
          expect(text).toMatch(/<path|<circle/);
        }
        expect(text).not.toMatch(/NaN|Infinity/);
      }
      await page.context().close();
    }
  });

  it('calculators work from the keyboard alone', async () => {
    const page = await site.open('/cost/');
    await page.focus('[name="preset"]');
    await page.keyboard.press('Tab'); // → parameters
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('params');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('13B');
    await page.keyboard.press('Tab'); // → tokens
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3T');
    const e = estimateRun({ params: 13e9, tokens: 3e12, hardware: 'nvidia-h100-sxm5-80gb', count: 1024 });
    expect(await out(page, 'flops')).toBe(formatFlops(e.flops!));
    // The architecture section opens from the keyboard; its first field follows.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('layers');
    await page.context().close();
    expect(site.pageErrors).toEqual([]);
  });
});
