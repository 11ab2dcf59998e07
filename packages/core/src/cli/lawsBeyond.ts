/**
 * The `laws` listing's rows for the laws beyond Chinchilla's allocation: each with its formula,
 * its citation, when it applies (in plain words) and a figure at the listing's budget.
 */
import { formatCount, formatFlops, sig } from '../format.js';
import { dataConstrainedOptimal, MUENNIGHOFF2023, MUENNIGHOFF2023_SOURCE } from '../laws/dataConstrained.js';
import { DEEPSEEK2024_SOURCE, deepseekHyperparams, KAPLAN2020_BATCH_SOURCE, MCCANDLISH2018_SOURCE, STEPLAW2025_SOURCE } from '../laws/hyperparams.js';
import { SARDANA2024_SOURCE } from '../laws/inferenceAware.js';
import { KAPLAN2020_ALLOCATION_SOURCE, kaplanPublishedAllocation } from '../laws/kaplanAllocation.js';

export interface BeyondLawRow {
  id: string;
  kind: 'beyond-chinchilla';
  name: string;
  formula: string;
  citation: string;
  appliesWhen: string;
  /** One figure at the listing's budget, in words. */
  atCompute: string;
}

export function beyondLawRows(compute: number): BeyondLawRow[] {
  const dc = dataConstrainedOptimal(MUENNIGHOFF2023, { flops: compute, uniqueTokens: dataConstrainedOptimal(MUENNIGHOFF2023, { flops: compute, uniqueTokens: 1e300 }).unlimited.tokens / 8 });
  const kp = kaplanPublishedAllocation(compute);
  const [eta, batch] = deepseekHyperparams(compute);
  return [
    {
      id: 'muennighoff2023', kind: 'beyond-chinchilla', name: 'Data-constrained (repeated data)',
      formula: `L = E + A/N′^α + B/D′^β, D′ = U + U·R*_D(1 − e^(−R_D/R*_D)), R*_D ${sig(MUENNIGHOFF2023.repeatDecayTokens, 4)}, R*_N ${sig(MUENNIGHOFF2023.repeatDecayParams, 4)}`,
      citation: MUENNIGHOFF2023_SOURCE,
      appliesWhen: 'you have fewer unique tokens than the compute-optimal run wants and must repeat them (optimal --unique-tokens, estimate --unique-tokens)',
      atCompute: `with 1/8 of the unique data it wants: ${sig(dc.epochs, 3)} epochs, N ${formatCount(dc.params)}, loss +${sig(dc.lossPenalty, 3)} nats/token`,
    },
    {
      id: 'sardana2024', kind: 'beyond-chinchilla', name: 'Inference-aware sizing',
      formula: 'minimise 6ND + 2N·T_inference subject to L(N, D) = target',
      citation: SARDANA2024_SOURCE,
      appliesWhen: 'the model will serve many tokens: a smaller model trained longer costs less over its life (optimal --target-loss --inference-tokens)',
      atCompute: '—',
    },
    {
      id: 'kaplan2020-allocation', kind: 'beyond-chinchilla', name: "Kaplan et al.'s published allocation",
      formula: 'N_opt = 1.3e9 · C_min[PF-days]^0.73, D = C/(6N)',
      citation: KAPLAN2020_ALLOCATION_SOURCE,
      appliesWhen: "reproducing the 2020 recommendation (superseded by Chinchilla's ~20 tokens/param); the kaplan2020 row above is the allocation derived from eq. 1.5 instead",
      atCompute: `at ${formatFlops(compute)}: N ${formatCount(kp.params)}, D ${formatCount(kp.tokens)} (${sig(kp.tokensPerParam, 3)} tokens/param)`,
    },
    {
      id: 'deepseek2024', kind: 'beyond-chinchilla', name: 'Learning rate and batch size (DeepSeek LLM)',
      formula: 'η = 0.3118·C^−0.125, B = 0.2920·C^0.3271 tokens',
      citation: DEEPSEEK2024_SOURCE,
      appliesWhen: 'choosing the peak learning rate and batch for a compute budget (hyperparams --compute)',
      atCompute: `at ${formatFlops(compute)}: η ${sig(eta.value, 3)}, batch ${formatCount(batch.value)} tokens${eta.warning ? ` (${eta.warning})` : ''}`,
    },
    {
      id: 'steplaw2025', kind: 'beyond-chinchilla', name: 'Learning rate and batch size (Step Law)',
      formula: 'η = 1.79·N^−0.713·D^0.307, B = 0.58·D^0.571 tokens',
      citation: STEPLAW2025_SOURCE,
      appliesWhen: 'picking them from model size and tokens rather than compute (hyperparams --params --tokens)',
      atCompute: '—',
    },
    {
      id: 'kaplan2020-critical-batch', kind: 'beyond-chinchilla', name: 'Critical batch size',
      formula: 'B_crit = 2e8 / L^(1/0.21) tokens; (S/S_min − 1)(E/E_min − 1) = 1',
      citation: `${KAPLAN2020_BATCH_SOURCE}; ${MCCANDLISH2018_SOURCE}`,
      appliesWhen: 'deciding how far the batch can grow before extra data per step is wasted (hyperparams)',
      atCompute: '—',
    },
  ];
}
