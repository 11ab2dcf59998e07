/**
 * @scaling-lab/core — pure functions over plain data: estimation (FLOPs, memory,
 * time, cost, energy, carbon), scaling laws, fitting and uncertainty. No I/O:
 * runs unchanged in Node, browsers and notebooks. Training and sweeps live in
 * the `@scaling-lab/core/train` and `@scaling-lab/core/node` subpaths.
 */
export * from './errors.js';
export * from './wholeNumber.js';
export * from './assumption.js';
export * from './random.js';
export * from './format.js';
export * from './parseQuantity.js';
// estimate/
export * from './lookup.js';
export * from './data/types.js';
export * from './data/constants.js';
export * from './data/hardware.js';
export * from './data/prices.js';
export * from './data/regions.js';
export * from './data/publishedRuns.js';
export * from './estimate/params.js';
export * from './estimate/architecture/hfConfig.js';
export * from './estimate/flops.js';
export * from './estimate/loraFlops.js';
export * from './estimate/planFromEstimate.js';
export * from './estimate/memory.js';
export * from './estimate/time.js';
export * from './estimate/cost.js';
export * from './estimate/energy.js';
export * from './estimate/equivalents.js';
export * from './estimate/carbon.js';
export * from './estimate/embodied.js';
export * from './estimate/bounds.js';
export * from './estimate/estimateRun.js';
export * from './estimate/runMemory.js';
export * from './estimate/plan.js';
export * from './estimate/runOutputs.js';
// laws/
export * from './laws/types.js';
export * from './laws/validate.js';
export * from './laws/decisions.js';
export * from './laws/published.js';
export * from './laws/costForLoss.js';
export * from './laws/dataConstrained.js';
export * from './laws/inferenceAware.js';
export * from './laws/hyperparams.js';
export * from './laws/kaplanAllocation.js';
export * from './laws/overtrainedModels.js';
// fit/
export * from './fit/lbfgs.js';
export * from './fit/points.js';
export * from './data/chinchillaRows.generated.js';
export * from './fit/chinchillaObjective.js';
export * from './fit/fitChinchilla.js';
export * from './fit/bootstrap.js';
export * from './fit/powerLaw.js';
export * from './fit/isoflop.js';
export * from './fit/envelope.js';
export * from './fit/diagnostics.js';
export * from './fit/identification.js';
export * from './fit/parseInput.js';
export * from './fit/duplicateRuns.js';
// fit/readers: training logs (W&B, Hugging Face Trainer, TensorBoard CSV, any CSV/JSON lines) → fit input
export { parseLog, detectLogFormat, combineRuns, LOG_FORMATS, type LogFormat, type ParseLogOptions } from './fit/readers/parseLog.js';
export type { ColumnFlags } from './fit/readers/runsTable.js';
export * from './fit/repeatDecay.js';
export * from './fit/repeatRuns.js';
// uncertainty/
export * from './uncertainty/index.js';
// sweep/ and report/: sweeps as data, and the analysis of their results
export * from './sweep/index.js';
export * from './report/index.js';
// verify/: predict-then-verify, intervals and honest-projection warnings for the main job
export * from './verify/index.js';
