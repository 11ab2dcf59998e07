/**
 * Page state in the query string, so a link reproduces the view. Only values
 * that differ from the form's defaults are written, keeping links short.
 */

/** Form controls named in `form`, keyed by name. */
function controls(form: HTMLFormElement): (HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement)[] {
  return Array.from(form.elements).filter(
    (el): el is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement =>
      (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) &&
      !!el.name && !el.dataset.noUrl,
  );
}

function valueOf(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): string {
  if (el instanceof HTMLInputElement && el.type === 'checkbox') return el.checked ? '1' : '0';
  return el.value;
}

function defaultOf(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): string {
  if (el instanceof HTMLInputElement && el.type === 'checkbox') return el.defaultChecked ? '1' : '0';
  if (el instanceof HTMLSelectElement) {
    const opt = Array.from(el.options).find((o) => o.defaultSelected) ?? el.options[0];
    return opt?.value ?? '';
  }
  return el.defaultValue;
}

/** Copies query-string values into the form (unknown keys are ignored). */
export function loadFormFromUrl(form: HTMLFormElement, search = location.search): void {
  const params = new URLSearchParams(search);
  for (const el of controls(form)) {
    const v = params.get(el.name);
    if (v === null) continue;
    if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = v === '1' || v === 'true';
    else if (el instanceof HTMLSelectElement && !Array.from(el.options).some((o) => o.value === v)) continue;
    else el.value = v;
  }
}

/** Current form values, all of them (for computing). */
export function readForm(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const el of controls(form)) out[el.name] = valueOf(el);
  return out;
}

/** Writes non-default form values to the query string without adding history entries. */
export function saveFormToUrl(form: HTMLFormElement): void {
  // Keep other forms' keys (a page may hold several widgets, each with its own field names).
  const params = new URLSearchParams(location.search);
  for (const el of controls(form)) {
    const v = valueOf(el);
    if (v !== defaultOf(el)) params.set(el.name, v);
    else params.delete(el.name);
  }
  const qs = params.toString();
  const url = `${location.pathname}${qs ? `?${qs}` : ''}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, '', url);
}
