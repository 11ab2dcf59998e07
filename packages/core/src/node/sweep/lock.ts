/**
 * An exclusive lock file (`<results>.lock`, holding the owner's pid) that is
 * atomic to take and to take over:
 *
 * - take: the pid is written to a private temporary file first, which is then
 *   hard-linked to the lock path. `link` fails with EEXIST if the lock exists,
 *   so exactly one of any number of racing processes succeeds, and the lock
 *   never exists without its pid (the race measured in issue #11: a lock
 *   created empty, then filled, let a second process read it as stale).
 * - take over a stale lock (its pid is dead): only while holding a second,
 *   short-lived lock (`<lock>.break`, taken the same way), after re-reading the
 *   pid under it — so two processes can never both delete a lock, one of them
 *   deleting the other's fresh one. A `.break` file whose owner died within
 *   those microseconds is removed once it is 2 s old.
 *
 * Hand-written because Node has no flock and the npm lock libraries judge
 * staleness by mtime, not by the owner's pid, and delete a stale lock with a
 * read-then-remove race. Same-host only (pids), like the results file itself.
 */
import * as fs from 'node:fs';
import { randomBytes } from 'node:crypto';

export interface FileLock {
  readonly path: string;
  /** Removes the lock if it is still this one (idempotent). */
  release(): void;
}

/**
 * Thrown by {@link takeLock} when a live process holds the lock: `lockPath` and the holder's
 * `pid` (a lock whose pid is dead is taken over instead).
 *
 * @param lockPath - the lock file
 * @param pid - the live process that holds it
 * @returns (as a constructor) the error, message `<lockPath> is held by pid <pid>`
 * @example
 * ```ts
 * import { LockHeldError } from '@scaling-lab/core/node';
 * const e = new LockHeldError('tiny.jsonl.lock', 4242);
 * e.message; // → 'tiny.jsonl.lock is held by pid 4242'
 * e.pid; // → 4242
 * ```
 */
export class LockHeldError extends Error {
  constructor(
    readonly lockPath: string,
    readonly pid: number,
  ) {
    super(`${lockPath} is held by pid ${pid}`);
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid in a lock file; undefined if there is no such file; NaN if unreadable (a lock from an older version, or garbage). */
function readPid(path: string): number | undefined {
  try {
    return Number(fs.readFileSync(path, 'utf8').trim() || NaN);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function tryLink(from: string, to: string): boolean {
  try {
    fs.linkSync(from, to);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

const sleepMs = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** A lock whose owner is gone — or is this very process (a writer it forgot to close). */
const isStale = (pid: number) => !Number.isInteger(pid) || pid <= 0 || pid === process.pid || !pidAlive(pid);

/** Unlinks `path` if it is still our file: same inode and our pid in it (inode numbers are reused at once, so both). */
function unlinkIfSame(path: string, ino: number): void {
  try {
    if (fs.statSync(path).ino === ino && readPid(path) === process.pid) fs.unlinkSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/** Removes the lock if it still holds `stalePid` and that pid is still dead, under the `.break` lock (exported for its interleaving test). */
export function breakStale(lockPath: string, stalePid: number, tmp: string): void {
  const breaker = `${lockPath}.break`;
  if (!tryLink(tmp, breaker)) {
    const pid = readPid(breaker);
    if (pid === undefined) return;
    let ageMs = 0;
    try {
      ageMs = Date.now() - fs.statSync(breaker).mtimeMs;
    } catch {
      return;
    }
    if (isStale(pid) && pid !== process.pid && ageMs > 2000) fs.rmSync(breaker, { force: true });
    else sleepMs(5);
    return;
  }
  const breakerIno = fs.statSync(breaker).ino;
  try {
    const now = readPid(lockPath);
    if (now !== undefined && (now === stalePid || (Number.isNaN(now) && Number.isNaN(stalePid))) && isStale(now)) fs.unlinkSync(lockPath);
  } finally {
    unlinkIfSame(breaker, breakerIno);
  }
}

/**
 * Takes the exclusive lock file `lockPath` (see the module comment: the pid is written to a
 * private file, then hard-linked into place, so exactly one racing process wins), taking
 * over a lock whose owner is dead.
 *
 * @param lockPath - the lock file, e.g. `<results>.lock`
 * @returns the lock; `release()` removes it if it is still this one
 * @throws LockHeldError when another live process holds it (a lock holding a dead pid, or this process's own, is taken over)
 * @example
 * ```ts
 * import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { takeLock } from '@scaling-lab/core/node';
 * const path = join(mkdtempSync(join(tmpdir(), 'lock-')), 'tiny.jsonl.lock');
 * const lock = takeLock(path);
 * lock.release();
 * existsSync(path); // → false
 * writeFileSync(path, `${process.ppid}\n`); // held by another live process: our parent
 * takeLock(path); // → throws LockHeldError
 * ```
 */
export function takeLock(lockPath: string): FileLock {
  const tmp = `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, `${process.pid}\n`);
  try {
    for (let attempt = 0; attempt < 200; attempt++) {
      if (tryLink(tmp, lockPath)) {
        const ino = fs.statSync(tmp).ino;
        let released = false;
        return {
          path: lockPath,
          release() {
            if (released) return;
            released = true;
            unlinkIfSame(lockPath, ino);
          },
        };
      }
      const pid = readPid(lockPath);
      if (pid === undefined) continue; // released meanwhile: try again
      if (!isStale(pid)) throw new LockHeldError(lockPath, pid);
      breakStale(lockPath, pid, tmp);
    }
    throw new Error(`could not take ${lockPath} (kept changing hands)`);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
