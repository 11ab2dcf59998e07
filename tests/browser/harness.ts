/**
 * Browser-test harness: builds the site when `packages/site/dist` is missing or
 * older than its sources (or core's dist), serves it with `astro preview` on a
 * free port (spawned with process.execPath, stopped by PID), and drives Debian's
 * chromium through playwright-core (never a downloaded browser).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const siteDir = join(repoRoot, 'packages/site');
export const distDir = join(siteDir, 'dist');
export const artifactsDir = join(repoRoot, 'test-artifacts');
const astroBin = join(repoRoot, 'node_modules/astro/astro.js');

/** Newest modification time (ms) of any file under `path`. */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry === '.astro') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Inputs whose change makes the built site stale. */
const SOURCES = [
  join(siteDir, 'src'),
  join(siteDir, 'public'),
  join(siteDir, 'astro.config.mjs'),
  join(siteDir, 'package.json'),
  join(repoRoot, 'packages/core/dist'),
  join(repoRoot, 'sweeps/results'),
  // the API reference the build publishes at api/
  join(repoRoot, 'packages/core/typedoc.json'),
  join(repoRoot, 'scripts/api-docs.mjs'),
];

export function siteIsStale(dir = distDir): boolean {
  const built = join(dir, 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > builtAt);
}

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds the site unless a fresh build exists. A lock directory (mkdir is
 * atomic) keeps two test runs on one checkout from building into the same
 * dist/ at once; a lock older than 15 minutes is taken as abandoned.
 */
export function ensureSiteBuilt(opts: { base?: string; outDir?: string } = {}): void {
  if (!existsSync(join(repoRoot, 'packages/core/dist/index.js'))) {
    throw new Error('packages/core/dist is missing: run `npm run build` at the repository root first');
  }
  const outDir = opts.outDir ?? distDir;
  const lock = join(siteDir, outDir === distDir ? '.astro-build.lock' : '.astro-build-sub.lock');
  const deadline = Date.now() + 20 * 60_000;
  for (;;) {
    if (!siteIsStale(outDir)) return;
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 15 * 60_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`waited 20 min for another site build (${lock})`);
      sleepSync(1000);
    }
  }
  const build = () =>
    execFileSync(process.execPath, [astroBin, 'build', '--silent'], {
      cwd: siteDir,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SITE_BASE: opts.base ?? '/', SITE_OUT_DIR: outDir },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  try {
    try {
      build();
    } catch {
      // One retry: core's dist may have been mid-rebuild (tsc -b) when the build read it.
      sleepSync(5000);
      build();
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

export interface Preview {
  baseUrl: string;
  stop: () => void;
}

/** Starts `astro preview` on a free port and waits until it answers. */
export async function startPreview(): Promise<Preview> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [astroBin, 'preview', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: siteDir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = () => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`astro preview exited (${child.exitCode}):\n${log}`);
    try {
      const r = await fetch(`${baseUrl}/`);
      if (r.ok) return { baseUrl, stop };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`astro preview did not answer on ${baseUrl} within 60 s:\n${log}`);
}

/** The chromium to drive: $CHROME_PATH, else the `chromium` on PATH. */
export function chromePath(): string {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('no chromium found: install Debian chromium (apt-get install -y chromium) or set CHROME_PATH');
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromePath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Saves a full-page screenshot to test-artifacts/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
}

export interface Site {
  baseUrl: string;
  browser: Browser;
  /** Opens a page, failing the test on uncaught page errors. */
  open: (path: string, opts?: { javaScriptEnabled?: boolean; width?: number }) => Promise<Page>;
  close: () => Promise<void>;
  /** Uncaught errors seen on pages opened so far. */
  pageErrors: string[];
}

/** Build (if needed) + preview + browser, for one test file's beforeAll. */
export async function openSite(): Promise<Site> {
  ensureSiteBuilt();
  const preview = await startPreview();
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (err) {
    preview.stop();
    throw err;
  }
  const pageErrors: string[] = [];
  return {
    baseUrl: preview.baseUrl,
    browser,
    pageErrors,
    open: async (path, opts = {}) => {
      const context = await browser.newContext({
        javaScriptEnabled: opts.javaScriptEnabled ?? true,
        viewport: { width: opts.width ?? 1200, height: 900 },
        acceptDownloads: true,
      });
      const page = await context.newPage();
      page.on('pageerror', (e) => pageErrors.push(`${path}: ${e.message}`));
      await page.goto(`${preview.baseUrl}${path}`);
      return page;
    },
    close: async () => {
      await browser?.close().catch(() => {});
      preview.stop();
    },
  };
}

/** Sets a text/number input's value as a user would (select all, type) and waits for the recompute. */
export async function fill(page: Page, name: string, value: string): Promise<void> {
  await page.fill(`[name="${name}"]`, value);
  await page.dispatchEvent(`[name="${name}"]`, 'input');
}

/** Text of the `[data-out=key]` element. */
export async function out(page: Page, key: string): Promise<string> {
  return ((await page.textContent(`[data-out="${key}"]`)) ?? '').trim();
}

/**
 * Polls until `fn` (run in the page) returns true; fails at once when the page
 * threw an uncaught error, else after `timeoutMs`.
 */
export async function waitUntil(site: Site, page: Page, fn: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (site.pageErrors.length) throw new Error(`page error while waiting for ${what}: ${site.pageErrors.join('; ')}`);
    if (await page.evaluate(fn)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
