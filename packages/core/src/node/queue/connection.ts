/**
 * Redis connections for the queue (ioredis, which BullMQ drives).
 *
 * `checkRedis` fails fast: one connection attempt with a 4 s timeout and no
 * retries, so a bad host, a refused port, a TLS mismatch or a wrong password
 * is one line naming `--queue` within seconds. After that check, `redisOptions`
 * gives connections that retry for ever (capped at 2 s between tries), so a
 * Redis restart mid-sweep is ridden out instead of failing the sweep.
 */
import type { ConnectionOptions } from 'bullmq';
import { isIP } from 'node:net';
import { Redis, type RedisOptions } from 'ioredis';
import { InputError } from '../../errors.js';
import { redactSecrets, type QueueUrl } from './url.js';

/** Keys of this tool in a shared Redis start with this (BullMQ's key prefix). */
export const KEY_PREFIX = 'scaling-lab';

export function redisOptions(q: QueueUrl, extra: RedisOptions = {}): RedisOptions {
  return {
    host: q.host,
    port: q.port,
    db: q.db,
    username: q.username,
    password: q.password,
    // SNI takes a host name only (RFC 6066); certificates are checked against the host either way.
    tls: q.tls ? (isIP(q.host) ? {} : { servername: q.host }) : undefined,
    // BullMQ needs null here for its blocking connections; commands wait for a reconnect instead of failing.
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(200 * times, 2000),
    connectTimeout: 10_000,
    ...extra,
  };
}

/**
 * A connection for a BullMQ Queue or Worker: an ioredis client made here, not
 * options (BullMQ cannot load its optional ioredis peer from an ES module when
 * npm installs it beside this package). BullMQ duplicates it for its blocking
 * connection; the caller disconnects it after closing the Queue or Worker. The client
 * connects at once and retries for ever (at most 2 s apart), so a Redis restart mid-sweep
 * is ridden out; its errors reach the Queue's or Worker's 'error' events.
 *
 * @param q - the parsed `--queue` URL
 * @returns `connection` for BullMQ and the `client` to disconnect
 * @example
 * ```ts
 * import { bullConnection, parseQueueUrl } from '@scaling-lab/core/node/queue';
 * // making the connection needs no Redis yet: it keeps retrying until one answers
 * const { client } = bullConnection(parseQueueUrl('redis://127.0.0.1:6379/1'));
 * client.options.db; // → 1
 * client.options.maxRetriesPerRequest; // → null
 * client.disconnect();
 * ```
 */
export function bullConnection(q: QueueUrl): { connection: ConnectionOptions; client: Redis } {
  const client = new Redis(redisOptions(q));
  client.on('error', () => {}); // reported through the Queue/Worker 'error' events
  return { connection: client as unknown as ConnectionOptions, client };
}

/** Why a connection failed, as the one-line problem and fix for `--queue`. */
function explain(q: QueueUrl, err: Error & { code?: string }): InputError {
  const where = `${q.redacted}`;
  const msg = redactSecrets(err.message ?? String(err), q.password);
  const code = err.code ?? '';
  if (code === 'ECONNREFUSED') return new InputError('--queue', `${where}: connection refused (no Redis listening on ${q.host}:${q.port})`, 'start redis-server there, or fix the host and port');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new InputError('--queue', `${where}: host "${q.host}" not found`, 'fix the host name');
  if (code === 'ETIMEDOUT' || /timed? ?out/i.test(msg)) {
    return new InputError('--queue', `${where}: no answer within 4 s${q.tls ? ' (is the server really TLS? use redis:// for a plain one)' : ''}`, 'check the host, the port and any firewall');
  }
  if (/WRONGPASS|invalid password|invalid username-password/i.test(msg)) return new InputError('--queue', `${where}: Redis rejected the user name or password`, 'give the right password: redis://:PASSWORD@HOST:PORT');
  if (/NOAUTH/i.test(msg)) return new InputError('--queue', `${where}: Redis needs a password`, 'give it in the URL: redis://:PASSWORD@HOST:PORT');
  if (/Unknown RESP|Protocol error/i.test(msg)) return new InputError('--queue', `${where}: the server there does not speak Redis`, 'check the port');
  if (/certificate|CERT_|UNABLE_TO_VERIFY/i.test(msg + code)) {
    return new InputError('--queue', `${where}: TLS certificate not trusted (${msg})`, "trust the server's CA with NODE_EXTRA_CA_CERTS=/path/to/ca.pem, or fix the host name to match the certificate");
  }
  if (code === 'ECONNRESET' && !q.tls) return new InputError('--queue', `${where}: the server closed the connection`, 'if it is a TLS port, use rediss://');
  if (/SSL|TLS|EPROTO|wrong version/i.test(msg + code)) return new InputError('--queue', `${where}: TLS failed (${msg})`, 'use rediss:// only for a TLS server, redis:// otherwise');
  return new InputError('--queue', `${where}: cannot connect (${code || msg})`, 'check that Redis is running and reachable');
}

/**
 * Connects once (no retries, `timeoutMs`, default 4 s) and PINGs, so a bad host, a refused
 * port, a TLS mismatch or a wrong password is one line naming `--queue` within seconds.
 * Also checks the Redis version BullMQ needs (≥ 5, BullMQ's documented minimum).
 *
 * @param q - the parsed `--queue` URL
 * @param timeoutMs - how long to wait for the connection; default 4000
 * @returns the server's `redisVersion`
 * @throws InputError saying what failed (refused, not found, timeout, password, TLS, version) and the fix
 * @example
 * ```ts
 * // not run: needs Redis on 127.0.0.1:6379
 * import { checkRedis, parseQueueUrl } from '@scaling-lab/core/node/queue';
 * const { redisVersion } = await checkRedis(parseQueueUrl('redis://127.0.0.1:6379'));
 * console.log(redisVersion); // e.g. 7.0.15
 * ```
 * @example
 * ```ts
 * import { checkRedis, parseQueueUrl } from '@scaling-lab/core/node/queue';
 * // nothing listens on port 1: refused at once, as one line for --queue
 * await checkRedis(parseQueueUrl('redis://127.0.0.1:1'), 1000); // → throws InputError
 * ```
 */
export async function checkRedis(q: QueueUrl, timeoutMs = 4000): Promise<{ redisVersion: string }> {
  const client = new Redis(redisOptions(q, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: timeoutMs, enableOfflineQueue: false }));
  let last: (Error & { code?: string }) | undefined;
  client.on('error', (e: Error) => (last = e));
  const timer = setTimeout(() => client.disconnect(), timeoutMs + 500);
  try {
    await client.connect();
    await client.ping();
    const info = await client.info('server');
    const redisVersion = /redis_version:(\S+)/.exec(info)?.[1] ?? '?';
    if (Number(redisVersion.split('.')[0]) < 5) throw new InputError('--queue', `${q.redacted} runs Redis ${redisVersion}; BullMQ needs 5 or newer`, 'upgrade Redis (Debian: apt-get install redis-server)');
    return { redisVersion };
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw explain(q, (last ?? err) as Error & { code?: string });
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}
