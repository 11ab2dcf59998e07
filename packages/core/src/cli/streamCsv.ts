/**
 * Streams a CSV of runs into the core's line reader (fit/parseInput.ts ScalingCsvReader) a megabyte at a
 * time, so a 50 MB, 1.7M-row file is never held as one string nor split into 1.7M line strings at once.
 * Synchronous reads (readSync) keep `fit`'s reading code synchronous; a progress bar on stderr
 * (cli-progress) shows long reads on a terminal and is silent otherwise (--json, pipes, tests).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import cliProgress from 'cli-progress';
import { InputError } from '../errors.js';
import { ScalingCsvReader } from '../fit/parseInput.js';

const CHUNK_BYTES = 1 << 20;

/** The first `bytes` of a file (for format detection), or '' when it cannot be read (the full read names it). */
export function peekFile(path: string, bytes = 65_536): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A cli-progress bar on stderr when it is a terminal and output is not JSON; no-ops otherwise. */
function progressBar(show: boolean, totalBytes: number, label: string) {
  if (!show || !process.stderr.isTTY) return { update: (_b: number, _rows: number) => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} [{bar}] {percentage}% | {rows} rows | {mb} of {totalMb} MB | ETA {eta_formatted}`, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(totalBytes, 0, { rows: 0, mb: '0', totalMb: (totalBytes / 1e6).toFixed(1) });
  return { update: (bytes: number, rows: number) => bar.update(bytes, { rows: rows.toLocaleString('en-US'), mb: (bytes / 1e6).toFixed(1) }), stop: () => bar.stop() };
}

/** Reads the CSV at `path` line by line into a ScalingCsvReader; InputError naming `flag` when it cannot be read. */
export function streamScalingCsv(path: string, opts: { source: string; flag: string; progress: boolean }): ScalingCsvReader {
  const reader = new ScalingCsvReader(opts.source);
  let fd: number;
  let size: number;
  try {
    fd = openSync(path, 'r');
    size = fstatSync(fd).size;
  } catch (err) {
    throw new InputError(opts.flag, `cannot read "${path}" (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, 'check the path');
  }
  // Progress only for reads long enough to notice (above ~5 MB).
  const bar = progressBar(opts.progress && size > 5e6, size, `reading ${opts.source}`);
  const decoder = new StringDecoder('utf8');
  const buf = Buffer.alloc(CHUNK_BYTES);
  let rest = '';
  let lineNo = 0;
  let read = 0;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK_BYTES, null);
      const text = n > 0 ? rest + decoder.write(buf.subarray(0, n)) : rest + decoder.end();
      const lines = text.split('\n');
      rest = n > 0 ? (lines.pop() ?? '') : '';
      for (const l of lines) reader.line(l.endsWith('\r') ? l.slice(0, -1) : l, ++lineNo);
      read += n;
      bar.update(read, reader.rows);
      if (n === 0) break;
    }
  } finally {
    bar.stop();
    closeSync(fd);
  }
  return reader;
}
