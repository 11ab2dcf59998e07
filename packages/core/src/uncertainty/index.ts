/** Uncertainty: distributions, seeded Monte Carlo, sensitivity, fit uncertainty carried forward. */
export * from './normalQuantile.js';
export * from './distribution.js';
export * from './sample.js';
export * from './summary.js';
export * from './monteCarlo.js';
export * from './sensitivity.js';
export * from './defaultRanges.js';
export * from './runUncertainty.js';
export * from '../data/gridYears.generated.js';
export * from './projection.js';
export * from './parseDistribution.js';
