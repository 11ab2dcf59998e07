/** Reads and validates a sweep spec file (one-line InputError for a missing or bad file). */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../../errors.js';
import { parseSweepSpecText, type SweepSpec } from '../../sweep/spec.js';

/**
 * Reads and checks a sweep spec JSON file (parseSweepSpec's rules, with the file's name in
 * error fields): the models, budgets or grid, dataset, batch, context and learning-rate rule.
 *
 * @param path - the spec file, e.g. sweeps/quick.json
 * @returns the checked spec, defaults filled in
 * @throws InputError when the file cannot be read, is not JSON, or breaks a rule of the spec
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { loadSweepSpec } from '@scaling-lab/core/node';
 * const path = join(mkdtempSync(join(tmpdir(), 'spec-')), 'tiny.json');
 * writeFileSync(path, JSON.stringify({
 *   name: 'tiny', design: 'grid', context: 8, batchSize: 4, seeds: [0], dataset: { kind: 'markov', order: 1, vocab: 8 },
 *   learningRate: { rule: 'constant', value: 0.01 }, models: { s: { layers: 1, dModel: 16, heads: 2 } }, grid: { models: ['s'], tokens: [640] },
 * }));
 * loadSweepSpec(path).minSteps; // → 10
 * loadSweepSpec(join(path, '..', 'missing.json')); // → throws InputError
 * ```
 */
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

/**
 * The default results file of a sweep: `results/<spec name>.jsonl` in the spec's folder
 * (sweeps/quick.json → sweeps/results/quick.jsonl), named by the spec's `name`, not its file.
 *
 * @param specPath - the spec file's path
 * @param spec - the loaded spec (its `name`)
 * @returns the results file's path
 * @example
 * ```ts
 * import { defaultResultsPath } from '@scaling-lab/core/node';
 * defaultResultsPath('sweeps/quick.json', { name: 'quick' } as never); // → 'sweeps/results/quick.jsonl'
 * ```
 */
export function defaultResultsPath(specPath: string, spec: SweepSpec): string {
  return join(dirname(specPath), 'results', `${spec.name}.jsonl`);
}
