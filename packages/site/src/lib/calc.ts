/**
 * Binds a calculator form: URL state in and out, recompute on every input,
 * InputError messages shown beside the named field (never NaN in the outputs).
 */
import { InputError } from '@scaling-lab/core';
import { loadFormFromUrl, readForm, saveFormToUrl, type UrlProblem } from './url-state';
import { markFresh, markStale } from './stale';

export interface CalcOptions<R> {
  form: HTMLFormElement;
  /** Pure: form values → result; throws InputError on bad input. */
  compute: (values: Record<string, string>) => R;
  /** Draws the result (outputs, charts). */
  render: (result: R, values: Record<string, string>) => void;
  /** Called when inputs are invalid (e.g. to grey out outputs). */
  invalid?: (err: unknown) => void;
  /** Map from core's field names (e.g. `spec.params`) to form control names. */
  fieldAlias?: Record<string, string>;
}

export interface Calc<R> {
  /** Last good result, or null while the inputs are invalid. */
  result: () => R | null;
  values: () => Record<string, string>;
  recompute: () => void;
}

function errorSlot(form: HTMLFormElement, field: string): HTMLElement | null {
  return form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(field)}"]`);
}

export function clearErrors(form: HTMLFormElement): void {
  form.querySelectorAll<HTMLElement>('[data-error-for]').forEach((el) => (el.textContent = ''));
  form.querySelectorAll('[aria-invalid="true"]').forEach((el) => el.removeAttribute('aria-invalid'));
  const general = form.querySelector<HTMLElement>('.form-error');
  if (general) general.textContent = '';
}

/** Shows an error beside its field when the form has one, else in the form's general error slot. */
export function showError(form: HTMLFormElement, err: unknown, alias: Record<string, string> = {}): void {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof InputError) {
    const candidates = [alias[err.field], err.field, err.field.split('.')[0], err.field.split('.').pop() ?? ''].filter(Boolean) as string[];
    for (const name of candidates) {
      const slot = errorSlot(form, name);
      if (slot) {
        slot.textContent = message;
        form.querySelector(`[name="${CSS.escape(name)}"]`)?.setAttribute('aria-invalid', 'true');
        return;
      }
    }
  }
  const general = form.querySelector<HTMLElement>('.form-error');
  if (general) general.textContent = message;
  else console.error(err);
}

/** Shows a link value the form could not take beside its field. */
function showUrlProblem(form: HTMLFormElement, p: UrlProblem): void {
  const slot = errorSlot(form, p.field);
  const general = form.querySelector<HTMLElement>('.form-error');
  if (slot) {
    slot.textContent = p.message;
    form.querySelector(`[name="${CSS.escape(p.field)}"]`)?.setAttribute('aria-invalid', 'true');
  } else if (general) general.textContent = `${p.field}: ${p.message}`;
}

export function bindCalculator<R>(opts: CalcOptions<R>): Calc<R> {
  const { form } = opts;
  let last: R | null = null;
  let values: Record<string, string> = {};
  // Link values the form could not take keep the results stale until the reader edits that field.
  const urlProblems = new Map(loadFormFromUrl(form).map((p) => [p.field, p]));
  let fromLink = location.search.length > 1;
  let rendered = false;
  const recompute = () => {
    values = readForm(form);
    saveFormToUrl(form);
    clearErrors(form);
    let err: unknown = null;
    try {
      last = opts.compute(values);
    } catch (e) {
      err = e;
    }
    if (err === null && urlProblems.size) err = 'url';
    if (err !== null) {
      last = null;
      if (err !== 'url') showError(form, err, opts.fieldAlias);
      for (const p of urlProblems.values()) showUrlProblem(form, p);
      form.dataset.state = 'invalid';
      markStale(form, fromLink && !rendered);
      opts.invalid?.(err);
      return;
    }
    form.dataset.state = 'ok';
    markFresh(form);
    rendered = true;
    opts.render(last as R, values);
  };
  const edited = (e: Event) => {
    const name = (e.target as HTMLInputElement | null)?.name;
    if (name) urlProblems.delete(name);
    fromLink = false;
    recompute();
  };
  form.addEventListener('input', edited);
  form.addEventListener('change', edited);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    recompute();
  });
  recompute();
  return { result: () => last, values: () => values, recompute };
}

/** Writes text into every `[data-out="key"]` under root. */
export function setOutputs(root: ParentNode, outputs: Record<string, string>): void {
  for (const [k, v] of Object.entries(outputs)) {
    root.querySelectorAll<HTMLElement>(`[data-out="${k}"]`).forEach((el) => (el.textContent = v));
  }
}
