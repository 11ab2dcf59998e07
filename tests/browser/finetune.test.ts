/** Fine-tuning vs pre-training: LoRA and full fine-tuning figures equal core's estimateRun for the same inputs. */
import { estimateRun, formatBytes, formatCount, formatFlops, formatUsd, getPublishedRun, loraParams, loraTrainingFlops, sig } from '@scaling-lab/core';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fill, openSite, out, screenshot, type Site } from './harness';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('fine-tuning vs pre-training', () => {
  it('shows core LoRA trainable params, memory and cost; draws charts; round-trips the URL', async () => {
    const page = await site.open('/finetune/');
    await page.selectOption('[name="base"]', 'llama-2-70b');
    await fill(page, 'tokens', '500M');
    await fill(page, 'loraRank', '8');
    await page.check('[name="t_o"]');
    await fill(page, 'count', '16');
    const arch = getPublishedRun('llama-2-70b').architecture!.value;
    const common = { architecture: arch, hardware: 'nvidia-a100-sxm4-80gb', count: 16 };
    const memory = { microBatch: 1, recompute: 'full' as const };
    const full = estimateRun({ ...common, tokens: 5e8, memory });
    const lora = estimateRun({ ...common, tokens: 5e8, memory: { ...memory, loraRank: 8, loraTargets: ['q', 'v', 'o'] } });
    const pre = estimateRun({ ...common, tokens: getPublishedRun('llama-2-70b').tokens.value, memory });
    const trainable = loraParams(arch, 8, ['q', 'v', 'o']);
    expect(lora.memory!.lora!.trainableParams).toBe(trainable);
    expect(await out(page, 'trainLora')).toBe(`${formatCount(trainable)} (${sig((100 * trainable) / full.params!, 2)} %)`);
    expect(await out(page, 'memFull')).toContain(formatBytes(full.memory!.totalBytes));
    expect(await out(page, 'memLora')).toContain(formatBytes(lora.memory!.totalBytes));
    expect(await out(page, 'flopsFull')).toBe(formatFlops(full.flops!));
    expect(await out(page, 'costFull')).toBe(formatUsd(full.costUsd!));
    expect(await out(page, 'costPretrain')).toBe(formatUsd(pre.costUsd!));
    // LoRA's compute skips the frozen weights' gradients (core loraTrainingFlops): less than full fine-tuning, in the table and the CSV.
    const loraFlops = loraTrainingFlops(full.params!, trainable, 5e8);
    const loraCost = estimateRun({ hardware: 'nvidia-a100-sxm4-80gb', count: 16, flops: loraFlops });
    expect(await out(page, 'flopsLora')).toBe(formatFlops(loraFlops));
    expect(await out(page, 'costLora')).toBe(formatUsd(loraCost.costUsd!));
    expect(await out(page, 'costLora')).not.toBe(await out(page, 'costFull'));
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="csv"]')]);
    const csv = readFileSync((await dl.path())!, 'utf8').trim().split('\n');
    const col = csv[0].split(',');
    const rowOf = (mode: string) => csv.find((l) => l.startsWith(`${mode},`))!.split(',');
    expect(Number(rowOf('lora')[col.indexOf('flops')])).toBeCloseTo(loraFlops, -10);
    expect(Number(rowOf('lora')[col.indexOf('costUsd')])).toBeLessThan(Number(rowOf('full')[col.indexOf('costUsd')]));
    expect(await page.locator('#ft-chart path.series').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('#ft-params-chart circle').count()).toBeGreaterThanOrEqual(5);
    await screenshot(page, 'finetune');

    const url = page.url();
    const again = await page.context().newPage();
    await again.goto(url);
    expect(await again.isChecked('[name="t_o"]')).toBe(true);
    for (const k of ['trainLora', 'memLora', 'costPretrain']) expect(await out(again, k), k).toBe(await out(page, k));
    await page.context().close();
  });

  it('no LoRA matrix ticked or a bad rank shows a message beside the field', async () => {
    const page = await site.open('/finetune/');
    await page.uncheck('[name="t_q"]');
    await page.uncheck('[name="t_v"]');
    expect(await page.textContent('[data-error-for="t_q"]')).toMatch(/no matrices/);
    await page.check('[name="t_v"]');
    await fill(page, 'loraRank', '0');
    expect(await page.textContent('[data-error-for="loraRank"]')).toMatch(/at least 1/);
    expect((await page.textContent('main')) ?? '').not.toMatch(/NaN|Infinity/);
    await page.context().close();
    expect(site.pageErrors).toEqual([]);
  });
});
