/** Training loop, live: core's tiny transformer trains in chromium on the WASM backend and its loss falls. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, screenshot, waitUntil, type Site } from './harness';
import type { InputError } from '@scaling-lab/core';
import { checkModelShape } from '@scaling-lab/core/train/pure';

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
    const page = await site.open('/live/?steps=120&batchSize=8&dModel=32&layers=1&context=16&textChars=8000&learningRate=0.01&dropout=0.1');
    expect(await page.inputValue('[name="steps"]')).toBe('120');
    expect(await page.inputValue('[name="dropout"]')).toBe('0.1'); // dropout is live (training only) and in the URL
    expect(await page.isEnabled('[name="dropout"]')).toBe(true);
    expect(await page.inputValue('[name="learningRate"]')).toBe('0.01');
    await page.click('#start');
    await waitUntil(site, page, () => ['done', 'diverged', 'error'].includes(document.getElementById('status')!.dataset.state!), 180_000, 'training to finish');
    const status = await page.textContent('#status');
    expect(await page.getAttribute('#status', 'data-state'), status ?? '').toBe('done');
    expect(await page.textContent('[data-out="backend"]')).toBe('wasm');
    // the training step ran on the engine's own WebAssembly kernels inside the backend's heap, not the fallback
    expect(await page.textContent('[data-out="stepEngine"]')).toBe('hand-written WASM kernels');
    const first = num(await page.textContent('[data-out="firstLoss"]'));
    const last = num(await page.textContent('[data-out="trainLoss"]'));
    expect(Number.isFinite(first) && Number.isFinite(last)).toBe(true);
    expect(last).toBeLessThan(first - 0.3);
    // the loop's own validation loss, reported through the progress callback
    expect(Number.isFinite(num(await page.textContent('[data-out="valLoss"]')))).toBe(true);
    expect(await page.locator('#live-chart path.series').count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'live-trained');
    // Invalid input: a message beside the field, the Train button disabled.
    await page.fill('[name="heads"]', '3');
    await page.dispatchEvent('[name="heads"]', 'input');
    expect(await page.getAttribute('#start', 'disabled')).not.toBeNull();
    // core's one shape check (checkModelShape) wrote the message, as the sweep spec and the trainer would
    let shapeError = '';
    try {
      checkModelShape({ layers: 2, dModel: Number(await page.inputValue('[name="dModel"]')), heads: 3 }, { field: '', limits: { heads: { min: 1 } } });
    } catch (err) {
      shapeError = (err as InputError).problem;
    }
    expect(shapeError).toMatch(/is not a multiple of heads 3/);
    expect(await page.textContent('[data-error-for="heads"]')).toContain(shapeError);
    await page.context().close();
  });

  it('fails loudly when the WASM backend cannot start (no silent fallback)', async () => {
    const page = await site.open('/live/?steps=20&dModel=16&layers=1&context=8');
    await page.context().route('**/*.wasm', (route) => route.abort());
    await page.click('#start');
    await waitUntil(site, page, () => ['done', 'diverged', 'error'].includes(document.getElementById('status')!.dataset.state!), 120_000, 'the failed start');
    expect(await page.getAttribute('#status', 'data-state')).toBe('error');
    expect(await page.textContent('#status')).toMatch(/WASM backend failed to start/);
    expect(await page.textContent('[data-out="backend"]')).not.toMatch(/cpu|webgl/);
    await page.context().close();
  });

  it('a high learning rate diverges, and early stopping halts an overfitting run at its best validation loss', async () => {
    const page = await site.open('/live/');
    await page.click('[data-preset="diverge"]');
    expect(page.url()).toContain('learningRate=0.3');
    await page.click('#start');
    await waitUntil(site, page, () => ['done', 'diverged', 'error'].includes(document.getElementById('status')!.dataset.state!), 120_000, 'the diverging run');
    expect(await page.getAttribute('#status', 'data-state'), (await page.textContent('#status')) ?? '').toBe('diverged');

    await page.click('[data-preset="early"]');
    await page.click('#start');
    await waitUntil(site, page, () => ['done', 'diverged', 'error'].includes(document.getElementById('status')!.dataset.state!), 240_000, 'the early-stopped run');
    const status = (await page.textContent('#status')) ?? '';
    expect(status).toMatch(/Stopped early: validation loss last improved at step (\d+)/);
    const bestStep = Number(/step (\d+)/.exec(status)![1]);
    const lastStep = Number(((await page.textContent('[data-out="step"]')) ?? '').split('/')[0]);
    expect(bestStep).toBeLessThan(lastStep);
    expect(lastStep).toBeLessThan(800);
    // Overfitting: training loss ends below the best validation loss, and validation ended above its best.
    const val = Number.parseFloat((await page.textContent('[data-out="valLoss"]')) ?? '');
    const best = Number.parseFloat((await page.textContent('[data-out="bestVal"]')) ?? '');
    expect(val).toBeGreaterThan(best);
    await screenshot(page, 'live-early-stopping');
    await page.context().close();
    expect(site.pageErrors).toEqual([]);
  });
});
