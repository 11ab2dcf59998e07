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

/** Replaces the password of anything that looks like a `scheme://user:password@` URL in `text` with `***`. */
export function redactSecrets(text: string, secret?: string): string {
  let out = text.replace(/([a-z][a-z0-9+.-]*:\/\/[^\s/@:]*:)[^\s@/]*@/gi, '$1***@');
  if (secret) out = out.split(secret).join('***');
  if (secret && secret !== encodeURIComponent(secret)) out = out.split(encodeURIComponent(secret)).join('***');
  return out;
}

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
