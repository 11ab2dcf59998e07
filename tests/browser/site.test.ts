/** The site as a whole: every page serves, has the shared nav and a heading, reads without JS, fits a phone. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, screenshot, type Site } from './harness';

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
    expect(site.pageErrors).toEqual([]);
  });
});
