/**
 * Marks a calculator's results stale while its inputs are invalid: the results
 * (the section beside the form, or the outputs inside a widget form) are dimmed
 * and a note says why, so old numbers never read as the answer to new input.
 */

/** Where the results of `form` live: its `.calc` container, else the form itself. */
function container(form: HTMLFormElement): HTMLElement {
  return form.closest<HTMLElement>('.calc') ?? form;
}

function note(form: HTMLFormElement): HTMLElement {
  const root = container(form);
  let el = root.querySelector<HTMLElement>(':scope .stale-note');
  if (!el) {
    el = document.createElement('p');
    el.className = 'stale-note';
    el.setAttribute('role', 'status');
    const results = root === form ? null : Array.from(root.children).find((c) => c !== form && c.tagName === 'SECTION');
    if (results) results.prepend(el);
    else form.append(el);
  }
  return el;
}

/** Dims the results; `fromLink`: the page was opened from a link whose inputs are invalid. */
export function markStale(form: HTMLFormElement, fromLink: boolean): void {
  container(form).dataset.stale = fromLink ? 'link' : 'edit';
  note(form).textContent = fromLink
    ? "This link's inputs are not valid, so the results below are the page's defaults, not the link's: fix the highlighted field."
    : 'These results are for the previous inputs: fix the highlighted field.';
}

export function markFresh(form: HTMLFormElement): void {
  const root = container(form);
  delete root.dataset.stale;
  const el = root.querySelector<HTMLElement>(':scope .stale-note');
  if (el) el.textContent = '';
}
