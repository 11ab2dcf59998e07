/**
 * Reading a `--law` argument that names a file (shared by `optimal` and `project`):
 * a published law id otherwise. The only I/O; what the JSON holds is checked by the callers
 * (validateLaw and friends in the pure core).
 */
import { existsSync } from 'node:fs';
import { InputError } from '../errors.js';
import { scalingLabJsonKind } from '../jsonKind.js';
import { readJsonFile } from './readFile.js';

/** Whether `arg` names a file (a .json name, a path, or an existing file) rather than a published law id. */
export function isLawFile(arg: string): boolean {
  return /\.json$/i.test(arg) || arg.includes('/') || existsSync(arg);
}

/** The JSON object in the file `arg`; InputError for `--law` when it cannot be read, is not JSON, or is not an object. */
export function readLawJson(arg: string): Record<string, unknown> {
  const fix = 'give a fit JSON written by `scaling-lab fit --out`, or a published law id';
  const { text, json } = readJsonFile(arg, '--law', fix);
  const kind = scalingLabJsonKind(text);
  if (kind && !(json && typeof json === 'object' && ('law' in (json as object) || 'frontier' in (json as object) || 'form' in (json as object)))) {
    throw new InputError('--law', `"${arg}" is ${kind}, not a scaling law`, fix);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new InputError('--law', `"${arg}" holds ${Array.isArray(json) ? 'an array' : JSON.stringify(json)}, not a JSON object`, fix);
  }
  return json as Record<string, unknown>;
}

/**
 * Refuses a fit JSON whose fit is not identified (fit/identification.ts): a projection from it would be
 * confident nonsense. The fit command wrote the reason; it is repeated here.
 */
export function refuseUnidentified(arg: string, json: Record<string, unknown>): void {
  const id = json.identification as { identified?: unknown; summary?: unknown } | undefined;
  if (id && id.identified === false) {
    throw new InputError('--law', `"${arg}" holds a fit that is not identified, so nothing is projected from it (${String(id.summary ?? '').replace(/^this fit is not identified: /, '')})`, 'refit with runs at 3 or more model sizes and budgets whose loss falls with size and data');
  }
}

/** JSON path of a field of a law written at the file's top level (validated as `law`, but there is no `law` key). */
export const atRoot = (field: string): string => (field === 'law' ? '(top level)' : field.replace(/^law\./, ''));
