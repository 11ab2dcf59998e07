/**
 * @scaling-lab/core/node — the Node-only parts: training runs on a tfjs
 * backend, the Moby Dick corpus, and sweeps (parallel, crash-safe, resumable).
 *
 * @module @scaling-lab/core/node
 */
export { expandSweep, largestFirst, nominalNonEmbeddingParams } from './sweep/expand.js';
export { ResultsWriteError, openResults, readResults, type ResultsWriter } from './sweep/results-file.js';
export {
  defaultWorkerCount,
  defaultWorkerPath,
  runSweep,
  sweepSummary,
  type SweepEvent,
  type SweepOptions,
  type SweepSummary,
} from './sweep/runner.js';
export { fmtSeconds, progressReporter, type ProgressReporter } from './sweep/progress.js';
export { defaultResultsPath, loadSweepSpec } from './sweep/load.js';
export { LockHeldError, takeLock, type FileLock } from './sweep/lock.js';
export { sweepRecord } from './sweep/record.js';
export { recordsForRuns } from './sweep/current.js';
export {
  BACKEND_CHOICES,
  cudaGpuVisible,
  selectBackend,
  type BackendChoice,
  type BackendInfo,
  type BackendName,
} from './backend.js';
export { mobyDickText, mobyDickTokens } from './corpus.js';
export { WATTS_PER_CORE_DEFAULT, WATTS_PER_CORE_SOURCE, trainRun, type TrainRunOptions } from './trainRun.js';
export { summaryText, writeReport, type ReportMeta } from './report/write.js';
