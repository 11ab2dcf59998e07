/**
 * Every `@example` in the doc comments of `@scaling-lab/core`'s root export runs against
 * the built package (npm run build first), and every value it shows with `// → value` is
 * what the library returns. The main entry points (ENTRY_POINTS) must each carry a full
 * doc comment: what it computes, @param for each parameter, @returns and an @example.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docExamples, exportedDocs, runExamples } from './helpers/doc-examples';

const core = join(import.meta.dirname, '..', 'packages', 'core');
const entry = join(core, 'src', 'index.ts');

/** The functions a reader starts from: each has a complete, tested doc comment. */
const ENTRY_POINTS = [
  'parseQuantity',
  'trainingFlops',
  'tokensForTrainingFlops',
  'paramsForTrainingFlops',
  'paramsFromArchitecture',
  'trainingMemory',
  'wallClockHours',
  'costUsd',
  'energyKWh',
  'co2eKg',
  'estimateRun',
  'getAccelerator',
  'getPublishedLaw',
  'lossAt',
  'computeOptimal',
  'tokensForLoss',
  'dataConstrainedOptimal',
  'inferenceAwareOptimal',
  'recommendHyperparams',
  'chinchillaPoints',
  'fitChinchilla',
  'fitPowerLaw',
  'parseDistribution',
  'estimateRunUncertain',
  'parseSweepSpec',
  'formatFlops',
  'acceleratorHours',
  'detailedTrainingFlops',
  'inferenceFlopsPerToken',
  'peakFlopsPerSecond',
  'getRegion',
  'formatUsd',
  'formatDuration',
  'formatCO2eKg',
  'formatEnergyKWh',
  'dataConstrainedLoss',
  'normalQuantile',
  'getPublishedRun',
  'kaplanPublishedAllocation',
  'fitIsoflop',
  'averageWatts',
  'householdYears',
  'overheadFraction',
  'fitParabola',
  'fitLogLinear',
  'deepseekHyperparams',
  'kaplanCriticalBatch',
  'lossFloor',
  'marginalLossPerDoubling',
  'wrongSizePenalty',
  'createRng',
  'formatCount',
  'formatBytes',
  'loraParams',
  'parseScalingCsv',
  'monteCarlo',
  'distributionQuantile',
  'validateLaw',
  'listAccelerators',
  'listPublishedRuns',
  'gridIntensity',
  'describeDistribution',
  'lognormalDistribution',
  'sig',
  'embodiedCo2eKg',
  'waterLitres',
  // errors, look-ups, data, estimate
  'InputError',
  'requireNumber',
  'requireWholeNumber',
  'assumption',
  'normalizeKey',
  'constant',
  'listConstants',
  'acceleratorNote',
  'findAccelerator',
  'defaultPrice',
  'listPrices',
  'priceSource',
  'listRegions',
  'acceleratorsForDeadline',
  'acceleratorsForHours',
  'flopsForBudget',
  'flopsFromHours',
  'impliedMfu',
  'co2eEquivalents',
  'formatEquivalents',
  'loraTrainingFlops',
  'bytesPerParam',
  'activationBytes',
  'loraMemorySavings',
  'estimatePlanned',
  'planForDeadline',
  'planForBudget',
  'normalizeArchitecture',
  'architectureFromHfConfig',
  'runMemory',
  // laws, fit
  'computeForLoss',
  'frontierExponents',
  'kaplanLossAtCompute',
  'costForCompute',
  'costForLoss',
  'estimateAllocation',
  'estimateOptimalRun',
  'optimalFor',
  'effectiveParams',
  'effectiveTokens',
  'paramsForTokens',
  'repeatedDataSummary',
  'batchTradeoff',
  'kaplanLearningRate',
  'stepLawHyperparams',
  'kaplanPublishedForLoss',
  'tokensPerParam',
  'flopsOf',
  'checkChinchillaDesign',
  'logParamsFromLaw',
  'bootstrapChinchilla',
  'fitSaturatingPowerLaw',
  'powerLawLoss',
  'groupByCompute',
  'fitEnvelope',
  'fitEnvelopePoints',
  'holdoutExtrapolation',
  'logResiduals',
  'logRmse',
  'identifyChinchillaFit',
  'identifyIsoflopFit',
  'parseSweepResults',
  'parseLog',
  'combineRuns',
  'bootstrapRepeatDecay',
  'fitRepeatDecay',
  'repeatRunsFromResults',
  // uncertainty, sweep, report, verify
  'pointDistribution',
  'uniformDistribution',
  'triangularDistribution',
  'normalDistribution',
  'samplesDistribution',
  'sampleDistribution',
  'summarize',
  'sensitivity',
  'resolveRunInputs',
  'runModel',
  'lawSampleRows',
  'projectUncertain',
  'equivalentsInterval',
  'parseResults',
  'renderChart',
  'predictThenVerify',
  'trustAnalysis',
  'projectionWarnings',
  'compareWithHoffmann',
  'bootstrapIsoflop',
  'bootstrapBudgetOptima',
  'analyse',
  'isoflopChart',
  'frontierChart',
];

const docs = exportedDocs(entry);
const examples = docExamples(entry);

describe('doc comments of the root export', () => {
  it('every main entry point has a description, @param per parameter, @returns and an @example', () => {
    const missing: string[] = [];
    // ENTRY_POINTS names the functions a reader starts from; beyond them, every function and class the root exports
    // must carry the same complete comment, so a new export without one fails here.
    const exported = docs.filter((d) => d.kind !== 'other').map((d) => d.name);
    for (const name of new Set([...ENTRY_POINTS, ...exported])) {
      const d = docs.find((x) => x.name === name);
      if (!d) {
        missing.push(`${name}: not exported`);
        continue;
      }
      const tags = d.tags.map((t) => t.name);
      if (d.doc.trim().length < 40) missing.push(`${name}: no description`);
      if (tags.filter((t) => t === 'param').length < d.params) missing.push(`${name}: @param for ${d.params} parameter(s), has ${tags.filter((t) => t === 'param').length}`);
      if (!tags.includes('returns')) missing.push(`${name}: no @returns`);
      if (!tags.includes('example')) missing.push(`${name}: no @example`);
    }
    expect(missing).toEqual([]);
  });

  it('every @example runs against the built package and shows the values it returns', () => {
    expect(examples.length).toBeGreaterThanOrEqual(ENTRY_POINTS.length);
    const outcomes = runExamples(examples, join(core, 'dist'));
    const failed = outcomes.filter((o) => !o.ok).map((o) => `${o.name}: ${o.error}`);
    expect(failed).toEqual([]);
    // most examples show a value, not only that they run
    expect(outcomes.filter((o) => o.checks > 0).length).toBeGreaterThanOrEqual(ENTRY_POINTS.length - 2);
  }, 120_000);

  it('the runner fails an example whose shown value is wrong, that throws, or that misses a throw', () => {
    const outcomes = runExamples(
      [
        { name: 'right', code: "import { trainingFlops } from '@scaling-lab/core';\ntrainingFlops(70e9, 1.4e12); // → 5.88e23" },
        { name: 'wrong value', code: "import { trainingFlops } from '@scaling-lab/core';\ntrainingFlops(70e9, 1.4e12); // → 5.8e23" },
        { name: 'wrong string', code: "import { formatFlops } from '@scaling-lab/core';\nformatFlops(5.88e23); // → 'nonsense'" },
        { name: 'throws', code: "import { getAccelerator } from '@scaling-lab/core';\ngetAccelerator('no such chip');" },
        { name: 'expected throw', code: "import { trainingFlops } from '@scaling-lab/core';\ntrainingFlops(1, 1); // → throws InputError" },
        { name: 'declared', code: "import { trainingFlops } from '@scaling-lab/core';\nconst c = trainingFlops(1e9, 2e10); // → 1.2e20" },
      ],
      join(core, 'dist'),
    );
    expect(outcomes.map((o) => [o.name, o.ok])).toEqual([
      ['right', true],
      ['wrong value', false],
      ['wrong string', false],
      ['throws', false],
      ['expected throw', false],
      ['declared', true],
    ]);
    expect(outcomes[1].error).toMatch(/line 2: got 5\.88e\+23, expected 5\.8e23/);
  }, 120_000);
});
