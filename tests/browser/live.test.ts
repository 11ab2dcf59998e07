/** Training loop, live: core's tiny transformer trains in chromium on the WASM backend and its loss falls. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, screenshot, waitUntil, type Site } from './harness';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const num = (s: string | null) => Number.parseFloat((s ?? '').replace(/,/g, ''));

describe('live trainer', () => {
  it('trains on WASM and the training loss goes down; state round-trips through the URL', async () => {
    const page = await site.open('/live/?steps=120&batchSize=8&dModel=32&layers=1&context=16&textChars=8000&learningRate=0.01');
    expect(await page.inputValue('[name="steps"]')).toBe('120');
    expect(await page.inputValue('[name="learningRate"]')).toBe('0.01');
    await page.click('#start');
    await waitUntil(site, page, () => ['done', 'diverged', 'error'].includes(document.getElementById('status')!.dataset.state!), 180_000, 'training to finish');
    const status = await page.textContent('#status');
    expect(await page.getAttribute('#status', 'data-state'), status ?? '').toBe('done');
    expect(await page.textContent('[data-out="backend"]')).toBe('wasm');
    const first = num(await page.textContent('[data-out="firstLoss"]'));
    const last = num(await page.textContent('[data-out="trainLoss"]'));
    expect(Number.isFinite(first) && Number.isFinite(last)).toBe(true);
    expect(last).toBeLessThan(first - 0.3);
    expect(await page.locator('#live-chart path.series').count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'live-trained');
    // Invalid input: a message beside the field, the Train button disabled.
    await page.fill('[name="heads"]', '3');
    await page.dispatchEvent('[name="heads"]', 'input');
    expect(await page.getAttribute('#start', 'disabled')).not.toBeNull();
    await page.context().close();
    expect(site.pageErrors).toEqual([]);
  });
});
