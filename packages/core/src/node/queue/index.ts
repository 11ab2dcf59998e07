/**
 * @scaling-lab/core/node/queue — sweeps on many machines: a BullMQ queue on
 * Redis (coordinator, worker, status and clean, `--queue` URLs). A subpath of
 * its own so `@scaling-lab/core/node` does not load BullMQ.
 *
 * @module @scaling-lab/core/node/queue
 */
export { parseQueueUrl, redactSecrets, type QueueUrl } from './url.js';
export { KEY_PREFIX, bullConnection, checkRedis } from './connection.js';
export { QUEUE_NAME, jobIdFor, sweepOfJobId, type RunJobData, type RunJobProgress, type RunJobResult } from './jobs.js';
export { defaultConcurrency } from './concurrency.js';
export { runSweepOnQueue, type QueueSweepEvent, type QueueSweepOptions } from './coordinator.js';
export { startQueueWorker, type QueueWorker, type QueueWorkerEvent, type QueueWorkerOptions } from './worker.js';
export { cleanSweep, queueStatus, type SweepQueueCounts } from './status.js';
export { queueProgress, type QueueProgress } from './progress.js';
