/**
 * Checks, before any work, that an output path can be written: its folder exists and is a folder, the
 * path is not a folder, and both allow writing. A fit or sweep that runs for minutes and then fails
 * with a raw ENOENT/EISDIR has wasted the run; this fails first, naming the flag.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../errors.js';

export function assertWritable(flag: string, path: string, opts: { createFolder?: boolean } = {}): void {
  const full = resolve(path);
  const dir = dirname(full);
  const fix = 'give a file path in an existing folder you can write to';
  let st: ReturnType<typeof statSync> | undefined;
  try { st = statSync(full); } catch { st = undefined; }
  if (st?.isDirectory()) throw new InputError(flag, `"${path}" is a folder, not a file`, 'give a file name, e.g. fit.json');
  let dst: ReturnType<typeof statSync> | undefined;
  try { dst = statSync(dir); } catch { dst = undefined; }
  if (!dst) {
    if (opts.createFolder) return;
    throw new InputError(flag, `folder "${dirname(path)}" does not exist`, `create it first (mkdir -p ${dirname(path)}) or ${fix}`);
  }
  if (!dst.isDirectory()) throw new InputError(flag, `"${dirname(path)}" is not a folder`, fix);
  try {
    accessSync(st ? full : dir, constants.W_OK);
  } catch {
    throw new InputError(flag, `cannot write "${path}" (${st ? 'the file is read-only' : 'the folder is read-only'})`, fix);
  }
}
