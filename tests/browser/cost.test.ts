/** Run cost and time: the page shows what core's estimateRun computes for the same inputs. */
import { readFileSync } from 'node:fs';
import {
  estimateRun,
  formatBytes,
  formatCount,
  formatDuration,
  formatFlops,
  formatUsd,
  paramsFromArchitecture,
} from '@scaling-lab/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fill, openSite, out, screenshot, type Site } from './harness';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const KEYS = ['flops', 'acceleratorHours', 'wallClock', 'cost', 'memory', 'mfu'];

describe('run cost and time', () => {
  it('shows core estimateRun outputs for typed inputs, draws the chart and round-trips the URL', async () => {
    const page = await site.open('/cost/');
    await fill(page, 'params', '7B');
    await fill(page, 'tokens', '2T');
    await page.selectOption('[name="hardware"]', 'nvidia-a100-sxm4-80gb');
    await fill(page, 'count', '512');
    await fill(page, 'mfu', '0.45');
    await page.selectOption('[name="zeroStage"]', '3');
    const e = estimateRun({ params: 7e9, tokens: 2e12, hardware: 'nvidia-a100-sxm4-80gb', count: 512, mfu: 0.45, memory: { zeroStage: 3 } });
    const mem = e.memory!;
    expect(await out(page, 'flops')).toBe(formatFlops(e.flops!));
    expect(await out(page, 'acceleratorHours')).toBe(`${formatCount(e.acceleratorHours)} accelerator-hours`);
    expect(await out(page, 'wallClock')).toBe(formatDuration(e.wallClockHours!));
    expect(await out(page, 'cost')).toBe(formatUsd(e.costUsd!));
    expect(await out(page, 'memory')).toBe(`${formatBytes(mem.totalBytes)} of ${formatBytes(mem.acceleratorBytes)}`);
    expect(await out(page, 'memoryFits')).toBe(mem.fits ? 'fits' : expect.stringMatching(/does not fit/));
    expect(await page.locator('#cost-chart circle').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('#cost-chart path.series').count()).toBe(1);
    await screenshot(page, 'cost');

    // The link reproduces the view.
    const url = page.url();
    expect(url).toContain('params=7B');
    const shown = Object.fromEntries(await Promise.all(KEYS.map(async (k) => [k, await out(page, k)] as const)));
    const again = await page.context().newPage();
    await again.goto(url);
    expect(await again.inputValue('[name="tokens"]')).toBe('2T');
    expect(await again.inputValue('[name="hardware"]')).toBe('nvidia-a100-sxm4-80gb');
    for (const k of KEYS) expect(await out(again, k), k).toBe(shown[k]);

    // JSON export carries core's estimate.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="json"]')]);
    const json = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(json.estimate.flops).toBe(e.flops);
    expect(json.estimate.costUsd).toBeCloseTo(e.costUsd!, 6);
    const [svgDl] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export-svg="cost-chart"]')]);
    expect(readFileSync((await svgDl.path())!, 'utf8')).toMatch(/^<\?xml[\s\S]*<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    await page.context().close();
  });

  it('a preset fills the run from its paper; bad input shows a message beside the field, never NaN', async () => {
    const page = await site.open('/cost/');
    await page.selectOption('[name="preset"]', 'llama-2-70b');
    const e = estimateRun({ preset: 'llama-2-70b' });
    expect(await out(page, 'flops')).toBe(formatFlops(e.flops!));
    expect(await out(page, 'acceleratorHours')).toBe(`${formatCount(e.acceleratorHours)} accelerator-hours`);

    await fill(page, 'tokens', 'lots');
    expect(await page.textContent('[data-error-for="tokens"]')).toMatch(/tokens.*not a number/);
    expect(await page.getAttribute('[name="tokens"]', 'aria-invalid')).toBe('true');
    await fill(page, 'tokens', '2T');
    await fill(page, 'mfu', '1.7');
    expect(await page.textContent('[data-error-for="mfu"]')).toMatch(/mfu/);
    const text = (await page.textContent('main')) ?? '';
    expect(text).not.toMatch(/NaN|Infinity/);
    await page.context().close();
  });

  it('an architecture instead of a parameter count: core counts the parameters; giving both is refused beside the field', async () => {
    const page = await site.open('/cost/');
    await page.click('#arch-details summary');
    await fill(page, 'params', '');
    const arch = { layers: 32, dModel: 4096, heads: 32, ffnDim: 11008, ffnType: 'swiglu' as const, vocab: 32000, context: 4096 };
    for (const k of ['layers', 'dModel', 'heads', 'ffnDim', 'vocab', 'context'] as const) await fill(page, k, String(arch[k]));
    await page.selectOption('[name="ffnType"]', 'swiglu');
    const e = estimateRun({ architecture: arch, tokens: 1.4e12, hardware: 'nvidia-h100-sxm5-80gb', count: 1024 });
    expect(e.params).toBe(paramsFromArchitecture(arch).total);
    expect(await out(page, 'params')).toBe(`${formatCount(e.params!)} parameters`);
    expect(await out(page, 'flops')).toBe(formatFlops(e.flops!));
    expect(await out(page, 'memory')).toBe(`${formatBytes(e.memory!.totalBytes)} of ${formatBytes(e.memory!.acceleratorBytes)}`);
    const again = await page.context().newPage();
    await again.goto(page.url());
    expect(await again.inputValue('[name="dModel"]')).toBe('4096');
    expect(await out(again, 'flops')).toBe(await out(page, 'flops'));
    await fill(page, 'params', '7B');
    expect(await page.textContent('[data-error-for="params"]')).toMatch(/architecture/);
    await page.context().close();
  });

  it('reads without JavaScript: the default estimate is in the HTML', async () => {
    const page = await site.open('/cost/', { javaScriptEnabled: false });
    const e = estimateRun({ params: 70e9, tokens: 1.4e12, hardware: 'nvidia-h100-sxm5-80gb', count: 1024 });
    expect(await out(page, 'flops')).toBe(formatFlops(e.flops!));
    expect(await out(page, 'cost')).toBe(formatUsd(e.costUsd!));
    await page.context().close();
    expect(site.pageErrors).toEqual([]);
  });
});
