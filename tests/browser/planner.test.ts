/**
 * What planners need on the cost page (issue #15 items 17, 19): deadline and
 * budget solving (core planForDeadline / planForBudget), provider and price
 * tier, fp8, restarts, embodied carbon and water, MoE active parameters,
 * pipeline parallelism and activation recomputation; CSV of raw numbers.
 */
import { readFileSync } from 'node:fs';
import { estimateRun, formatCO2eKg, formatUsd, listPrices, planForDeadline, type EstimateSpec } from '@scaling-lab/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fill, openSite, out, waitUntil, type Site } from './harness';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const base: EstimateSpec = { params: 70e9, tokens: 1.4e12, hardware: 'nvidia-h100-sxm5-80gb', count: 1024 };

describe('planning options on the cost page', () => {
  it('deadline, budget, provider price, fp8, restarts, MoE, embodied carbon and water all reach core and the link', async () => {
    const page = await site.open('/cost/');
    await fill(page, 'deadlineDays', '30');
    const plan = planForDeadline(base, 30 * 24);
    expect(await out(page, 'deadlinePlan')).toMatch(new RegExp(`^${plan.accelerators.toLocaleString('en-US')} ×`));
    await fill(page, 'budgetUsd', '1M');
    expect(await out(page, 'budgetPlan')).toMatch(/accelerator-hours.*tokens at this model size/);

    const rows = listPrices('nvidia-h100-sxm5-80gb');
    const cheapest = rows.reduce((a, b) => (b.usdPerHour < a.usdPerHour ? b : a));
    await page.selectOption('[name="provider"]', `${cheapest.provider}|${cheapest.pricing}|${cheapest.date}|${cheapest.usdPerHour}`);
    const priced = estimateRun({ ...base, usdPerHour: cheapest.usdPerHour, pricing: cheapest.pricing });
    expect(await out(page, 'cost')).toBe(formatUsd(priced.costUsd!));
    expect(await page.locator('[name="provider"] option').count()).toBe(rows.length + 1);

    await page.selectOption('[name="peakPrecision"]', 'fp8');
    await fill(page, 'restartOverhead', '0.1');
    await fill(page, 'activeParams', '20B');
    await page.check('[name="embodied"]');
    await page.check('[name="water"]');
    const full = estimateRun({ ...base, usdPerHour: cheapest.usdPerHour, pricing: cheapest.pricing, precision: 'fp8', restartOverhead: 0.1, activeParams: 20e9, embodied: true, water: true });
    expect(await out(page, 'cost')).toBe(formatUsd(full.costUsd!));
    expect(await out(page, 'peak')).toContain('fp8');
    expect(await out(page, 'embodied')).toBe(formatCO2eKg(full.embodiedCo2eKg!));
    expect(await out(page, 'water')).toMatch(/m³ on site/);

    // The link carries all of it.
    const url = page.url();
    const again = await page.context().newPage();
    await again.goto(url);
    for (const k of ['cost', 'peak', 'embodied', 'water', 'deadlinePlan', 'budgetPlan']) expect(await out(again, k), k).toBe(await out(page, k));
    await page.context().close();
    expect(site.pageErrors).toEqual([]);
  });

  it("Llama 2 70B on A100s with TP 8 and ZeRO 1 does not fit without recomputation; full recomputation or pipeline stages make it fit", async () => {
    const page = await site.open('/cost/');
    await page.click('#arch-details summary');
    await fill(page, 'params', '');
    for (const [k, v] of [['layers', '80'], ['dModel', '8192'], ['heads', '64'], ['kvHeads', '8'], ['ffnDim', '28672'], ['vocab', '32000'], ['context', '4096']]) await fill(page, k, v);
    await page.selectOption('[name="ffnType"]', 'swiglu');
    await fill(page, 'tokens', '2T');
    await page.selectOption('[name="hardware"]', 'nvidia-a100-sxm4-80gb');
    await fill(page, 'count', '2048');
    await fill(page, 'tensorParallel', '8');
    await page.selectOption('[name="zeroStage"]', '1');
    await page.selectOption('[name="recompute"]', 'none');
    await waitUntil(site, page, () => (document.getElementById('cost-form') as HTMLFormElement).dataset.state === 'ok', 5000, 'recompute');
    expect(await out(page, 'memoryFits')).toMatch(/does not fit/);
    await page.selectOption('[name="recompute"]', 'full');
    expect(await out(page, 'memoryFits')).toBe('fits');
    await page.selectOption('[name="recompute"]', 'none');
    await fill(page, 'pipelineParallel', '4');
    expect(await out(page, 'memoryFits')).toBe('fits');
    expect(await out(page, 'memoryNote')).toMatch(/pipeline|tensor-parallel 8/);
    await page.context().close();
  });

  it('the CSV holds raw numbers with a unit column, inputs and outputs apart', async () => {
    const page = await site.open('/cost/');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="csv"]')]);
    const lines = readFileSync((await dl.path())!, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('kind,name,value,unit');
    const e = estimateRun(base);
    const costRow = lines.find((l) => l.startsWith('output,costUsd,'))!;
    expect(Number(costRow.split(',')[2])).toBeCloseTo(e.costUsd!, 3);
    expect(costRow.split(',')[3]).toBe('USD');
    expect(lines.find((l) => l.startsWith('input,params,'))).toBe('input,params,70B,as typed');
    expect(lines.join('\n')).not.toMatch(/\$|days/);
    await page.context().close();
  });
});

describe('your run among published ones (item 18)', () => {
  it('cost and energy pages place the run among every published run that core can estimate', async () => {
    const { listPublishedRuns } = await import('@scaling-lab/core');
    const n = listPublishedRuns().filter((r) => {
      try {
        const e = estimateRun({ preset: r.id });
        return e.flops !== null && (e.costUsd ?? 0) > 0;
      } catch {
        return false;
      }
    }).length;
    for (const [path, id] of [['/cost/', 'cost-published'], ['/energy/', 'energy-published']] as const) {
      const page = await site.open(path);
      await fill(page, 'params', '13B');
      const grey = await page.locator(`#${id} g[data-series^="published runs"] circle`).count();
      expect(grey, path).toBeGreaterThanOrEqual(path === '/cost/' ? n : 5);
      expect(await page.locator(`#${id} g[data-series="your run"] circle`).count(), path).toBe(1);
      await page.context().close();
    }
  });
});
