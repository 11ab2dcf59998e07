/**
 * @scaling-lab/core — pure functions over plain data: estimation (FLOPs, memory,
 * time, cost, energy, carbon), scaling laws, fitting and uncertainty. No I/O:
 * runs unchanged in Node, browsers and notebooks. Training and sweeps live in
 * the `@scaling-lab/core/train` and `@scaling-lab/core/node` subpaths.
 *
 * Every public name is listed here explicitly, once, from the module that defines it
 * (a name lives in exactly one entry point; packages/core/api-report.md is the
 * reviewed list). Helpers a module uses internally are not exported.
 *
 * @module @scaling-lab/core
 */
export { InputError, requireNumber } from './errors.js';
export { requireWholeNumber } from './wholeNumber.js';
export { assumption, type Assumption } from './assumption.js';
export { createRng, type Rng } from './random.js';
export {
  formatBytes,
  formatCO2eKg,
  formatCount,
  formatDuration,
  formatEnergyKWh,
  formatFlops,
  formatUsd,
  sig,
} from './format.js';
export { parseQuantity } from './parseQuantity.js';
// estimate/
export { normalizeKey, type Candidate, type Match } from './lookup.js';
export type {
  AcceleratorRow,
  CloudRegionCarbonRow,
  ConstantRow,
  CountryCarbonRow,
  PeakRates,
  Precision,
  PriceRow,
  RegionCarbonYears,
} from './data/types.js';
export {
  constant,
  listConstants,
} from './data/constants.js';
export {
  acceleratorNote,
  findAccelerator,
  getAccelerator,
  listAccelerators,
  peakFlopsPerSecond,
} from './data/hardware.js';
export { defaultPrice, listPrices, priceSource } from './data/prices.js';
export { getRegion, gridIntensity, listRegions, type GridRegion } from './data/regions.js';
export {
  PUBLISHED_RUNS,
  getPublishedRun,
  listPublishedRuns,
  type PublishedRun,
  type Sourced,
} from './data/publishedRuns.js';
export {
  normalizeArchitecture,
  paramsFromArchitecture,
  type Architecture,
  type AttentionKind,
  type LayerKind,
  type MlaSpec,
  type NormalizedArchitecture,
  type ParamBreakdown,
} from './estimate/params.js';
export { architectureFromHfConfig, type ConfigArchitecture } from './estimate/architecture/hfConfig.js';
export { detailedTrainingFlops, inferenceFlopsPerToken, paramsForTrainingFlops, tokensForTrainingFlops, trainingFlops, type FlopsBreakdown } from './estimate/flops.js';
export { FROZEN_FLOPS_PER_PARAM_PER_TOKEN, loraTrainingFlops } from './estimate/loraFlops.js';
export {
  activationBytes,
  bytesPerParam,
  loraMemorySavings,
  loraParams,
  trainingMemory,
  type ActivationInput,
  type LoraTarget,
  type MemoryBreakdown,
  type MemoryInput,
  type OptimizerKind,
  type Recompute,
  type TrainingPrecision,
} from './estimate/memory.js';
export {
  acceleratorHours,
  acceleratorsForDeadline,
  acceleratorsForHours,
  flopsForBudget,
  flopsFromHours,
  impliedMfu,
  wallClockHours,
} from './estimate/time.js';
export { costUsd, overheadFraction } from './estimate/cost.js';
export { averageWatts, energyKWh, householdYears, type EnergyInput } from './estimate/energy.js';
export {
  co2eEquivalents,
  formatEquivalents,
  type Co2eEquivalent,
  type Co2eEquivalents,
} from './estimate/equivalents.js';
export { co2eKg, embodiedCo2eKg, waterLitres } from './estimate/carbon.js';
export type { EmbodiedEstimate } from './estimate/embodied.js';
export { INPUT_BOUNDS, type Bounds } from './estimate/bounds.js';
export { DEFAULT_ACCELERATOR, estimateRun, type Estimate, type EstimateSpec } from './estimate/estimateRun.js';
export {
  runMemory,
  type MemoryEstimate,
  type MemorySpec,
  type RunMemoryInput,
} from './estimate/runMemory.js';
export {
  estimatePlanned,
  planForBudget,
  planForDeadline,
  type BudgetPlan,
  type DeadlinePlan,
  type PlannedEstimate,
  type PlanSpec,
} from './estimate/plan.js';
export type { RunInputs, RunOutputs } from './estimate/runOutputs.js';
// laws/
export {
  FLOPS_PER_PF_DAY,
  type ChinchillaLaw,
  type KaplanLaw,
  type Law,
  type PowerLaw,
  type SaturatingPowerLaw,
} from './laws/types.js';
export { validateLaw } from './laws/validate.js';
export {
  computeForLoss,
  computeOptimal,
  frontierExponents,
  kaplanLossAtCompute,
  lossAt,
  lossFloor,
  marginalLossPerDoubling,
  wrongSizePenalty,
  type DoublingStep,
  type OptimalAllocation,
  type WrongSizePenalty,
} from './laws/decisions.js';
export { PUBLISHED_LAWS, getPublishedLaw, type PublishedLaw } from './laws/published.js';
export {
  costForCompute,
  costForLoss,
  estimateAllocation,
  estimateOptimalRun,
  optimalFor,
  type OptimalGoal,
  type OptimalRunEstimate,
  type RunSettings,
} from './laws/costForLoss.js';
export {
  MUENNIGHOFF2023,
  MUENNIGHOFF2023_SOURCE,
  dataConstrainedLoss,
  dataConstrainedOptimal,
  effectiveParams,
  effectiveTokens,
  paramsForTokens,
  repeatedDataSummary,
  type DataConstrainedLaw,
  type DataConstrainedOptimum,
  type DataConstrainedPoint,
} from './laws/dataConstrained.js';
export {
  SARDANA2024_LAW,
  SARDANA2024_SOURCE,
  inferenceAwareOptimal,
  tokensForLoss,
  type InferenceAwareOptions,
  type InferenceAwareResult,
  type LifetimePlan,
} from './laws/inferenceAware.js';
export {
  DEEPSEEK2024_SOURCE,
  KAPLAN2020_BATCH_SOURCE,
  MCCANDLISH2018_SOURCE,
  STEPLAW2025_SOURCE,
  batchTradeoff,
  deepseekHyperparams,
  kaplanCriticalBatch,
  kaplanLearningRate,
  recommendHyperparams,
  stepLawHyperparams,
  type HyperparamFigure,
  type HyperparamsAnswer,
  type HyperparamsRequest,
} from './laws/hyperparams.js';
export {
  KAPLAN2020_ALLOCATION,
  KAPLAN2020_ALLOCATION_SOURCE,
  kaplanPublishedAllocation,
  kaplanPublishedForLoss,
  type KaplanAllocation,
} from './laws/kaplanAllocation.js';
export { OVERTRAINED_MODELS, tokensPerParam, type OvertrainedModel } from './laws/overtrainedModels.js';
// fit/
export type { LbfgsOptions, LbfgsStopReason, ObjectiveWithGradient } from './fit/lbfgs.js';
export {
  chinchillaPoints,
  flopsOf,
  type ScalingPoint,
} from './fit/points.js';
export { CHINCHILLA_SVG_ROWS } from './data/chinchillaRows.generated.js';
export type { ChinchillaData } from './fit/chinchillaObjective.js';
export {
  GRID_LBFGS_OPTIONS,
  HOFFMANN_GRID,
  checkChinchillaDesign,
  fitChinchilla,
  logParamsFromLaw,
  type ChinchillaFit,
  type ChinchillaGrid,
  type FitChinchillaOptions,
} from './fit/fitChinchilla.js';
export {
  bootstrapChinchilla,
  type BootstrapInterval,
  type BootstrapOptions,
  type ChinchillaBootstrap,
} from './fit/bootstrap.js';
export {
  fitLogLinear,
  fitPowerLaw,
  fitSaturatingPowerLaw,
  powerLawLoss,
  type LogLinearFit,
  type SaturatingFit,
} from './fit/powerLaw.js';
export {
  fitIsoflop,
  fitParabola,
  groupByCompute,
  type FitIsoflopOptions,
  type IsoflopFit,
  type IsoflopProfile,
} from './fit/isoflop.js';
export {
  fitEnvelope,
  fitEnvelopePoints,
  type EnvelopeFit,
  type EnvelopePoint,
  type TrainingCurve,
} from './fit/envelope.js';
export { holdoutExtrapolation, logResiduals, logRmse, type HoldoutResult } from './fit/diagnostics.js';
export {
  identifyChinchillaFit,
  identifyIsoflopFit,
  type Identification,
  type IdentificationIssue,
} from './fit/identification.js';
export { parseScalingCsv, parseSweepResults, type ParsedInput } from './fit/parseInput.js';
export type { CurrentRuns, RowRecord } from './fit/duplicateRuns.js';
// fit/readers: training logs (W&B, Hugging Face Trainer, TensorBoard CSV, any CSV/JSON lines) → fit input
export { parseLog, combineRuns, LOG_FORMATS, type LogFormat, type ParseLogOptions } from './fit/readers/parseLog.js';
export type { ColumnFlags } from './fit/readers/runsTable.js';
export {
  bootstrapRepeatDecay,
  fitRepeatDecay,
  type RepeatDecayBootstrap,
  type RepeatDecayFit,
  type RepeatRun,
} from './fit/repeatDecay.js';
export { repeatRunsFromResults, type RepeatRunGroup } from './fit/repeatRuns.js';
// uncertainty/
export { normalQuantile } from './uncertainty/normalQuantile.js';
export {
  describeDistribution,
  distributionQuantile,
  lognormalDistribution,
  normalDistribution,
  pointDistribution,
  samplesDistribution,
  triangularDistribution,
  uniformDistribution,
  type Distribution,
} from './uncertainty/distribution.js';
export { sampleDistribution } from './uncertainty/sample.js';
export { summarize, type SampleInterval } from './uncertainty/summary.js';
export {
  DEFAULT_SAMPLES,
  DEFAULT_SEED,
  MAX_SAMPLES,
  monteCarlo,
  type JointSamples,
  type MonteCarloResult,
  type MonteCarloSpec,
  type OutputResult,
} from './uncertainty/monteCarlo.js';
export {
  sensitivity,
  type SensitivityResult,
  type SensitivitySpec,
  type TornadoBar,
} from './uncertainty/sensitivity.js';
export type { RangeDefault } from './uncertainty/defaultRanges.js';
export {
  RUN_OUTPUTS,
  UNCERTAIN_FIELDS,
  estimateRunUncertain,
  resolveRunInputs,
  runModel,
  type RunOutput,
  type RunPlan,
  type Uncertain,
  type UncertainAssumption,
  type UncertainField,
  type UncertainRunResult,
  type UncertainRunSpec,
} from './uncertainty/runUncertainty.js';
export {
  GCP_CARBON_RANGE_YEARS,
  GCP_CARBON_YEARS,
  GCP_CARBON_YEAR_BASIS,
  TYPICAL_GRID_LOG_SD,
} from './data/gridYears.generated.js';
export {
  PROJECTION_OUTPUTS,
  lawSampleRows,
  projectUncertain,
  type LawColumns,
  type LawParams,
  type ProjectionOutput,
  type ProjectionResult,
  type ProjectionSpec,
} from './uncertainty/projection.js';
export { RANGE_SYNTAX_HELP, parseDistribution } from './uncertainty/parseDistribution.js';
export { equivalentsInterval, type EquivalentInterval, type EquivalentName } from './uncertainty/equivalentsInterval.js';
// sweep/ and report/: sweeps as data, and the analysis of their results
// The trainer's run interface is plain data, so it lives here; the TensorFlow.js trainer is `@scaling-lab/core/train`.
export type { CurvePoint, EnergyEstimate, MarkovDataset, MobyDickDataset, ModelShape } from './train/types.js';
export type {
  DatasetSpec,
  PlannedRun,
  RunResult,
  RunSpec,
  SweepCoordinates,
  SweepRecord,
  TrainProgress,
} from './sweep/types.js';
export {
  parseSweepSpec,
  type LearningRateRule,
  type SweepModelShape,
  type SweepSpec,
  type SweepSpecInput,
} from './sweep/spec.js';
export type { FromWorker, ToWorker, WorkerRunTiming } from './sweep/protocol.js';
export {
  parseResults,
  type ParamsKind,
  type ParsedResults,
  type RecordFields,
} from './sweep/results.js';
export {
  analyse,
  type Allocation,
  type AnalyseOptions,
  type Analysis,
  type ChinchillaLawLike,
  type PowerLawFit,
  type Projection,
  type RunPoint,
} from './report/analyse.js';
export { PALETTE, renderChart, type ChartSeries, type ChartSpec } from './report/svg.js';
export { frontierChart, isoflopChart } from './report/charts.js';
export type { ProjectionSource } from './report/identified.js';
// verify/: predict-then-verify, intervals and honest-projection warnings for the main job
export { predictThenVerify, type BudgetPoint, type Verification, type VerifyOptions, type AllocationPrediction } from './verify/heldOut.js';
export { trustAnalysis, type Trust, type TrustOptions, type FittedEstimate, type Band } from './verify/trust.js';
export { projectionWarnings, SANE_TOKENS_PER_PARAM, SATURATION_FRACTION, type ProjectionWarning, type HonestProjectionInput } from './verify/honestProjection.js';
export { HOFFMANN_EXPONENTS, compareWithHoffmann, type PublishedExponent, type ExponentComparison } from './verify/hoffmannExponents.js';
export { bootstrapIsoflop, type IsoflopBootstrap, type IsoflopBootstrapOptions } from './verify/isoflopBootstrap.js';
export { bootstrapBudgetOptima, type BudgetOptimum, type BudgetOptimaOptions } from './verify/budgetOptima.js';
