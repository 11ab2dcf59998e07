/**
 * Makes every `.table-scroll` wrapper a named, focusable region, so a table
 * wider than the screen can be scrolled from the keyboard (WCAG 2.1.1; axe's
 * scrollable-region-focusable rule). Re-run cheaply: already-marked ones are skipped.
 */
export function focusableScrollers(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>('.table-scroll:not([tabindex])').forEach((el) => {
    el.tabIndex = 0;
    el.setAttribute('role', 'region');
    const caption = el.querySelector('caption')?.textContent ?? el.closest('section')?.querySelector('h2, h3')?.textContent ?? 'table';
    el.setAttribute('aria-label', `${caption.trim()} (scrolls sideways)`);
  });
}
