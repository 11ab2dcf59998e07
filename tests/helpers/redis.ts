/**
 * Starts Debian's `redis-server` for a test: on 127.0.0.1 only, on a free port,
 * in a temporary directory, no RDB snapshots (`--save ''`), optionally with an
 * append-only file (for tests that restart it) and a password. Never a system
 * service. `stop()` kills it; `restart()` kills it and starts it again on the
 * same port and directory (the AOF brings the data back).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestRedis {
  port: number;
  dir: string;
  url: string;
  /** With `tls`: the self-signed certificate (trust it with NODE_EXTRA_CA_CERTS). */
  caFile?: string;
  pid(): number;
  /** SIGKILL (default) or SIGTERM, then start again on the same port and directory. */
  restart(signal?: NodeJS.Signals, downMs?: number): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/**
 * `tls`: serve TLS only (a self-signed certificate for 127.0.0.1 made with openssl in the temp dir;
 * `caFile` is its path, for NODE_EXTRA_CA_CERTS); the URL is then rediss://.
 */
export async function startRedis(opts: { appendonly?: boolean; password?: string; tls?: boolean } = {}): Promise<TestRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'test-redis-'));
  let child: ChildProcess;
  let log = '';
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--daemonize', 'no', '--loglevel', 'warning'];
  if (opts.appendonly) args.push('--appendonly', 'yes', '--appendfsync', 'always');
  if (opts.password) args.push('--requirepass', opts.password);
  const caFile = join(dir, 'cert.pem');
  if (opts.tls) {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', caFile, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    args.splice(0, 2, '--port', '0', '--tls-port', String(port), '--tls-cert-file', caFile, '--tls-key-file', join(dir, 'key.pem'), '--tls-ca-cert-file', caFile, '--tls-auth-clients', 'no');
  }
  const launch = async () => {
    child = spawn('redis-server', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (b) => (log = (log + b).slice(-2000)));
    child.stderr!.on('data', (b) => (log = (log + b).slice(-2000)));
    const t0 = Date.now();
    while (!(await accepting(port))) {
      if (child.exitCode !== null || Date.now() - t0 > 10_000) throw new Error(`redis-server did not start on ${port}: ${log}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await gone;
  };
  await launch();
  const auth = opts.password ? `:${encodeURIComponent(opts.password)}@` : '';
  return {
    port,
    dir,
    url: `${opts.tls ? 'rediss' : 'redis'}://${auth}127.0.0.1:${port}`,
    caFile: opts.tls ? caFile : undefined,
    pid: () => child.pid!,
    kill,
    async restart(signal = 'SIGKILL', downMs = 500) {
      await kill(signal);
      await new Promise((r) => setTimeout(r, downMs));
      await launch();
    },
    async stop() {
      await kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
