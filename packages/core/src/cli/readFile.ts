/**
 * Reading a file the user named on the command line (the CLI's only file I/O for inputs): one
 * place that turns a missing file or bad JSON into one line naming the flag, instead of a copy
 * of the same try/catch in every command.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';

/** The file's text; InputError for `flag` when it cannot be read. */
export function readTextFile(path: string, flag: string, fix: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError(flag, `cannot read "${path}" (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, fix);
  }
}

/** The file's text and parsed JSON; InputError for `flag` when it cannot be read or is not JSON. */
export function readJsonFile(path: string, flag: string, fix: string): { text: string; json: unknown } {
  const text = readTextFile(path, flag, fix);
  try {
    return { text, json: JSON.parse(text) as unknown };
  } catch (err) {
    throw new InputError(flag, `"${path}" is not valid JSON (${(err as Error).message})`, fix);
  }
}
