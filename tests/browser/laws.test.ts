/** Scaling-law explorer: shown numbers equal core's law functions; charts drawn; URL and file loading work. */
import {
  computeForLoss,
  chinchillaPoints,
  computeOptimal,
  fitChinchilla,
  formatCount,
  formatFlops,
  getPublishedLaw,
  marginalLossPerDoubling,
  sig,
  type ChinchillaLaw,
} from '@scaling-lab/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fill, openSite, out, screenshot, waitUntil, type Site } from './harness';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('scaling-law explorer', () => {
  it('defaults to the Besiroglu et al. refit, explains the rounded law and caveats Kaplan at the chart', async () => {
    const page = await site.open('/laws/');
    expect(await page.inputValue('[name="law"]')).toBe('besiroglu2024');
    const opt = computeOptimal(getPublishedLaw('besiroglu2024').law, 1e24);
    expect(await out(page, 'tokensPerParam')).toBe(`${sig(opt.tokensPerParam, 3)} tokens per parameter`);
    expect((await page.textContent('#law-note')) ?? '').toMatch(/97\.7.*18/s);
    expect((await page.textContent('#kaplan-caveat')) ?? '').toMatch(/different data.*tokenizer/);
    await page.context().close();
  });

  it('shows computeOptimal / computeForLoss / doubling gain for a published law, draws four charts, round-trips the URL', async () => {
    const page = await site.open('/laws/');
    await page.selectOption('[name="law"]', 'besiroglu2024');
    await fill(page, 'flops', '1e23');
    await fill(page, 'targetLoss', '2.1');
    await page.check('[name="compare"]');
    const law = getPublishedLaw('besiroglu2024').law;
    const opt = computeOptimal(law, 1e23);
    const target = computeForLoss(law, 2.1);
    expect(await out(page, 'optParams')).toBe(`${formatCount(opt.params)} parameters`);
    expect(await out(page, 'optTokens')).toBe(`${formatCount(opt.tokens)} tokens`);
    expect(await out(page, 'optLoss')).toBe(`${sig(opt.loss, 4)} nats/token`);
    expect(await out(page, 'tokensPerParam')).toBe(`${sig(opt.tokensPerParam, 3)} tokens per parameter`);
    expect(await out(page, 'doublingGain')).toBe(`${sig(marginalLossPerDoubling(law, { fromFlops: 1e23, doublings: 1 })[0].lossGained, 3)} nats/token`);
    expect(await out(page, 'targetFlops')).toBe(formatFlops(target.flops));
    for (const id of ['chart-frontier', 'chart-doubling', 'chart-isoflop', 'chart-allocation']) {
      expect(await page.locator(`#${id} path.series`).count(), id).toBeGreaterThanOrEqual(1);
    }
    // compare on: every published law has a frontier line
    expect(await page.locator('#chart-frontier path.series').count()).toBeGreaterThanOrEqual(4);
    await screenshot(page, 'laws');

    const url = page.url();
    const again = await page.context().newPage();
    await again.goto(url);
    expect(await again.inputValue('[name="law"]')).toBe('besiroglu2024');
    expect(await again.isChecked('[name="compare"]')).toBe(true);
    for (const k of ['optParams', 'optLoss', 'targetFlops']) expect(await out(again, k), k).toBe(await out(page, k));
    await page.context().close();
  });

  it('a typed law and a loaded fit JSON drive the outputs; bad input gives messages beside the field', async () => {
    const page = await site.open('/laws/');
    await page.selectOption('[name="law"]', 'custom');
    await fill(page, 'custom', '1.8, 400, 400, 0.3');
    expect(await page.textContent('[data-error-for="custom"]')).toMatch(/expected 5 numbers/);
    await fill(page, 'custom', '1.8, 400, 400, 0.3, 0.3');
    const typed: ChinchillaLaw = { form: 'chinchilla', E: 1.8, A: 400, B: 400, alpha: 0.3, beta: 0.3 };
    expect(await out(page, 'optParams')).toBe(`${formatCount(computeOptimal(typed, 1e24).params)} parameters`);
    await fill(page, 'targetLoss', '1.5');
    expect(await page.textContent('[data-error-for="targetLoss"]')).toMatch(/irreducible/);
    await fill(page, 'targetLoss', '');

    const fileLaw: ChinchillaLaw = { form: 'chinchilla', E: 1.7, A: 500, B: 1500, alpha: 0.35, beta: 0.33 };
    await page.setInputFiles('[name="upload"]', { name: 'fit.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ law: fileLaw, points: 42 })) });
    await waitUntil(site, page, () => /Loaded/.test(document.getElementById('upload-status')!.textContent ?? ''), 30_000, 'the file to load');
    expect(await out(page, 'optParams')).toBe(`${formatCount(computeOptimal(fileLaw, 1e24).params)} parameters`);
    expect(page.url()).toContain('law=custom');

    // A CSV of runs is fitted in the browser (worker) with core's fitChinchilla: same law as in Node.
    const runs = chinchillaPoints().filter((_, i) => i % 8 === 0);
    const csv = `params,tokens,loss\n${runs.map((p) => `${p.params},${p.tokens},${p.loss}`).join('\n')}\n`;
    const fitted = fitChinchilla(runs).law;
    await page.setInputFiles('[name="upload"]', { name: 'runs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await waitUntil(site, page, () => /Loaded: fitted/.test(document.getElementById('upload-status')!.textContent ?? ''), 120_000, 'the CSV fit');
    expect(await out(page, 'optParams')).toBe(`${formatCount(computeOptimal(fitted, 1e24).params)} parameters`);
    expect(await page.locator('#chart-frontier circle').count()).toBe(runs.length);
    expect((await page.textContent('main')) ?? '').not.toMatch(/NaN|Infinity/);
    await page.context().close();
    expect(site.pageErrors).toEqual([]);
  });
});
