/**
 * Page state in the query string, so a link reproduces the view. Only values
 * that differ from the form's defaults are written, keeping links short.
 */

/**
 * Form controls named in `form` that live in the URL. File inputs never do (their
 * value is a fake path and cannot be set back); nor does anything marked
 * `data-no-url` (an empty attribute counts: test presence, not truthiness).
 */
function controls(form: HTMLFormElement): (HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement)[] {
  return Array.from(form.elements).filter(
    (el): el is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement =>
      (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) &&
      !!el.name && !el.hasAttribute('data-no-url') && !(el instanceof HTMLInputElement && el.type === 'file'),
  );
}

/** A value in the link that the form could not take (shown beside the field; the results are marked stale). */
export interface UrlProblem {
  field: string;
  message: string;
}

/** Longest value taken from a link (a 5,000-digit value is refused, not laid out). */
export const MAX_URL_VALUE_CHARS = 200;

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

const shown = (v: string) => (v.length > 40 ? `${v.slice(0, 40)}… (${v.length.toLocaleString('en-US')} characters)` : v);

/**
 * Copies query-string values into the form (keys that name no field are ignored).
 * Returns the values it could not take — a choice not in a list, a checkbox that
 * is neither 0 nor 1, an over-long value — so the page can say so instead of
 * silently showing its defaults.
 */
export function loadFormFromUrl(form: HTMLFormElement, search = location.search): UrlProblem[] {
  const params = new URLSearchParams(search);
  const problems: UrlProblem[] = [];
  for (const el of controls(form)) {
    const v = params.get(el.name);
    if (v === null) continue;
    if (v.length > MAX_URL_VALUE_CHARS) {
      problems.push({ field: el.name, message: `the link's value "${shown(v)}" is too long (over ${MAX_URL_VALUE_CHARS} characters): enter a shorter one` });
      continue;
    }
    if (el instanceof HTMLInputElement && el.type === 'checkbox') {
      if (['1', 'true', '0', 'false', ''].includes(v)) el.checked = v === '1' || v === 'true';
      else problems.push({ field: el.name, message: `the link's value "${shown(v)}" is not 0 or 1: tick or untick the box` });
    } else if (el instanceof HTMLSelectElement && !Array.from(el.options).some((o) => o.value === v)) {
      problems.push({ field: el.name, message: `the link's value "${shown(v)}" is not one of the choices: choose one from the list` });
    } else {
      el.value = v;
      // A range or number input sanitises what it cannot hold (to its default): say so, never drop it silently.
      if (el.value !== v) problems.push({ field: el.name, message: `the link's value "${shown(v)}" is not a number this field takes: enter one` });
    }
  }
  return problems;
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
