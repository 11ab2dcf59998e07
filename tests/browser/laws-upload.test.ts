/**
 * Scaling-law explorer, loading training logs: the committed examples in examples/logs/ (a W&B
 * runs-table CSV, a folder's worth of Hugging Face trainer_state.json files) are fitted in the
 * page's worker and show the same law as core's parseLog + fitChinchilla on the same files; a
 * malformed file gives one line beside the field naming file, row and column; the URL never
 * carries the file.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { combineRuns, computeOptimal, fitChinchilla, formatCount, parseLog, sig, type Law } from '@scaling-lab/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, out, repoRoot, waitUntil, type Site } from './harness';

const logs = join(repoRoot, 'examples/logs');
let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const statusText = (page: Page) => page.textContent('#upload-status').then((t) => t ?? '');

/** The page's outputs at its default 1e24 FLOPs budget equal core's for `law`. */
async function expectShows(page: Page, law: Law): Promise<void> {
  const opt = computeOptimal(law, 1e24);
  expect(await page.inputValue('[name="law"]')).toBe('custom');
  expect(await out(page, 'optParams')).toBe(`${formatCount(opt.params)} parameters`);
  expect(await out(page, 'optTokens')).toBe(`${formatCount(opt.tokens)} tokens`);
  expect(await out(page, 'optLoss')).toBe(`${sig(opt.loss, 4)} nats/token`);
}

/** No query parameter names the upload or holds a path into examples/logs. */
function expectUrlHasNoFile(page: Page): void {
  const q = new URL(page.url()).searchParams;
  expect(q.has('upload')).toBe(false);
  for (const [k, v] of q) expect(v, k).not.toMatch(/[\\/]|examples|logs/);
}

describe('scaling-law explorer: uploading training logs', () => {
  it('fits a W&B runs-table CSV as core does, plots its runs, keeps the file out of the URL', async () => {
    const file = join(logs, 'wandb-runs.csv');
    const parsed = parseLog(readFileSync(file, 'utf8'), { source: 'wandb-runs.csv' });
    expect(parsed.skipped.length).toBeGreaterThan(0); // the example holds a run that did not finish
    const law = fitChinchilla(parsed.points).law;
    const page = await site.open('/laws/');
    await page.setInputFiles('#f-upload', file);
    await waitUntil(site, page, () => /Loaded: fitted/.test(document.getElementById('upload-status')!.textContent ?? ''), 120_000, 'the W&B fit');
    expect(await statusText(page)).toContain(`${parsed.points.length} runs, ${parsed.skipped.length} skipped`);
    await expectShows(page, law);
    expect(await page.locator('#chart-frontier circle').count()).toBe(parsed.points.length);
    expect(await page.textContent('[data-error-for="upload"]')).toBe('');
    expectUrlHasNoFile(page);
    expect((await page.textContent('main')) ?? '').not.toMatch(/NaN|Infinity/);
    await page.context().close();
  });

  it('fits a folder of Hugging Face trainer_state.json files (one per run) as core does', async () => {
    const dir = join(logs, 'hf-trainer');
    const files = readdirSync(dir).sort().map((run) => join(dir, run, 'trainer_state.json'));
    const parsed = combineRuns(files.map((f) => parseLog(readFileSync(f, 'utf8'), { source: 'trainer_state.json' })), 'hf-trainer');
    const law = fitChinchilla(parsed.points).law;
    const page = await site.open('/laws/');
    // One file alone is one run: too few to fit, said beside the field.
    await page.setInputFiles('#f-upload', files[0]);
    await waitUntil(site, page, () => (document.querySelector('[data-error-for="upload"]')?.textContent ?? '') !== '', 60_000, 'the one-run message');
    expect(await page.textContent('[data-error-for="upload"]')).toMatch(/trainer_state\.json: .*fewer than the 5 needed/);

    await page.setInputFiles('#f-upload', files);
    await waitUntil(site, page, () => /Loaded: fitted/.test(document.getElementById('upload-status')!.textContent ?? ''), 120_000, 'the trainer_state fit');
    expect(await statusText(page)).toContain(`${files.length} runs`);
    expect(await page.textContent('[data-error-for="upload"]')).toBe('');
    await expectShows(page, law);
    expect(await page.locator('#chart-frontier circle').count()).toBe(files.length);
    expectUrlHasNoFile(page);
    await page.context().close();
  });

  it('a malformed file gives one line beside the field naming the file, row and column', async () => {
    const lines = readFileSync(join(logs, 'wandb-runs.csv'), 'utf8').split('\n');
    const cells = lines[3].split(',');
    const lossAt = lines[0].split(',').indexOf('eval/loss');
    // Commas inside the quoted Tags cell shift the split: find the value by its column from the end.
    cells[cells.length - (lines[0].split(',').length - lossAt)] = 'abc';
    lines[3] = cells.join(',');
    const page = await site.open('/laws/');
    await page.setInputFiles('#f-upload', { name: 'bad-runs.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await waitUntil(site, page, () => (document.querySelector('[data-error-for="upload"]')?.textContent ?? '') !== '', 60_000, 'the error message');
    const message = (await page.textContent('[data-error-for="upload"]')) ?? '';
    expect(message).toMatch(/^bad-runs\.csv row 4 column "eval\/loss": .*"abc"/);
    expect(message).not.toMatch(/\n/);
    expect(await page.getAttribute('#f-upload', 'aria-invalid')).toBe('true');
    expect(await statusText(page)).not.toMatch(/Loaded/);
    expect(await page.inputValue('[name="law"]')).toBe('besiroglu2024'); // the law in use is unchanged
    expectUrlHasNoFile(page);
    await page.context().close();
    expect(site.pageErrors).toEqual([]);
  });
});
