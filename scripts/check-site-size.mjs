#!/usr/bin/env node
/**
 * Measures the JavaScript each page of the built site ships (gzip), and fails
 * when a calculator page ships more than the budget (100 kB).
 *
 * Per page: every <script> in the HTML (inline or src) plus every module those
 * import statically, followed transitively. Dynamic `import()` targets are
 * loaded lazily (TensorFlow.js on the live-training page) and are reported
 * separately, not charged to the page.
 *
 * Usage: node scripts/check-site-size.mjs [distDir]   (default packages/site/dist)
 * Also imported by packages/site/astro.config.mjs so `astro build` prints the table.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET_KB = 100;
/** Pages holding a calculator (route → budget applies). Keep in sync with packages/site/src/lib/nav.ts. */
export const CALCULATOR_ROUTES = ['/cost/', '/energy/', '/laws/', '/beyond-chinchilla/', '/sweeps/', '/finetune/'];

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

function htmlFiles(dir, top = true) {
  const out = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    // api/ is the TypeDoc reference (scripts/api-docs.mjs): documentation pages, not the site's pages.
    if (top && e === 'api') continue;
    if (statSync(p).isDirectory()) out.push(...htmlFiles(p, false));
    else if (e.endsWith('.html')) out.push(p);
  }
  return out;
}

function routeOf(distDir, file) {
  const rel = relative(distDir, file).split(sep).join('/');
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel}`;
}

// Static imports in (minified) ES modules: `import{a as b}from"./x.js"`, `import"./y.js"`, `export*from"./z.js"`.
const STATIC_RE = /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"'\n]+\.m?js)["']/g;
// Lazy: dynamic `import("…")` and workers / assets referenced as `new URL("….js", import.meta.url)`.
const DYNAMIC_RE = /(?:import\(|new URL\()\s*["']([^"'\n]+\.m?js)["']/g;

function resolveUrl(distDir, fromFile, spec) {
  if (/^https?:/.test(spec)) return null;
  if (spec.startsWith('/')) return join(distDir, spec);
  return resolve(dirname(fromFile), spec);
}

/** Static closure of JS modules from `entries`, plus the dynamic imports seen along the way. */
function closure(distDir, entries) {
  const seen = new Set();
  const lazy = new Set();
  const stack = [...entries];
  while (stack.length) {
    const f = stack.pop();
    if (!f || seen.has(f) || !existsSync(f)) continue;
    seen.add(f);
    const code = readFileSync(f, 'utf8');
    for (const m of code.matchAll(STATIC_RE)) {
      // `import("…")` never matches STATIC_RE: after the keyword it allows only a binding list or a quote.
      const r = resolveUrl(distDir, f, m[1]);
      if (r) stack.push(r);
    }
    for (const m of code.matchAll(DYNAMIC_RE)) {
      const r = resolveUrl(distDir, f, m[1]);
      if (r) lazy.add(r);
    }
  }
  return { files: seen, lazy };
}

/** Per-page gzip JS (bytes): [{ route, jsGzip, files, lazyGzip, calculator }]. */
export function measureSite(distDir) {
  const rows = [];
  for (const file of htmlFiles(distDir)) {
    const html = readFileSync(file, 'utf8');
    let inline = 0;
    const entries = [];
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      const attrs = m[1];
      if (/type=["']?(application\/(ld\+)?json|text\/plain)/i.test(attrs)) continue;
      const src = /\bsrc=["']([^"']+)["']/i.exec(attrs);
      if (src) {
        const r = resolveUrl(distDir, file, src[1]);
        if (r) entries.push(r);
      } else if (m[2].trim()) {
        inline += gz(Buffer.from(m[2]));
        // Inline modules can import chunks too.
        for (const im of m[2].matchAll(STATIC_RE)) {
          const r = resolveUrl(distDir, file, im[1]);
          if (r) entries.push(r);
        }
      }
    }
    for (const m of html.matchAll(/<link\b[^>]*rel=["']modulepreload["'][^>]*href=["']([^"']+)["']/gi)) {
      const r = resolveUrl(distDir, file, m[1]);
      if (r) entries.push(r);
    }
    const { files, lazy } = closure(distDir, entries);
    let jsGzip = inline;
    for (const f of files) jsGzip += gz(readFileSync(f));
    const lazyOnly = [...closure(distDir, [...lazy]).files].filter((f) => !files.has(f));
    let lazyGzip = 0;
    for (const f of lazyOnly) lazyGzip += gz(readFileSync(f));
    const route = routeOf(distDir, file);
    rows.push({ route, jsGzip, files: files.size, lazyGzip, calculator: CALCULATOR_ROUTES.includes(route) });
  }
  return rows.sort((a, b) => a.route.localeCompare(b.route));
}

/** Prints the table; returns the calculator pages over budget. */
export function report(distDir, log = console.log) {
  const rows = measureSite(distDir);
  const kb = (b) => (b / 1024).toFixed(1);
  log('page JavaScript (gzip, static imports; lazy = loaded on demand)');
  log(`${'route'.padEnd(24)} ${'JS kB'.padStart(8)} ${'files'.padStart(6)} ${'lazy kB'.padStart(9)}  budget`);
  const over = [];
  for (const r of rows) {
    const budget = r.calculator ? (r.jsGzip > BUDGET_KB * 1024 ? `OVER ${BUDGET_KB} kB` : `≤ ${BUDGET_KB} kB ok`) : '-';
    if (r.calculator && r.jsGzip > BUDGET_KB * 1024) over.push(r);
    log(`${r.route.padEnd(24)} ${kb(r.jsGzip).padStart(8)} ${String(r.files).padStart(6)} ${kb(r.lazyGzip).padStart(9)}  ${budget}`);
  }
  return { rows, over };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const distDir = resolve(process.argv[2] ?? join(root, 'packages/site/dist'));
  if (!existsSync(join(distDir, 'index.html'))) {
    console.error(`check-site-size: no built site at ${distDir} (run: cd packages/site && ASTRO_TELEMETRY_DISABLED=1 npx astro build)`);
    process.exit(2);
  }
  const { rows, over } = report(distDir);
  const missing = CALCULATOR_ROUTES.filter((r) => !rows.some((x) => x.route === r));
  if (missing.length) console.error(`check-site-size: calculator pages missing from the build: ${missing.join(', ')}`);
  if (over.length) {
    console.error(`check-site-size: over the ${BUDGET_KB} kB budget: ${over.map((r) => `${r.route} (${(r.jsGzip / 1024).toFixed(1)} kB)`).join(', ')}`);
    process.exit(1);
  }
  if (missing.length) process.exit(1);
}
