/**
 * Shared links reproduce the view (issue #15 items 1–4): a preset survives a
 * reload with every output cell equal; an upload never goes to the URL and a
 * link made after one says the file must be loaded again; hostile URL values
 * never throw and get a message beside their field; invalid input marks the
 * results stale, and a page opened from an invalid link says so.
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listPublishedRuns } from '@scaling-lab/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fill, openSite, waitUntil, type Site } from './harness';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

/** Every output cell and assumption row on the page, as text. */
async function cells(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    document.querySelectorAll<HTMLElement>('[data-out]').forEach((el) => (out[`out:${el.dataset.out}`] = el.textContent?.trim() ?? ''));
    document.querySelectorAll<HTMLTableRowElement>('table.assumptions tbody tr').forEach((tr, i) => (out[`assumption:${i}`] = tr.textContent?.trim() ?? ''));
    // The headline medians with their intervals (and the equivalents) and the intervals table are numbers on the page too.
    document.querySelectorAll<HTMLElement>('[data-headline]').forEach((el) => (out[`headline:${el.dataset.headline}`] = el.textContent?.trim() ?? ''));
    document.querySelectorAll<HTMLTableRowElement>('[data-intervals] tbody tr').forEach((tr, i) => (out[`interval:${i}`] = tr.textContent?.trim() ?? ''));
    document.querySelectorAll<HTMLTableRowElement>('table.compare tbody tr').forEach((tr, i) => (out[`compare:${i}`] = tr.textContent?.trim() ?? ''));
    return out;
  });
}

/** The form has computed and the debounced Monte Carlo headlines have settled. */
const settled = () =>
  (document.querySelector('form') as HTMLFormElement).dataset.state === 'ok' &&
  !document.querySelector('[data-headline][data-pending]') &&
  [...document.querySelectorAll<HTMLElement>('section.uncertainty')].every((s) => s.dataset.state === 'ready');

describe('preset links reproduce every number', () => {
  for (const [path, select] of [['/cost/', 'preset'], ['/energy/', 'preset'], ['/finetune/', 'base']] as const) {
    it(`${path}: each preset, reloaded from its link, shows the same outputs`, async () => {
      const page = await site.open(path);
      const ids = select === 'preset' ? listPublishedRuns().map((r) => r.id) : await page.$$eval(`[name="${select}"] option`, (os) => os.map((o) => (o as HTMLOptionElement).value));
      expect(ids.length).toBeGreaterThan(1);
      for (const id of ids) {
        await page.selectOption(`[name="${select}"]`, id);
        await page.waitForTimeout(50);
        await waitUntil(site, page, settled, 8000, 'recompute');
        const before = await cells(page);
        expect(page.url(), id).not.toMatch(/hardware=(&|$)/);
        await page.reload();
        await waitUntil(site, page, settled, 8000, 'reload');
        expect(await page.inputValue(`[name="${select}"]`)).toBe(id);
        expect(await cells(page), `${path} ${id} after reload`).toEqual(before);
      }
      await page.context().close();
      expect(site.pageErrors).toEqual([]);
    });
  }
});

describe('uploads and links', () => {
  it('an uploaded file never goes to the URL; its link restores the law and asks for the file again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'site15-'));
    const csv = join(dir, 'my-runs.csv');
    const rows = ['params,tokens,loss'];
    for (const n of [1e6, 3e6, 1e7, 3e7]) for (const d of [2e7, 6e7, 2e8]) rows.push(`${n},${d},${(1.7 + 400 / n ** 0.34 + 410 / d ** 0.28).toFixed(5)}`);
    writeFileSync(csv, `${rows.join('\n')}\n`);
    const page = await site.open('/laws/');
    await page.setInputFiles('#f-upload', csv);
    await waitUntil(site, page, () => /Loaded/.test(document.getElementById('upload-status')?.textContent ?? ''), 60_000, 'the fit of the upload');
    const url = page.url();
    expect(url).not.toMatch(/upload=/);
    expect(url).toMatch(/uploaded=my-runs\.csv/);
    const law = await page.inputValue('[name="custom"]');
    const optParams = ((await page.textContent('[data-out="optParams"]')) ?? '').trim();
    const again = await page.context().newPage();
    again.on('pageerror', (e) => site.pageErrors.push(`reopen: ${e.message}`));
    await again.goto(url);
    expect(await again.inputValue('[name="custom"]')).toBe(law);
    expect(((await again.textContent('[data-out="optParams"]')) ?? '').trim()).toBe(optParams);
    expect((await again.textContent('#upload-status')) ?? '').toMatch(/my-runs\.csv.*load (it|the file) again/i);
    // The form still responds.
    await fill(again, 'flops', '1e23');
    expect(((await again.textContent('[data-out="optParams"]')) ?? '').trim()).not.toBe(optParams);
    await page.context().close();
    expect(site.pageErrors).toEqual([]);
  });

  it('an old link with upload=C:\\fakepath\\… opens without an error and says the data must be loaded again', async () => {
    const page = await site.open('/laws/?upload=C%3A%5Cfakepath%5Cruns.csv&flops=1e23');
    await page.waitForLoadState('networkidle');
    expect((await page.textContent('#upload-status')) ?? '').toMatch(/load (it|the file) again/i);
    expect(await page.evaluate(() => (document.getElementById('laws-form') as HTMLFormElement).dataset.state)).toBe('ok');
    expect(await page.locator('#chart-frontier path.series').count()).toBeGreaterThan(0);
    await page.context().close();
    expect(site.pageErrors).toEqual([]);
  });
});

const HOSTILE = ['constructor', '__proto__', 'toString', '9'.repeat(5000), '1e-300', '1e400', '７０Ｂ😀', 'javascript:alert(1)'];

/** The URL fields of a page: its form controls' names (file inputs never go to the URL). */
async function urlFields(page: Page): Promise<string[]> {
  return page.$$eval('main form [name]', (els) =>
    [...new Set(els.filter((e) => !(e instanceof HTMLInputElement && (e.type === 'file' || e.type === 'hidden'))).map((e) => e.getAttribute('name')!))],
  );
}

describe('hostile URL values', () => {
  for (const path of ['/cost/', '/energy/', '/laws/', '/beyond-chinchilla/', '/finetune/', '/sweeps/', '/how-training-works/', '/live/']) {
    it(`${path}: every field with hostile values throws nothing; a refused value has a message beside its field`, async () => {
      const page = await site.open(path);
      await page.waitForLoadState('networkidle');
      const fields = await urlFields(page);
      expect(fields.length).toBeGreaterThan(0);
      let refused = 0;
      for (const [i, field] of fields.entries()) {
        // Each field gets two hostile values (rotating through the list), so every value meets every page.
        for (const value of [HOSTILE[i % HOSTILE.length], HOSTILE[(i + 3) % HOSTILE.length]]) {
          await page.goto(`${site.baseUrl}${path}?${new URLSearchParams({ [field]: value })}`);
          const state = await page.evaluate((name) => {
            const el = document.querySelector<HTMLInputElement>(`main [name="${name}"]`)!;
            const form = el.form!;
            const slot = form.querySelector(`[data-error-for="${name}"]`) ?? form.querySelector('.form-error');
            return {
              message: (slot?.textContent ?? '').trim(),
              // A field can be refused through another (dModel alone: "layers is needed for an architecture").
              general: Array.from(form.querySelectorAll('[data-error-for], .form-error')).map((e) => e.textContent ?? '').join(' ').trim(),
              value: el.type === 'checkbox' ? (el.checked ? '1' : '0') : el.value,
              state: form.dataset.state,
              text: document.querySelector('main')!.textContent ?? '',
              width: document.documentElement.scrollWidth,
              scripts: document.querySelectorAll('a[href^="javascript:"]').length,
            };
          }, field);
          expect(site.pageErrors, `${path} ${field}=${value.slice(0, 20)}`).toEqual([]);
          expect(state.text, `${path} ${field}`).not.toMatch(/NaN|Infinity|undefined|\[object/);
          expect(state.scripts).toBe(0);
          expect(state.width, `${path} ${field}=${value.slice(0, 20)} widens the page`).toBeLessThanOrEqual(1300);
          if (state.state === 'invalid') {
            refused++;
            expect(state.message || state.general, `${path} ${field}=${value.slice(0, 20)}: no message`).not.toBe('');
          } else {
            // Accepted: the field holds what the link said (text such as a tokeniser's input), nothing else changed silently.
            expect(state.value, `${path} ${field}=${value.slice(0, 20)} was dropped silently`).toBe(value);
          }
        }
      }
      expect(refused).toBeGreaterThan(0);
      await page.context().close();
    });
  }
});

describe('stale results', () => {
  it('invalid input dims the results with "fix the highlighted field" until it is valid again', async () => {
    const page = await site.open('/cost/');
    for (const [field, bad] of [['params', 'seventy'], ['params', '-70B'], ['mfu', '40%']] as const) {
      await fill(page, field, bad);
      expect(await page.getAttribute('.calc', 'data-stale'), `${field}=${bad}`).toBe('edit');
      expect((await page.textContent('.stale-note')) ?? '').toMatch(/fix the highlighted field/);
      expect(await page.getAttribute(`[name="${field}"]`, 'aria-invalid')).toBe('true');
      const opacity = await page.evaluate(() => getComputedStyle(document.querySelector('.calc > section > .table-scroll')!).opacity);
      expect(Number(opacity)).toBeLessThan(0.6);
      await fill(page, field, field === 'mfu' ? '' : '70B');
      expect(await page.getAttribute('.calc', 'data-stale')).toBeNull();
      expect(((await page.textContent('.stale-note')) ?? '').trim()).toBe('');
    }
    await page.context().close();
  });

  it('a page opened from an invalid link says so instead of passing off the defaults as its answer', async () => {
    for (const [path, qs] of [['/cost/', 'params=seventy'], ['/energy/', 'hardware=constructor'], ['/laws/', 'law=nope']] as const) {
      const page = await site.open(`${path}?${qs}`);
      await page.waitForLoadState('networkidle');
      expect(await page.getAttribute('.calc', 'data-stale'), path).toBe('link');
      expect((await page.textContent('.stale-note')) ?? '').toMatch(/This link's inputs are not valid/);
      await page.context().close();
    }
    expect(site.pageErrors).toEqual([]);
  });
});
