/**
 * @scaling-lab/core/node/queue — sweeps on many machines: a BullMQ queue on
 * Redis (coordinator, worker, status and clean, `--queue` URLs). A subpath of
 * its own so `@scaling-lab/core/node` does not load BullMQ.
 */
export * from './url.js';
export * from './connection.js';
export * from './jobs.js';
export * from './concurrency.js';
export * from './coordinator.js';
export * from './worker.js';
export * from './status.js';
export * from './progress.js';
