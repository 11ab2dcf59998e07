/**
 * Beyond Chinchilla (issue #14): the three calculators show what core's laws compute for the
 * inputs, keep them in the URL, export CSV/JSON/SVG, and name the field on bad input; the
 * "how training works" hyperparameter widget and the live trainer's recommended-rate preset
 * use the same law.
 */
import { readFileSync } from 'node:fs';
import {
  dataConstrainedOptimal,
  deepseekHyperparams,
  formatCount,
  inferenceAwareOptimal,
  MUENNIGHOFF2023,
  recommendHyperparams,
  SARDANA2024_LAW,
  sig,
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

describe('beyond Chinchilla page', () => {
  it('repeated data, inference sizing and hyperparameters match core; the URL reproduces the view', async () => {
    const page = await site.open('/beyond-chinchilla/');
    await fill(page, 'ep_flops', '1e22');
    await fill(page, 'ep_unique', '20B');
    const dc = dataConstrainedOptimal(MUENNIGHOFF2023, { flops: 1e22, uniqueTokens: 20e9 });
    expect(await out(page, 'ep_epochs')).toBe(sig(dc.epochs, 3));
    expect(await out(page, 'ep_params')).toBe(`${formatCount(dc.params)} parameters`);
    expect(await out(page, 'ep_penalty')).toMatch(new RegExp(`^${sig(dc.lossPenalty, 3).replace('.', '\\.')} nats/token`));
    expect(await page.locator('#epochs-chart circle').count()).toBeGreaterThanOrEqual(10);
    expect(await page.textContent('[data-epochs-fit]')).toMatch(/^R\*_D = [\d.]+ \(90% bootstrap interval [\d.]+–[\d.]+, \d+ runs/);

    await fill(page, 'in_loss', '2.05');
    await fill(page, 'in_tokens', '5T');
    const inf = inferenceAwareOptimal(SARDANA2024_LAW, { targetLoss: 2.05, inferenceTokens: 5e12 });
    expect(await out(page, 'in_params')).toBe(`${formatCount(inf.optimal.params)} parameters`);
    expect(await out(page, 'in_saving')).toContain(`(${sig(100 * inf.savingFraction, 3)} %)`);
    expect(await page.locator('#infer-chart path.series').count()).toBe(1);
    await page.selectOption('[name="in_objective"]', 'usd');
    expect(await out(page, 'in_total')).toMatch(/^\$/);

    await fill(page, 'hy_flops', '1e20');
    const hy = recommendHyperparams({ flops: 1e20 });
    const ds = hy.figures.find((f) => f.law === 'deepseek2024' && f.quantity === 'learningRate')!;
    expect(await out(page, 'hy_ds_lr')).toBe(sig(ds.value, 3));
    expect(await out(page, 'hy_sl_lr')).toMatch(/^[\d.]+/);
    await fill(page, 'kp_flops', '1e24');
    expect(await out(page, 'kp_ratio')).toMatch(/^[4-6](\.\d+)?×$/);
    await screenshot(page, 'beyond-chinchilla');

    const again = await page.context().newPage();
    await again.goto(page.url());
    for (const k of ['ep_epochs', 'in_params', 'in_total', 'hy_ds_lr', 'kp_ratio']) expect(await out(again, k), k).toBe(await out(page, k));

    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#epochs button[data-export="json"]')]);
    const json = JSON.parse(readFileSync((await dl.path())!, 'utf8'));
    expect(json.result.epochs).toBeCloseTo(dc.epochs, 6);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export-svg="infer-chart"]')]);
    expect(readFileSync((await svg.path())!, 'utf8')).toMatch(/<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#hyperparams button[data-export="csv"]')]);
    expect(readFileSync((await csv.path())!, 'utf8').split('\n')[0]).toMatch(/^law,quantity,value/);
    await page.context().close();
  });

  it('bad input: a target loss below E and negative tokens are named beside their field, no NaN', async () => {
    const page = await site.open('/beyond-chinchilla/');
    await fill(page, 'in_loss', '1.5');
    expect(await page.textContent('[data-error-for="in_loss"]')).toMatch(/irreducible loss/);
    await fill(page, 'ep_unique', '-3');
    expect(await page.textContent('[data-error-for="ep_unique"]')).toMatch(/greater than 0/);
    expect((await page.textContent('main')) ?? '').not.toMatch(/NaN|Infinity/);
    await page.context().close();
    expect(site.pageErrors).toEqual([]);
  });
});

describe('the hyperparameter law elsewhere on the site', () => {
  it('how training works shows DeepSeek\'s rate and batch for the budget typed', async () => {
    const page = await site.open('/how-training-works/');
    await fill(page, 'hy_flops', '1e23');
    const [eta, batch] = deepseekHyperparams(1e23);
    expect(await out(page, 'hy_ds_lr')).toBe(sig(eta.value, 3));
    expect(await out(page, 'hy_ds_batch')).toBe(`${formatCount(batch.value)} tokens`);
    expect(new URL(page.url()).searchParams.get('hy_flops')).toBe('1e23');
    await page.context().close();
  });

  it('the live trainer\'s preset sets the recommended learning rate and says where it comes from', async () => {
    const page = await site.open('/live/');
    await waitUntil(site, page, () => !(document.getElementById('start') as HTMLButtonElement).disabled, 30_000, 'the form to validate');
    await page.click('#lr-recommended');
    const params = 12 * 2 * 64 ** 2;
    const flops = 6 * params * 300 * 16 * 32;
    const expected = Number(sig(deepseekHyperparams(flops)[0].value, 2));
    expect(Number(await page.inputValue('[name="learningRate"]'))).toBe(expected);
    expect(await page.textContent('#lr-note')).toMatch(/DeepSeek LLM.*Outside the fitted range/);
    await page.context().close();
  });
});
