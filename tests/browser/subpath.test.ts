/**
 * Sub-path hosting (issue #15 item 6): the site built with SITE_BASE=/sub/ and
 * served by a plain static server from /sub/ loads every script and asset (no
 * 404) and its calculators compute; nothing links to the host's root.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { estimateRun, formatFlops } from '@scaling-lab/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ensureSiteBuilt, fill, launchBrowser, out, siteDir } from './harness';
import { NAV } from '../../packages/site/src/lib/nav';

const subDir = join(siteDir, 'dist-sub');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.txt': 'text/plain', '.wasm': 'application/wasm', '.json': 'application/json' };

let server: Server;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  ensureSiteBuilt({ base: '/sub/', outDir: subDir });
  // Serves dist-sub/ under /sub/ only; anything outside /sub/ is a 404, as on a shared host.
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith('/sub/')) {
      res.writeHead(404).end('outside /sub/');
      return;
    }
    let file = normalize(join(subDir, decodeURIComponent(url.pathname.slice('/sub/'.length))));
    if (!file.startsWith(subDir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  baseUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close().catch(() => {});
  await new Promise((r) => server?.close(r));
});

describe('served from /sub/', () => {
  it('every page loads all its scripts and assets from /sub/, and the calculators compute', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const failed: string[] = [];
    const errors: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    page.on('pageerror', (e) => errors.push(e.message));
    for (const item of [{ href: '/' }, ...NAV]) {
      await page.goto(`${baseUrl}/sub${item.href}`);
      await page.waitForLoadState('networkidle');
      const rootLinks = await page.$$eval('a[href], link[href], script[src]', (els) =>
        els.map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? '').filter((h) => h.startsWith('/') && !h.startsWith('/sub/')),
      );
      expect(rootLinks, item.href).toEqual([]);
    }
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);

    await page.goto(`${baseUrl}/sub/cost/`);
    await fill(page, 'params', '13B');
    await fill(page, 'tokens', '3T');
    const e = estimateRun({ params: 13e9, tokens: 3e12, hardware: 'nvidia-h100-sxm5-80gb', count: 1024 });
    expect(await out(page, 'flops')).toBe(formatFlops(e.flops!));
    expect(page.url()).toMatch(/\/sub\/cost\/\?/);
    await page.goto(`${baseUrl}/sub/laws/`);
    expect(await page.getAttribute('#price-link', 'href')).toMatch(/^\/sub\/cost\/\?/);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
