/** Sweeps as data: the spec (parsed and validated), planned runs, results-file records and the runner↔worker messages. */
export * from './types.js';
export * from './spec.js';
export * from './protocol.js';
export * from './results.js';
