/**
 * Makes every `.table-scroll` wrapper a named, focusable region, so a table
 * wider than the screen can be scrolled from the keyboard (WCAG 2.1.1; axe's
 * scrollable-region-focusable rule). Re-run cheaply: already-marked ones are skipped.
 */
export function focusableScrollers(root: ParentNode): void {
  // Landmark names must be unique (axe landmark-unique): a second table under one heading becomes "… table 2".
  const used = new Set(Array.from(document.querySelectorAll('.table-scroll[aria-label]'), (e) => e.getAttribute('aria-label')));
  root.querySelectorAll<HTMLElement>('.table-scroll:not([tabindex])').forEach((el) => {
    el.tabIndex = 0;
    el.setAttribute('role', 'region');
    const caption = (el.querySelector('caption')?.textContent ?? el.closest('section')?.querySelector('h2, h3')?.textContent ?? 'table').trim();
    let label = `${caption} (scrolls sideways)`;
    for (let n = 2; used.has(label); n++) label = `${caption}, table ${n} (scrolls sideways)`;
    used.add(label);
    el.setAttribute('aria-label', label);
  });
}
