import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breakStale, LockHeldError, takeLock } from './lock.js';

let live: ChildProcess; // a process that stays alive: a lock holder that is not stale
beforeAll(() => {
  live = spawn('sleep', ['60'], { stdio: 'ignore' });
});
afterAll(() => {
  live.kill('SIGKILL');
});
const DEAD = 999_999_999; // above Linux's pid_max
const lockIn = () => join(mkdtempSync(join(tmpdir(), 'lock-')), 'r.jsonl.lock');

describe('takeLock', () => {
  it('the lock file holds the pid from the moment it exists, and release removes it', () => {
    const path = lockIn();
    const lock = takeLock(path);
    expect(readFileSync(path, 'utf8')).toBe(`${process.pid}\n`);
    lock.release();
    expect(existsSync(path)).toBe(false);
  });

  it('a lock held by a live process is refused with its pid', () => {
    const path = lockIn();
    writeFileSync(path, `${live.pid}\n`);
    expect(() => takeLock(path)).toThrow(LockHeldError);
    expect(readFileSync(path, 'utf8')).toBe(`${live.pid}\n`);
  });

  it('a stale lock (dead pid, or empty as older versions could leave it) is taken over', () => {
    for (const stale of [`${DEAD}\n`, '']) {
      const path = lockIn();
      writeFileSync(path, stale);
      const lock = takeLock(path);
      expect(readFileSync(path, 'utf8')).toBe(`${process.pid}\n`);
      lock.release();
    }
  });

  it('breaking a stale lock never removes a fresh lock that replaced it meanwhile (the read-then-delete race)', () => {
    const path = lockIn();
    // This process read the stale pid DEAD; before it acts, another process broke that lock and took it.
    writeFileSync(path, `${live.pid}\n`);
    const tmp = `${path}.mine`;
    writeFileSync(tmp, `${process.pid}\n`);
    breakStale(path, DEAD, tmp);
    expect(readFileSync(path, 'utf8')).toBe(`${live.pid}\n`);
    expect(existsSync(`${path}.break`)).toBe(false);
  });

  it('while another live process is breaking the lock (holds .break), nothing is removed', () => {
    const path = lockIn();
    writeFileSync(path, `${DEAD}\n`);
    writeFileSync(`${path}.break`, `${live.pid}\n`);
    const tmp = `${path}.mine`;
    writeFileSync(tmp, `${process.pid}\n`);
    breakStale(path, DEAD, tmp);
    expect(readFileSync(path, 'utf8')).toBe(`${DEAD}\n`);
    expect(readFileSync(`${path}.break`, 'utf8')).toBe(`${live.pid}\n`);
  });

  it('release removes only its own lock, not one that replaced it', () => {
    const path = lockIn();
    const lock = takeLock(path);
    unlinkSync(path);
    writeFileSync(path, `${live.pid}\n`);
    lock.release();
    expect(readFileSync(path, 'utf8')).toBe(`${live.pid}\n`);
  });
});
