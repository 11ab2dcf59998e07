/**
 * Links under the site's base path (Astro `base`, set with SITE_BASE at build
 * time), so the site works served from a sub-folder such as `/sub/` as well as
 * from the root. Works at build time and in page scripts (Vite inlines BASE_URL).
 */
const BASE = (import.meta.env.BASE_URL ?? '/').replace(/\/+$/, '');

/** `/cost/` → `/sub/cost/` under base `/sub/`; unchanged at the root. */
export function href(path: string): string {
  return `${BASE}${path.startsWith('/') ? path : `/${path}`}`;
}
