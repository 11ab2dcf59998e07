/**
 * The sweep results file: JSON lines, one completed run (`SweepRecord`) per line.
 *
 * Crash safety: each record is written as ONE `write` of `JSON + "\n"` followed
 * by `fsync`, by the parent process only, so after a SIGKILL or power loss the
 * file holds whole lines plus at most one torn (partial) last line. Reading
 * ignores a torn last line; opening for append first cuts it off (or, if it is
 * a complete record that lost only its newline, completes it) so the next
 * record starts on a fresh line. Parsing is the pure core's `sweep/results.ts`. A lock file (`<file>.lock`, holding the pid)
 * keeps two sweeps from appending to the same file; a lock left by a killed
 * process is taken over.
 */
import * as fs from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from '../../errors.js';
import type { SweepRecord } from '../../sweep/types.js';
import { asSweepRecord, parseResults, type ParsedResults } from '../../sweep/results.js';

/** Reads a results file; a missing file is an empty result. */
export function readResults(path: string): ParsedResults {
  let text = '';
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return parseResults(text);
}

function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < buf.length) off += fs.writeSync(fd, buf, off, buf.length - off);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function takeLock(lockPath: string, resultsPath: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, `${process.pid}\n`, { flag: 'wx' });
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && pidAlive(pid)) {
        throw new InputError('--out', `${resultsPath} is being written by another sweep (pid ${pid})`, `wait for it, or give another --out file`);
      }
      fs.rmSync(lockPath, { force: true }); // stale: its process is gone
    }
  }
  throw new InputError('--out', `could not lock ${resultsPath}`, `remove ${lockPath} if no sweep is running`);
}

export interface ResultsWriter {
  readonly path: string;
  /** What the file held when opened (after repairing a torn tail). */
  readonly existing: ParsedResults;
  /** What was done to the tail on open, for the log. */
  readonly repaired?: 'truncated-torn-line' | 'completed-last-line';
  /** Appends one record as one line, then fsyncs. */
  append(record: SweepRecord): void;
  close(): void;
}

/**
 * Opens (creating if needed) a results file for appending: takes the lock,
 * repairs a torn tail, and returns the completed records so the runner can
 * skip them.
 */
export function openResults(path: string): ResultsWriter {
  fs.mkdirSync(dirname(path), { recursive: true });
  const lockPath = `${path}.lock`;
  takeLock(lockPath, path);
  let fd: number | undefined;
  try {
    const existing = readResults(path);
    fd = fs.openSync(path, 'a+');
    let repaired: ResultsWriter['repaired'];
    if (existing.torn) {
      if (existing.torn.isCompleteRecord) {
        // Whole record that lost only its newline: keep it.
        writeAll(fd, '\n');
        const rec = asSweepRecord(existing.torn.text)!;
        if (!existing.keys.has(rec.runKey)) {
          existing.keys.add(rec.runKey);
          existing.records.push(rec);
        }
        repaired = 'completed-last-line';
      } else {
        fs.ftruncateSync(fd, existing.validBytes);
        repaired = 'truncated-torn-line';
      }
      fs.fsyncSync(fd);
      delete existing.torn;
    }
    const handle = fd;
    let closed = false;
    return {
      path,
      existing,
      repaired,
      append(record) {
        if (closed) throw new Error('results file is closed');
        writeAll(handle, `${JSON.stringify(record)}\n`);
        fs.fsyncSync(handle);
      },
      close() {
        if (closed) return;
        closed = true;
        fs.closeSync(handle);
        fs.rmSync(lockPath, { force: true });
      },
    };
  } catch (err) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(lockPath, { force: true });
    throw err;
  }
}
