/** Test fixture: a tiny repetitive corpus and a run spec sized for it (seconds on WASM or CPU). */
import { charTokenizer } from './tokenizer.js';
import type { RunSpec } from './types.js';

export const tinyText = 'the cat sat on the mat. the dog sat on the log. '.repeat(40);
export const tinyTokenizer = charTokenizer(tinyText);
export const tinyTokens = tinyTokenizer.encode(tinyText);

/** A 1-layer, width-16 run over `steps` steps of 8 sequences of 8 tokens. */
export function tinySpec(steps: number): RunSpec {
  return {
    id: 'tiny',
    model: { layers: 1, dModel: 16, heads: 2, context: 8 },
    tokens: 8 * 8 * steps,
    batchSize: 8,
    learningRate: 1e-2,
    seed: 3,
    evalEvery: 20,
    evalBatches: 2,
    finalEvalTokens: 512,
    dataset: { kind: 'moby-dick', tokenizer: 'char' }, // label only: the source is the tiny text
  };
}
