/** Sweep results: the committed results files, with the fits core computes from them. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fitChinchilla, fitIsoflop, formatFlops, logRmse, parseSweepResults, sig } from '@scaling-lab/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, repoRoot, screenshot, type Site } from './harness';

const dir = join(repoRoot, 'sweeps/results');
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.jsonl') && readFileSync(join(dir, f), 'utf8').trim()).sort() : [];

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('sweep results', () => {
  it('opens on a sweep that both fits succeed on, and names a repeated skip reason once', async () => {
    const page = await site.open('/sweeps/');
    if (files.length === 0) return;
    const name = await page.inputValue('[name="sweep"]');
    const section = page.locator(`section.sweep[data-sweep="${name}"]`);
    expect(((await section.locator('[data-fit="chinchilla"]').textContent()) ?? '').trim()).not.toMatch(/not fitted/);
    expect(((await section.locator('[data-fit="isoflop"]').textContent()) ?? '').trim()).not.toMatch(/not fitted/);
    // The epochs sweep (one model size) is refused by Approach 2; its reason is not repeated once per budget.
    if (files.includes('moby-epochs.jsonl')) {
      await page.selectOption('[name="sweep"]', 'moby-epochs');
      const why = (await page.locator('section.sweep[data-sweep="moby-epochs"] [data-fit="isoflop"]').textContent()) ?? '';
      expect(why.split('fewer than').length - 1).toBeLessThanOrEqual(1);
    }
    await page.context().close();
  });

  it('lists every run of each results file and shows core fitChinchilla on it; charts drawn; URL round-trips', async () => {
    const page = await site.open('/sweeps/');
    if (files.length === 0) {
      expect(await page.textContent('.warn')).toMatch(/No reference sweep results/);
      return;
    }
    for (const file of files) {
      const name = file.replace(/\.jsonl$/, '');
      await page.selectOption('[name="sweep"]', name);
      const text = readFileSync(join(dir, file), 'utf8');
      const lines = text.split('\n').filter((l) => l.trim()).length;
      const section = page.locator(`section.sweep[data-sweep="${name}"]`);
      expect(await section.isVisible()).toBe(true);
      expect(await section.locator('table.runs tbody tr').count()).toBe(lines);
      const points = parseSweepResults(text).points;
      const cell = ((await section.locator('[data-fit="chinchilla"]').textContent()) ?? '').trim();
      // Core refuses some designs (e.g. the epochs sweep: one model size, so α is not identified); the page says why.
      let fit: ReturnType<typeof fitChinchilla> | undefined;
      let refusal = '';
      try {
        if (points.length >= 5) fit = fitChinchilla(points);
      } catch (e) {
        refusal = (e as Error).message;
      }
      if (fit) {
        expect(cell).toContain(`L = ${sig(fit.law.E, 4)} + ${sig(fit.law.A, 4)}/N^${sig(fit.law.alpha, 4)}`);
        expect(cell).toContain(`log-RMSE ${sig(logRmse(fit.law, points), 3)}`);
      } else {
        expect(cell).toMatch(/not fitted/);
        if (refusal) expect(cell).toContain(refusal);
      }
      expect(await page.locator('#chart-curves path.series').count()).toBe(lines);
      expect(await page.locator('#chart-isoflop circle').count()).toBeGreaterThan(0);
    }
    await page.check('[name="logLoss"]');
    await screenshot(page, 'sweeps');
    const again = await page.context().newPage();
    await again.goto(page.url());
    expect(await again.isChecked('[name="logLoss"]')).toBe(true);
    expect(await again.inputValue('[name="sweep"]')).toBe(await page.inputValue('[name="sweep"]'));
    await page.context().close();
    expect(site.pageErrors).toEqual([]);
  });

  it('Approach 2 says how many budgets it used and lists the ones left out with the reason (issue #15 item 12)', async () => {
    let checked = 0;
    for (const f of files) {
      let fit;
      try {
        fit = fitIsoflop(parseSweepResults(readFileSync(join(dir, f), 'utf8'), { source: f }).points);
      } catch {
        continue;
      }
      const name = f.replace(/\.jsonl$/, '');
      const page = await site.open(`/sweeps/?sweep=${encodeURIComponent(name)}`);
      const section = page.locator(`section.sweep[data-sweep="${name}"]`);
      const total = fit.profiles.length + fit.skipped.length;
      expect((await section.locator('[data-fit="isoflop"]').textContent()) ?? '').toContain(`from ${fit.profiles.length} of ${total} budgets`);
      if (fit.skipped.length) {
        const text = (await section.locator('[data-fit="isoflop-skipped"]').textContent()) ?? '';
        for (const k of fit.skipped) expect(text).toContain(`${formatFlops(k.flops, 2)} (${k.runs} runs): ${k.reason}`);
        checked++;
      }
      await page.context().close();
    }
    expect(checked, 'a committed sweep with a budget left out').toBeGreaterThan(0);
  });
});
