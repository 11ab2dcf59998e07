/**
 * The API reference (TypeDoc, scripts/api-docs.mjs) is published with the site at
 * <base>/api/: built here with SITE_BASE=/sub/, every entry point and the main functions
 * have pages, every page of the site links to it under /sub/, and every link inside the
 * reference is relative and lands on a file that exists, so it works from any sub-path.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureSiteBuilt, siteDir } from './harness';

const subDir = join(siteDir, 'dist-sub');
const apiDir = join(subDir, 'api');

function htmlUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? htmlUnder(p) : e.endsWith('.html') ? [p] : [];
  });
}
const links = (html: string) => [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]);

beforeAll(() => {
  ensureSiteBuilt({ base: '/sub/', outDir: subDir });
}, 1_200_000);

describe('API reference at /sub/api/', () => {
  it('has a page per entry point and for the main functions, with their doc comments', () => {
    expect(existsSync(join(apiDir, 'index.html'))).toBe(true);
    const modules = readFileSync(join(apiDir, 'modules.html'), 'utf8');
    for (const m of ['@scaling-lab/core', '@scaling-lab/core/train', '@scaling-lab/core/train/pure', '@scaling-lab/core/node', '@scaling-lab/core/node/queue']) {
      expect(modules, m).toContain(`>${m}<`);
    }
    const pages = htmlUnder(apiDir).map((f) => relative(apiDir, f));
    for (const fn of ['estimateRun', 'computeOptimal', 'fitChinchilla', 'trainingFlops', 'createTransformer', 'runSweep']) {
      expect(pages.some((p) => p.startsWith('functions/') && p.endsWith(`.${fn}.html`)), fn).toBe(true);
    }
    const estimate = readFileSync(join(apiDir, pages.find((p) => p.endsWith('.estimateRun.html'))!), 'utf8');
    expect(estimate).toMatch(/Example/);
  });

  it('every site page links to it under the base path', () => {
    const sitePages = htmlUnder(subDir).filter((f) => !f.startsWith(apiDir + '/'));
    expect(sitePages.length).toBeGreaterThan(5);
    for (const f of sitePages) expect(links(readFileSync(f, 'utf8')), relative(subDir, f)).toContain('/sub/api/');
  });

  it('links only relatively inside itself, and every link lands on an existing file', () => {
    const broken: string[] = [];
    for (const f of htmlUnder(apiDir)) {
      for (const l of links(readFileSync(f, 'utf8'))) {
        if (/^(https?:|mailto:|#|data:)/.test(l)) continue;
        if (l.startsWith('/')) {
          broken.push(`${relative(apiDir, f)}: absolute ${l}`);
          continue;
        }
        const target = resolve(dirname(f), decodeURIComponent(l.split(/[?#]/)[0]));
        if (!target.startsWith(apiDir) || !existsSync(target)) broken.push(`${relative(apiDir, f)}: ${l}`);
      }
    }
    expect(broken.slice(0, 20)).toEqual([]);
  });
});
