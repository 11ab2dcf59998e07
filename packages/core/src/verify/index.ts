/** Trust in a sweep's fits: predict-then-verify on a held-out budget, bootstrap intervals, honest-projection warnings (pure). */
export { predictThenVerify, type BudgetPoint, type Verification, type VerifyOptions, type AllocationPrediction } from './heldOut.js';
export { trustAnalysis, type Trust, type TrustOptions, type FittedEstimate, type Band } from './trust.js';
export { projectionWarnings, SANE_TOKENS_PER_PARAM, SATURATION_FRACTION, type ProjectionWarning, type HonestProjectionInput } from './honestProjection.js';
export { HOFFMANN_EXPONENTS, compareWithHoffmann, type PublishedExponent, type ExponentComparison } from './hoffmannExponents.js';
export { bootstrapIsoflop, type IsoflopBootstrap, type IsoflopBootstrapOptions } from './isoflopBootstrap.js';
export { bootstrapBudgetOptima, type BudgetOptimum, type BudgetOptimaOptions } from './budgetOptima.js';
