/**
 * The sweep results file: JSON lines, one completed run (`SweepRecord`) per line.
 *
 * Crash safety: each record is written as ONE `write` of `JSON + "\n"` followed
 * by `fsync`, by the parent process only, so after a SIGKILL or power loss the
 * file holds whole lines plus at most one torn (partial) last line. Reading
 * ignores a torn last line; opening for append first cuts it off (or, if it is
 * a complete record that lost only its newline, completes it) so the next
 * record starts on a fresh line. Parsing is the pure core's `sweep/results.ts`. A lock file
 * (`<file>.lock`, holding the pid, taken atomically: lock.ts) keeps two sweeps from appending
 * to the same file; a lock left by a killed process is taken over.
 */
import * as fs from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from '../../errors.js';
import { LockHeldError, takeLock, type FileLock } from './lock.js';
import type { SweepRecord } from '../../sweep/types.js';
import { asSweepRecord, parseResults, type ParsedResults } from '../../sweep/results.js';

/**
 * Reads a results file (JSON lines, one SweepRecord a line) without taking its lock; a
 * missing file is an empty result. Lines that are not records are listed in `badLines`, a
 * torn last line (no newline) in `torn`, repeated run keys in `duplicates`.
 *
 * @param path - the results file
 * @returns the parsed file: `records`, `keys`, `badLines`, `duplicates`, `torn`
 * @throws the file system's error for anything but a missing file (e.g. EACCES)
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { readResults } from '@scaling-lab/core/node';
 * const path = join(mkdtempSync(join(tmpdir(), 'results-')), 'tiny.jsonl');
 * readResults(path).records.length; // → 0
 * writeFileSync(path, '{"runKey":"a"}\nnot json\n{"runKey":"b"');
 * const parsed = readResults(path);
 * parsed.records.length; // → 1
 * parsed.badLines.join(','); // → '2'
 * parsed.torn?.isCompleteRecord; // → false
 * ```
 */
export function readResults(path: string): ParsedResults {
  let text = '';
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return parseResults(text);
}

type WriteSync = (fd: number, buffer: Uint8Array, offset: number, length: number) => number;

function writeAll(fd: number, text: string, write: WriteSync = fs.writeSync): void {
  const buf = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < buf.length) off += write(fd, buf, off, buf.length - off);
}

/**
 * A record could not be written (a full disk, ENOSPC; a quota, EDQUOT; an I/O error). The file was cut
 * back to its last whole record first, so it stays valid and a rerun resumes from it. The
 * message says why, how many valid runs the file holds, and to rerun after freeing space.
 *
 * @param path - the results file
 * @param err - the file system's error (its `code` is kept)
 * @param records - valid records the file holds now
 * @param repaired - whether the file was cut back to its last whole record
 * @returns (as a constructor) the error, `name` `ResultsWriteError`, with `code` from `err`
 * @example
 * ```ts
 * import { ResultsWriteError } from '@scaling-lab/core/node';
 * const e = new ResultsWriteError('tiny.jsonl', Object.assign(new Error('no space left'), { code: 'ENOSPC' }), 3, true);
 * e.code; // → 'ENOSPC'
 * e.message.includes('the disk is full'); // → true
 * ```
 */
export class ResultsWriteError extends Error {
  readonly code: string | undefined;
  constructor(path: string, err: NodeJS.ErrnoException, records: number, repaired: boolean) {
    const why = err.code === 'ENOSPC' ? 'the disk is full' : err.code === 'EDQUOT' ? 'the disk quota is used up' : err.message;
    super(`could not write a record to ${path} (${err.code ?? 'error'}: ${why}); ${repaired ? `the file was cut back to its last whole record and holds ${records} valid run(s)` : 'the last line may be torn; the next sweep repairs it on open'}: free some space and rerun the same command to resume`);
    this.name = 'ResultsWriteError';
    this.code = err.code;
  }
}

/** Takes the results file's lock (lock.ts), as a one-line InputError naming `field` when another live writer holds it. */
export function lockResults(path: string, field = '--out'): FileLock {
  try {
    return takeLock(`${path}.lock`);
  } catch (err) {
    if (err instanceof LockHeldError) {
      // A pid can be reused by an unrelated process after the sweep that held the lock died: say how out.
      throw new InputError(field, `${path} is being written by another sweep (pid ${err.pid})`, `wait for it or give another --out file; if no sweep is running (check with: ps -p ${err.pid} -o args), pid ${err.pid} is an unrelated process that reused the number: remove ${path}.lock and rerun`);
    }
    throw new InputError(field, `could not lock ${path}: ${(err as Error).message}`, `remove ${path}.lock if no sweep is running`);
  }
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
 * skip them. Each `append` writes one line and fsyncs it, so a crash loses at most the
 * line being written; `close` releases the lock.
 *
 * @param path - the results file (its folder is created if missing)
 * @param field - the option named when the lock is held; default `--out`
 * @param io - a `writeSync` to use instead of the file system's (for fault-injection tests)
 * @returns the writer: `existing` records, `repaired`, `append`, `close`
 * @throws InputError when another live process holds the file's lock; ResultsWriteError when a record cannot be written
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { openResults, readResults } from '@scaling-lab/core/node';
 * const path = join(mkdtempSync(join(tmpdir(), 'results-')), 'tiny.jsonl');
 * const out = openResults(path);
 * // a real record is a SweepRecord (sweepRecord); any object with a runKey is kept
 * out.append({ runKey: 'a' } as never);
 * out.close();
 * readResults(path).records[0].runKey; // → 'a'
 * openResults(path).existing.records.length; // → 1
 * // while another live process (here our parent) holds the lock, a second writer is refused
 * writeFileSync(`${path}.lock`, `${process.ppid}\n`);
 * openResults(path); // → throws InputError
 * ```
 */
export function openResults(path: string, field = '--out', io: { writeSync?: WriteSync } = {}): ResultsWriter {
  fs.mkdirSync(dirname(path), { recursive: true });
  const lock = lockResults(path, field);
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
    let size = fs.fstatSync(handle).size;
    let count = existing.records.length;
    return {
      path,
      existing,
      repaired,
      append(record) {
        if (closed) throw new Error('results file is closed');
        const line = `${JSON.stringify(record)}\n`;
        try {
          writeAll(handle, line, io.writeSync);
          fs.fsyncSync(handle);
        } catch (err) {
          // Cut a partly written line off so the file ends on a whole record.
          let repaired = false;
          try {
            fs.ftruncateSync(handle, size);
            fs.fsyncSync(handle);
            repaired = true;
          } catch {
            /* the open-time repair will handle the torn tail */
          }
          throw new ResultsWriteError(path, err as NodeJS.ErrnoException, count, repaired);
        }
        size += Buffer.byteLength(line);
        count++;
      },
      close() {
        if (closed) return;
        closed = true;
        fs.closeSync(handle);
        lock.release();
      },
    };
  } catch (err) {
    if (fd !== undefined) fs.closeSync(fd);
    lock.release();
    throw err;
  }
}
