/**
 * Test data for the verify/ tests: an isoFLOP sweep generated from a known
 * Chinchilla-form law (Hoffmann et al. 2022's rounded fit, E 1.69, A 406.4,
 * B 410.7, α 0.34, β 0.28) with seeded multiplicative noise, 7 sizes per budget
 * spanning ×10 around each budget's true optimum.
 */
import { computeOptimal, lossAtUnchecked } from '../laws/decisions.js';
import { tokensForTrainingFlopsUnchecked } from '../estimate/flops.js';
import type { ChinchillaLaw } from '../laws/types.js';
import { createRng } from '../random.js';
import type { BudgetPoint } from './heldOut.js';

export const TRUE_LAW: ChinchillaLaw = { form: 'chinchilla', E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };

export function isoflopSweep(budgets: number[], sigmaLog = 0.003, seed = 7): BudgetPoint[] {
  const rng = createRng(seed);
  const out: BudgetPoint[] = [];
  for (const C of budgets) {
    const nOpt = computeOptimal(TRUE_LAW, C).params;
    for (let k = -3; k <= 3; k++) {
      const params = nOpt * 10 ** (k / 3);
      const tokens = tokensForTrainingFlopsUnchecked(C, params);
      out.push({ id: `C${C}-k${k}`, params, tokens, flopsBudget: C, loss: lossAtUnchecked(TRUE_LAW, params, tokens) * Math.exp(sigmaLog * rng.normal()) });
    }
  }
  return out;
}
