/** Reads and validates a sweep spec file (one-line InputError for a missing or bad file). */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../../errors.js';
import { parseSweepSpecText, type SweepSpec } from '../../sweep/spec.js';

export function loadSweepSpec(path: string): SweepSpec {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError('spec', `cannot read ${path} (${code ?? (err as Error).message})`, 'give the path of a sweep spec JSON file, e.g. sweeps/quick.json');
  }
  return parseSweepSpecText(text, basename(path));
}

/** Default results file: `results/<spec name>.jsonl` beside the spec (sweeps/quick.json → sweeps/results/quick.jsonl). */
export function defaultResultsPath(specPath: string, spec: SweepSpec): string {
  return join(dirname(specPath), 'results', `${spec.name}.jsonl`);
}
