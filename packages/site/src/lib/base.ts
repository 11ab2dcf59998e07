/**
 * Links under the site's base path (Astro `base`, set with SITE_BASE at build
 * time), so the site works served from a sub-folder such as `/sub/` as well as
 * from the root. Works at build time and in page scripts (astro.config.mjs defines __SITE_BASE__).
 */
declare const __SITE_BASE__: string;
const BASE = (typeof __SITE_BASE__ === 'string' ? __SITE_BASE__ : '/').replace(/\/+$/, '');

/** `/cost/` → `/sub/cost/` under base `/sub/`; unchanged at the root. */
export function href(path: string): string {
  return `${BASE}${path.startsWith('/') ? path : `/${path}`}`;
}
