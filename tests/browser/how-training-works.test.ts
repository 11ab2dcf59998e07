/** How training works: each section's widget shows what core computes; the reading part needs no JavaScript. */
import { computeOptimal, formatCount, formatFlops, getPublishedLaw, getPublishedRun, lossAt, loraParams, sig, trainingFlops } from '@scaling-lab/core';
import { resolveRunSpec } from '@scaling-lab/core/train/pure';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fill, openSite, out, screenshot, waitUntil, type Site } from './harness';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('how training works', () => {
  it('widgets: tokeniser split, steps and LR schedule, LoRA params, compute and loss match core; URL keeps every widget', async () => {
    const page = await site.open('/how-training-works/');
    for (const id of ['data', 'loop', 'hyper', 'finetune', 'scaling', 'energy']) expect(await page.locator(`section#${id} h2`).count(), id).toBe(1);
    await page.locator('#w-data').scrollIntoViewIfNeeded();
    await waitUntil(site, page, () => !/JavaScript/.test(document.querySelector('[data-out="lr_steps"]')!.textContent ?? ''), 60_000, 'the trainer module to load');
    await fill(page, 'data_text', 'abcabcabcd');
    expect(await out(page, 'data_vocab')).toBe('4 distinct characters');
    expect(await out(page, 'data_split')).toBe('9 / 1 tokens');

    await fill(page, 'lr_tokens', '2M');
    await fill(page, 'lr_batch', '32');
    const spec = resolveRunSpec({ id: 'x', model: { layers: 1, dModel: 16, heads: 2, context: 64 }, tokens: 2e6, batchSize: 32, learningRate: 0.003, seed: 0, dataset: { kind: 'markov', order: 1, vocab: 8 } });
    expect(await out(page, 'lr_steps')).toBe(formatCount(spec.steps));
    expect(await page.locator('#chart-schedule path.series').count()).toBe(1);

    await fill(page, 'hp_dataset', '1M');
    await fill(page, 'hp_epochs', '4');
    const perEpoch = resolveRunSpec({ id: 'x', model: { layers: 1, dModel: 16, heads: 2, context: 256 }, tokens: 1e6, batchSize: 32, learningRate: 0.001, seed: 0, dataset: { kind: 'markov', order: 1, vocab: 8 } }).steps;
    const all = resolveRunSpec({ id: 'x', model: { layers: 1, dModel: 16, heads: 2, context: 256 }, tokens: 4e6, batchSize: 32, learningRate: 0.001, seed: 0, dataset: { kind: 'markov', order: 1, vocab: 8 } }).steps;
    expect(await out(page, 'hp_epoch_steps')).toBe(formatCount(perEpoch));
    expect(await out(page, 'hp_steps')).toBe(formatCount(all));

    await fill(page, 'lora_rank', '32');
    const arch = getPublishedRun('llama-2-7b').architecture!.value;
    expect(await out(page, 'lora_params')).toBe(formatCount(loraParams(arch, 32, ['q', 'v'])));

    await fill(page, 'sc_params', '7B');
    await fill(page, 'sc_tokens', '2T');
    // The widget uses the Besiroglu et al. refit (issue #15 item 8), whose optimum is near the quoted 20 tokens per parameter.
    const law = getPublishedLaw('besiroglu2024').law;
    const flops = trainingFlops(7e9, 2e12);
    expect(await out(page, 'sc_flops')).toBe(formatFlops(flops));
    expect(await out(page, 'sc_loss')).toBe(`${sig(lossAt(law, 7e9, 2e12), 4)} nats/token`);
    expect(await out(page, 'sc_opt')).toContain(formatCount(computeOptimal(law, flops).params));
    expect(await out(page, 'sc_tpp')).toBe(`${sig(computeOptimal(law, flops).tokensPerParam, 3)} tokens per parameter`);
    expect((await page.textContent('#scaling')) ?? '').toMatch(/rounded constants/);
    await screenshot(page, 'how-training-works');

    const url = page.url();
    expect(url).toContain('lora_rank=32');
    expect(url).toContain('sc_params=7B');
    const again = await page.context().newPage();
    await again.goto(url);
    expect(await out(again, 'lora_params')).toBe(await out(page, 'lora_params'));
    expect(await out(again, 'sc_loss')).toBe(await out(page, 'sc_loss'));
    await page.context().close();
    expect(site.pageErrors).toEqual([]);
  });
});

describe('what a desktop visit downloads (issue #15 item 15)', () => {
  it('the widgets work without fetching TensorFlow.js: every script the page loads totals under 100 kB gzip', async () => {
    const page = await site.open('/how-training-works/', { width: 1280 });
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.reload();
    await page.waitForLoadState('networkidle');
    await page.mouse.wheel(0, 3000);
    await page.waitForTimeout(500);
    expect(await out(page, 'data_vocab')).toMatch(/distinct characters/);
    expect(await out(page, 'lr_steps')).toMatch(/^\d/);
    const { gzipSync } = await import('node:zlib');
    let total = 0;
    for (const u of new Set(scripts)) total += gzipSync(Buffer.from(await (await fetch(u)).arrayBuffer())).length;
    expect(total, scripts.join(', ')).toBeLessThan(100 * 1024);
    await page.context().close();
  });
});
