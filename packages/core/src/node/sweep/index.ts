/** Sweeps: spec, expansion into runs, the crash-safe results file and the parallel runner. */
export * from '../../sweep/types.js';
export * from '../../sweep/spec.js';
export * from './expand.js';
export * from './results-file.js';
export * from './runner.js';
export * from './progress.js';
export * from './load.js';
export * from './lock.js';
export * from './record.js';
export * from './current.js';
