#!/usr/bin/env node
/**
 * The API reference: TypeDoc (pinned in the root package.json) over the entry points
 * of @scaling-lab/core (packages/core/typedoc.json), written as static HTML. The site
 * build calls `buildApiReference(dist/api)` from astro.config.mjs, so the reference is
 * published with the site at <base>/api/; TypeDoc's links are relative, so the pages
 * work under any SITE_BASE sub-path.
 *
 * Usage: node scripts/api-docs.mjs [outDir]   (default packages/core/api-docs, git-ignored)
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application, LogLevel } from 'typedoc';

const core = join(dirname(fileURLToPath(import.meta.url)), '..', 'packages', 'core');

/** Writes the reference into `outDir`; throws when TypeDoc reports an error (a broken {@link}, a missing entry point). */
export async function buildApiReference(outDir, log = console.log) {
  const app = await Application.bootstrapWithPlugins({
    options: join(core, 'typedoc.json'),
    out: outDir,
    logLevel: LogLevel.Warn,
  });
  const project = await app.convert();
  if (!project || app.logger.hasErrors()) throw new Error('TypeDoc could not convert packages/core (see the errors above)');
  await app.generateDocs(project, outDir);
  if (app.logger.hasErrors()) throw new Error('TypeDoc failed to write the API reference (see the errors above)');
  log(`API reference: ${outDir} (${app.logger.warningCount} TypeDoc warnings)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildApiReference(resolve(process.argv[2] ?? join(core, 'api-docs')));
}
