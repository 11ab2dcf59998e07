/**
 * The live trainer's "recommended learning rate" preset: DeepSeek LLM's η = 0.3118·C^−0.125
 * (Bi et al. 2024, §3.1, via core's deepseekHyperparams) at this run's compute C = 6·N·D, with
 * N = 12·layers·d_model² non-embedding parameters (Kaplan et al. 2020, Table 1) and
 * D = steps · batch · context tokens. A browser run is some 1e5× below the fit's smallest budget,
 * so the note says how far it extrapolates.
 */
import { deepseekHyperparams, formatFlops, sig, trainingFlops } from '@scaling-lab/core';

export function recommendedLearningRate(m: { layers: number; dModel: number; steps: number; batchSize: number; context: number }) {
  const params = 12 * m.layers * m.dModel ** 2;
  const tokens = m.steps * m.batchSize * m.context;
  const flops = trainingFlops(params, tokens);
  const [eta] = deepseekHyperparams(flops);
  // the form takes up to 4 significant digits; a rounder figure reads better
  const value = Number(sig(eta.value, 2));
  return {
    value,
    flops,
    note: `Recommended peak learning rate ${value} for ${formatFlops(flops)} (6·N·D with N = ${params} non-embedding parameters, D = ${tokens} tokens): ${eta.formula}, ${eta.source}.${eta.warning ? ` Outside the fitted range: ${eta.warning}.` : ''}`,
  };
}
