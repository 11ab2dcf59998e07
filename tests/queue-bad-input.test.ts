// Bad --queue input is one line naming --queue and the fix, exit 2, within seconds —
// never a hang, never a stack trace, never the password (real redis-server with a password).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startRedis, type TestRedis } from './helpers/redis.js';
import { startCli } from './sweep-helpers.js';

let redis: TestRedis;
let refusedPort: number;
beforeAll(async () => {
  redis = await startRedis({ password: 'right-horse-battery' });
  refusedPort = await freePort(); // nothing listens there
});
afterAll(async () => redis?.stop());

async function expectOneLine(args: string[], pattern: RegExp) {
  const run = startCli(args);
  const timer = setTimeout(() => run.child.kill('SIGKILL'), 15_000); // a hang shows as exit -1
  const code = await run.exit;
  clearTimeout(timer);
  const lines = run.err().trim().split('\n');
  expect(code, run.err()).toBe(2);
  expect(lines, run.err()).toHaveLength(1);
  expect(lines[0]).toMatch(/^scaling-lab: error: --queue: /);
  expect(lines[0]).toMatch(pattern);
  expect(run.err() + run.out()).not.toMatch(/right-horse-battery|wrong-pass|\n\s+at /);
}

const spec = 'tests/sweep-fixtures/tiny-sweep.json';
const commands = (url: string) => [
  ['sweep', spec, '--queue', url, '--out', '/tmp/never-written-queue-bad-input.jsonl'],
  ['worker', '--queue', url],
  ['queue', 'status', '--queue', url],
];

describe('queue: bad --queue input', () => {
  it('an unparsable URL', async () => {
    for (const c of commands('localhost:6379')) await expectOneLine(c, /is not a Redis URL .*give e\.g\. --queue redis:\/\/HOST:6379/);
    await expectOneLine(commands('redis://:wrong-pass@host:6379/notadb')[2], /the path must be a database number/);
  });

  it('a refused connection', async () => {
    for (const c of commands(`redis://127.0.0.1:${refusedPort}`)) await expectOneLine(c, /connection refused .*start redis-server there/);
  });

  it('a wrong password, and no password where one is needed', async () => {
    for (const c of commands(`redis://:wrong-pass@127.0.0.1:${redis.port}`)) await expectOneLine(c, /redis:\/\/:\*\*\*@127\.0\.0\.1:\d+: Redis rejected the user name or password/);
    await expectOneLine(commands(`redis://127.0.0.1:${redis.port}`)[1], /Redis needs a password/);
  });

  it('the right password works, and status names no password', async () => {
    const run = startCli(['queue', 'status', '--queue', redis.url, '--json']);
    expect(await run.exit, run.err()).toBe(0);
    expect(JSON.parse(run.out())).toEqual({ queue: `redis://:***@127.0.0.1:${redis.port}`, sweeps: [] });
  });
});
