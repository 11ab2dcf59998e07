// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { report } from '../../scripts/check-site-size.mjs';

/** Prints the gzip JavaScript each page ships after `astro build` (the check itself is `npm run check:size`). */
function pageSizeReport() {
  return {
    name: 'scaling-lab:page-size-report',
    hooks: {
      /** @param {{ dir: URL, logger: { info: (s: string) => void } }} opts */
      'astro:build:done': ({ dir, logger }) => {
        const lines = [];
        report(fileURLToPath(dir), (line) => lines.push(line));
        logger.info(`\n${lines.join('\n')}`);
      },
    },
  };
}

/**
 * Publishes the TypeDoc API reference of @scaling-lab/core with the site, at <base>/api/
 * (scripts/api-docs.mjs; its links are relative, so it works under any SITE_BASE).
 * Imported lazily so `astro dev` and `astro check` do not load TypeDoc.
 */
function apiReference() {
  return {
    name: 'scaling-lab:api-reference',
    hooks: {
      /** @param {{ dir: URL, logger: { info: (s: string) => void } }} opts */
      'astro:build:done': async ({ dir, logger }) => {
        const { buildApiReference } = await import('../../scripts/api-docs.mjs');
        await buildApiReference(fileURLToPath(new URL('api/', dir)), (line) => logger.info(line));
      },
    },
  };
}

/**
 * Astro's vite config excludes `node-fetch` from dependency pre-bundling
 * (astro/dist/core/create-vite.js). TensorFlow.js pulls node-fetch → whatwg-url,
 * and without pre-bundling `astro dev` fails on the live-training page with a
 * "whatwg-url does not provide a default export" error. This plugin takes
 * node-fetch back out of the exclude list. It only affects the dev server;
 * `astro build` does not use optimizeDeps.
 */
function prebundleNodeFetch() {
  return {
    name: 'scaling-lab:prebundle-node-fetch',
    enforce: /** @type {const} */ ('post'),
    /** @param {import('vite').UserConfig} config */
    config(config) {
      const exclude = config.optimizeDeps?.exclude;
      if (Array.isArray(exclude)) {
        const i = exclude.indexOf('node-fetch');
        if (i >= 0) exclude.splice(i, 1);
      }
    },
  };
}

/**
 * Where the site is served: `SITE_BASE=/sub/ npm run build -w packages/site` builds it for
 * https://host/sub/ (every link goes through src/lib/base.ts); the default is the root.
 * `SITE_OUT_DIR` builds elsewhere than dist/ (the sub-path browser test uses it).
 */
const base = process.env.SITE_BASE || '/';
const outDir = process.env.SITE_OUT_DIR || './dist';

export default defineConfig({
  // A static build under a configurable base path: the site works from any host or sub-folder.
  output: 'static',
  base,
  outDir,
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'auto' },
  devToolbar: { enabled: false },
  // pageSizeReport first: it measures the site's own pages, before api/ is written.
  integrations: [pageSizeReport(), apiReference()],
  vite: {
    plugins: [prebundleNodeFetch()],
    // The base for src/lib/base.ts, in page scripts and in the build-time render alike (import.meta.env.BASE_URL
    // reads '/' during Astro's prerender, so the static HTML linked to the host's root).
    define: { __SITE_BASE__: JSON.stringify(base) },
    // The live trainer's worker is an ES module (TensorFlow.js loads lazily inside it).
    worker: { format: 'es' },
    build: {
      // One core chunk per page keeps the per-page JS figure honest; no sourcemaps keeps the build light.
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 4000,
    },
  },
});
