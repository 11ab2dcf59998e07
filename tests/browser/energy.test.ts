/** Energy and carbon: outputs equal core's estimateRun; defaults show their source and year beside the field. */
import { equivalentsInterval, estimateRun, estimateRunUncertain, formatCO2eKg, formatCount, formatEnergyKWh, sig } from '@scaling-lab/core';
import { specFromValues } from '../../packages/site/src/lib/estimate-form.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fill, openSite, out, screenshot, type Site } from './harness';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('energy and carbon', () => {
  it('shows core estimateRun energy and CO2e for typed inputs, draws the chart and round-trips the URL', async () => {
    const page = await site.open('/energy/');
    await fill(page, 'params', '13B');
    await fill(page, 'tokens', '1T');
    await page.selectOption('[name="hardware"]', 'nvidia-a100-sxm4-80gb');
    await fill(page, 'count', '256');
    await fill(page, 'region', 'FRA');
    await fill(page, 'pue', '1.1');
    const e = estimateRun({ params: 13e9, tokens: 1e12, hardware: 'nvidia-a100-sxm4-80gb', count: 256, region: 'FRA', pue: 1.1, household: 'us' });
    expect(await out(page, 'energy')).toBe(formatEnergyKWh(e.energyKWh));
    expect(await out(page, 'itEnergy')).toBe(formatEnergyKWh(e.itEnergyKWh));
    expect(await out(page, 'co2e')).toBe(formatCO2eKg(e.co2eKg));
    expect(await out(page, 'households')).toBe(`${sig(e.householdYears, 3)} household-years`);
    // Car, flight and tree equivalents are core's co2eEquivalents of the operational CO2e (Green Algorithms factors).
    const q = e.equivalents;
    expect(q.carKmUs.value).toBeCloseTo((e.co2eKg * 1000) / 251, 6);
    expect(await out(page, 'carKm')).toBe(`${formatCount(q.carKmUs.value)} km by US car, ${formatCount(q.carKmEu.value)} km by EU car`);
    expect(await out(page, 'flights')).toBe(`${formatCount(q.flightsNySf.value)} NY–SF flights (one passenger), ${formatCount(q.flightKmEconomy.value)} km flown economy (one passenger)`);
    expect(await out(page, 'treeYears')).toBe(`${formatCount(q.treeYears.value)} tree-years of absorption`);
    const sources = (await page.textContent('#equivalent-source-list')) ?? '';
    for (const x of Object.values(q)) expect(sources).toContain(x.source);
    expect(await out(page, 'region')).toBe(e.region!.name);
    expect(await page.locator('#energy-chart circle').count()).toBeGreaterThanOrEqual(10);
    // Defaults in use are shown beside their fields with source and year.
    const host = (await page.textContent('[data-source-for="hostOverhead"]')) ?? '';
    const hostA = e.assumptions.find((a) => a.name === 'hostOverhead')!;
    expect(host).toContain(hostA.source);
    expect(host).toMatch(/(19|20)\d\d/);
    expect((await page.textContent('[data-source-for="region"]')) ?? '').toContain('France');
    expect((await page.textContent('[data-source-for="pue"]'))?.trim()).toBe(''); // given by the user: no default note
    await screenshot(page, 'energy');

    const url = page.url();
    const again = await page.context().newPage();
    await again.goto(url);
    expect(await again.inputValue('[name="region"]')).toBe('FRA');
    for (const k of ['energy', 'co2e', 'households', 'carKm', 'flights']) expect(await out(again, k), k).toBe(await out(page, k));
    await page.context().close();
  });

  it('shows the everyday equivalents with the CO2e interval: a headline and rows in the intervals table', async () => {
    const page = await site.open('/energy/');
    await fill(page, 'params', '13B');
    await fill(page, 'tokens', '1T');
    await fill(page, 'count', '256');
    await fill(page, 'region', 'FRA');
    await page.waitForFunction(() => !document.querySelector('[data-headline][data-pending]') && document.getElementById('energy-uncertainty')?.dataset.state === 'ready');
    // The page's own Monte Carlo (4,000 draws, seed 42) of the same form values, through core.
    const values = { preset: '', params: '13B', tokens: '1T', hardware: 'nvidia-h100-sxm5-80gb', count: '256', mfu: '', watts: '', powerFraction: '', hostOverhead: '', pue: '', region: 'FRA', grid: '', household: 'us' };
    const q = equivalentsInterval(estimateRunUncertain({ ...specFromValues(values), samples: 4000, seed: 42 }));
    const head = (await page.textContent('[data-headline="equivalents"]')) ?? '';
    for (const name of ['carKmUs', 'flightsNySf', 'treeYears', 'householdYears'] as const) {
      const x = q[name]!;
      expect(head).toContain(`≈ ${formatCount(x.median)} ${x.unit} (5–95 %: ${formatCount(x.low)} – ${formatCount(x.high)})`);
      const row = page.locator('#energy-uncertainty [data-intervals] tr', { hasText: `≈ ${x.unit}` });
      expect(await row.locator('td').allTextContents()).toEqual([formatCount(x.median), `${formatCount(x.low)} – ${formatCount(x.high)}`]);
    }
  });

  it('an unknown region gets a did-you-mean message beside the field; a region and a grid together are refused', async () => {
    const page = await site.open('/energy/');
    await fill(page, 'region', 'Frnace');
    const msg = (await page.textContent('[data-error-for="region"]')) ?? '';
    expect(msg).toMatch(/unknown region/);
    await fill(page, 'region', 'world');
    await fill(page, 'grid', '100');
    expect((await page.textContent('[data-error-for="grid"]')) ?? '').toMatch(/region/);
    await fill(page, 'region', '');
    expect((await page.textContent('[data-error-for="grid"]')) ?? '').toBe('');
    const e = estimateRun({ params: 70e9, tokens: 1.4e12, hardware: 'nvidia-h100-sxm5-80gb', count: 1024, gridGCO2ePerKWh: 100, household: 'us' });
    expect(await out(page, 'co2e')).toBe(formatCO2eKg(e.co2eKg));
    expect((await page.textContent('main')) ?? '').not.toMatch(/NaN|Infinity/);
    await page.context().close();
    expect(site.pageErrors).toEqual([]);
  });
});
