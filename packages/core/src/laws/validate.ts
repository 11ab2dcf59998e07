/**
 * Checks a law's parameters so every downstream formula gets finite, positive
 * numbers (bad input → InputError naming the parameter, never a silent NaN).
 */
import { InputError, requireNumber } from '../errors.js';
import type { Law, ChinchillaLaw, KaplanLaw } from './types.js';

export function validateChinchillaLaw(law: ChinchillaLaw, field = 'law'): ChinchillaLaw {
  requireNumber(`${field}.E`, law.E, { min: 0 });
  requireNumber(`${field}.A`, law.A, { exclusiveMin: 0 });
  requireNumber(`${field}.B`, law.B, { exclusiveMin: 0 });
  requireNumber(`${field}.alpha`, law.alpha, { exclusiveMin: 0 });
  requireNumber(`${field}.beta`, law.beta, { exclusiveMin: 0 });
  return law;
}

export function validateKaplanLaw(law: KaplanLaw, field = 'law'): KaplanLaw {
  requireNumber(`${field}.alphaN`, law.alphaN, { exclusiveMin: 0 });
  requireNumber(`${field}.paramsC`, law.paramsC, { exclusiveMin: 0 });
  requireNumber(`${field}.alphaD`, law.alphaD, { exclusiveMin: 0 });
  requireNumber(`${field}.tokensC`, law.tokensC, { exclusiveMin: 0 });
  if (law.alphaC !== undefined) requireNumber(`${field}.alphaC`, law.alphaC, { exclusiveMin: 0 });
  if (law.computeCPfDays !== undefined) requireNumber(`${field}.computeCPfDays`, law.computeCPfDays, { exclusiveMin: 0 });
  return law;
}

/**
 * Checks any two-variable law, including parsed JSON of unknown shape: the form, and each
 * coefficient a finite number in range (Chinchilla: E, A, B, α, β; Kaplan: its constants).
 *
 * @param law - the candidate
 * @param field - the field name errors use (default `law`)
 * @returns the law, typed
 * @throws InputError naming the first bad field, e.g. `law.beta`
 * @example
 * ```ts
 * import { validateLaw } from '@scaling-lab/core';
 * validateLaw({ form: 'chinchilla', E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 }).form; // → 'chinchilla'
 * validateLaw({ form: 'chinchilla', E: 1.69, A: 406.4, B: 410.7, alpha: 0.34 }); // → throws InputError
 * ```
 */
export function validateLaw(law: unknown, field = 'law'): Law {
  if (typeof law !== 'object' || law === null) {
    throw new InputError(field, `expected a law object, got ${JSON.stringify(law)}`, 'give { "form": "chinchilla", "E", "A", "B", "alpha", "beta" }');
  }
  const form = (law as { form?: unknown }).form;
  if (form === 'chinchilla') return validateChinchillaLaw(law as ChinchillaLaw, field);
  if (form === 'kaplan') return validateKaplanLaw(law as KaplanLaw, field);
  throw new InputError(`${field}.form`, `unknown law form ${JSON.stringify(form)}`, 'use "chinchilla" or "kaplan"');
}
