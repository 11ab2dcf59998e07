/**
 * `--queue` URLs: `redis://[user][:password@]host[:port][/db]`, or `rediss://…`
 * for TLS. Parsed with the WHATWG URL parser; a password never appears in
 * anything this module returns for display (`redacted`, `redactSecrets`).
 */
import { InputError } from '../../errors.js';

export interface QueueUrl {
  /** The URL as given (holds the password: never print it). */
  url: string;
  /** The URL with any password replaced by `***`: safe for output and logs. */
  redacted: string;
  host: string;
  port: number;
  db: number;
  tls: boolean;
  username?: string;
  password?: string;
}

const EXAMPLE = 'give e.g. --queue redis://HOST:6379, redis://:PASSWORD@HOST:6379/0 or rediss://HOST:6380 for TLS';

/**
 * Replaces the password of anything that looks like a `scheme://user:password@` URL in
 * `text` with `***`, and every occurrence of `secret` (as given and URL-encoded), so error
 * messages and logs never show a queue's password.
 *
 * @param text - the text to clean, e.g. an error message
 * @param secret - a password to blank wherever it appears; optional
 * @returns the text with the secrets replaced by `***`
 * @example
 * ```ts
 * import { redactSecrets } from '@scaling-lab/core/node/queue';
 * redactSecrets('cannot reach redis://:hunter2@db:6379'); // → 'cannot reach redis://:***@db:6379'
 * redactSecrets('WRONGPASS hunter2', 'hunter2'); // → 'WRONGPASS ***'
 * ```
 */
export function redactSecrets(text: string, secret?: string): string {
  let out = text.replace(/([a-z][a-z0-9+.-]*:\/\/[^\s/@:]*:)[^\s@/]*@/gi, '$1***@');
  if (secret) out = out.split(secret).join('***');
  if (secret && secret !== encodeURIComponent(secret)) out = out.split(encodeURIComponent(secret)).join('***');
  return out;
}

/**
 * Parses a `--queue` URL, `redis://[user][:password@]host[:port][/db]` or `rediss://…` for
 * TLS (the schemes of the IANA registration and redis-cli), with the WHATWG URL parser:
 * port 6379 (Redis's default) and database 0 when left out. `redacted` is the URL with
 * any password as `***`, for output.
 *
 * @param raw - the URL as given
 * @param field - the option named in errors; default `--queue`
 * @returns host, port, db, tls, username and password, the URL and its redacted form
 * @throws InputError when it is not a URL, not redis:// or rediss://, has no host, a path that is not a database number, or a query
 * @example
 * ```ts
 * import { parseQueueUrl } from '@scaling-lab/core/node/queue';
 * const q = parseQueueUrl('rediss://:hunter2@db.example:6380/2');
 * q.tls; // → true
 * q.db; // → 2
 * q.redacted; // → 'rediss://:***@db.example:6380/2'
 * parseQueueUrl('redis://localhost').port; // → 6379
 * parseQueueUrl('http://localhost:6379'); // → throws InputError
 * ```
 */
export function parseQueueUrl(raw: string, field = '--queue'): QueueUrl {
  const shown = redactSecrets(raw);
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new InputError(field, `"${shown}" is not a URL`, EXAMPLE);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new InputError(field, `"${shown}" is not a Redis URL (scheme ${u.protocol.replace(/:$/, '')})`, EXAMPLE);
  if (!u.hostname) throw new InputError(field, `"${shown}" has no host`, EXAMPLE);
  const port = u.port ? Number(u.port) : 6379;
  const path = u.pathname.replace(/^\//, '');
  if (path && !/^\d+$/.test(path)) throw new InputError(field, `"${shown}": the path must be a database number, got "/${path}"`, EXAMPLE);
  const db = path ? Number(path) : 0;
  if (u.search || u.hash) throw new InputError(field, `"${shown}" has a query or fragment, which is not used`, EXAMPLE);
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  const username = u.username ? decodeURIComponent(u.username) : undefined;
  const redacted = `${u.protocol}//${u.username ? u.username : ''}${u.password ? ':***' : ''}${u.username || u.password ? '@' : ''}${u.host}${path ? `/${db}` : ''}`;
  return { url: raw, redacted, host: u.hostname.replace(/^\[(.*)\]$/, '$1'), port, db, tls: u.protocol === 'rediss:', username, password };
}
