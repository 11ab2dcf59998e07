/**
 * Published scaling laws, each with its citation. Loss in nats/token.
 */
import { InputError } from '../errors.js';
import type { Law } from './types.js';

export interface PublishedLaw {
  id: string;
  name: string;
  law: Law;
  /** Paper, with where in it the numbers are. */
  citation: string;
  notes: string;
}

export const PUBLISHED_LAWS: readonly PublishedLaw[] = [
  {
    id: 'hoffmann2022',
    name: 'Chinchilla, Approach 3 (rounded)',
    law: { form: 'chinchilla', E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 },
    citation: 'Hoffmann et al. 2022, "Training Compute-Optimal Large Language Models", arXiv 2203.15556, Appendix D.2, eq. (10) (the form is §3.3 eq. (2))',
    notes: 'As printed in the paper (rounded; re-read 2026-12-02). Frontier exponent a = β/(α+β) = 0.4516.',
  },
  {
    id: 'hoffmann2022-unrounded',
    name: 'Chinchilla, Approach 3 (unrounded)',
    law: {
      form: 'chinchilla',
      E: Math.exp(0.5267228),
      A: Math.exp(6.0073404),
      B: Math.exp(6.0179186),
      alpha: 0.33917084,
      beta: 0.2849083,
    },
    citation:
      'Hoffmann et al. 2022 (arXiv 2203.15556) Approach 3; unrounded values ln A 6.0073404, ln B 6.0179186, ln E 0.5267228, α 0.33917084, β 0.2849083 as reported by Besiroglu et al. 2024 (arXiv 2404.10102, §2) from the Chinchilla authors',
    notes: 'Frontier exponent a = 0.4565.',
  },
  {
    id: 'besiroglu2024',
    name: 'Chinchilla replication (Epoch AI)',
    law: { form: 'chinchilla', E: 1.8172, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 },
    citation:
      'Besiroglu, Erdil, Barnett & You 2024, "Chinchilla Scaling: A replication attempt", arXiv 2404.10102, their estimates with standard errors: E 1.8172 (0.03), A 482.01 (124.58), B 2085.43 (1293.23), α 0.3478 (0.02), β 0.3658 (0.02); the authors\' notebook (github.com/epoch-research/analyzing-chinchilla, data_analysis.ipynb) prints the unrounded A 482.006, B 2085.434, E 1.81686, α 0.34781, β 0.36585',
    notes:
      'Refit of Approach 3 on the points extracted from Hoffmann et al. Figure 4 (this repo: packages/core/data/chinchilla); values as printed, re-read 2026-12-02 (β was 0.3659, the notebook\'s 0.36585 rounded, before). Frontier exponent a = 0.5126; ~20 tokens per parameter.',
  },
  {
    id: 'kaplan2020',
    name: 'Kaplan et al. (OpenAI) 2020',
    law: { form: 'kaplan', alphaN: 0.076, paramsC: 8.8e13, alphaD: 0.095, tokensC: 5.4e13, alphaC: 0.05, computeCPfDays: 3.1e8 },
    citation:
      'Kaplan et al. 2020, "Scaling Laws for Neural Language Models", arXiv 2001.08361, eqs. 1.1–1.3 (α_N 0.076, N_c 8.8e13 non-embedding params; α_D 0.095, D_c 5.4e13 tokens; α_C^min 0.050, C_c 3.1e8 PF-days), combined by eq. 1.5',
    notes:
      'N counts non-embedding parameters; loss is on WebText2 with the GPT-2 tokenizer. The paper\'s joint L(N, D) fit (Table 2) uses slightly different constants; these are the single-variable ones.',
  },
];

/**
 * A published scaling law by id (case-insensitive): its parameters, citation and fitted
 * range. `hoffmann2022` is Chinchilla's Approach 3, L = E + A/N^α + B/D^β with E 1.69,
 * A 406.4, B 410.7, α 0.34, β 0.28 (Hoffmann et al. 2022, §3.3 and Appendix D.2).
 *
 * @param id - `hoffmann2022`, `hoffmann2022-unrounded`, `besiroglu2024` or `kaplan2020`
 * @returns the law with its source
 * @throws InputError for field `law` listing the known ids
 * @example
 * ```ts
 * import { getPublishedLaw } from '@scaling-lab/core';
 * getPublishedLaw('hoffmann2022').law.alpha; // → 0.34
 * getPublishedLaw('nope'); // → throws InputError
 * ```
 */
export function getPublishedLaw(id: string): PublishedLaw {
  const key = String(id).trim().toLowerCase();
  const found = PUBLISHED_LAWS.find((l) => l.id === key);
  if (found) return found;
  const ids = PUBLISHED_LAWS.map((l) => l.id);
  const near = ids.find((i) => i.startsWith(key.slice(0, 4)) && key.length >= 4);
  throw new InputError(
    'law',
    `unknown law "${id}"${near ? ` (did you mean "${near}"?)` : ''}`,
    `use one of ${ids.join(', ')}, or a fit JSON file`,
  );
}
