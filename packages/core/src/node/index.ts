/**
 * @scaling-lab/core/node — the Node-only parts: training runs on a tfjs
 * backend, the Moby Dick corpus, and sweeps (parallel, crash-safe, resumable).
 */
export * from './sweep/index.js';
export * from './backend.js';
export * from './corpus.js';
export * from './trainRun.js';
export * from './report/index.js';
