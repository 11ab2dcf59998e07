/**
 * `estimate --unique-tokens`: the epochs of a planned run over a capped set of unique tokens and
 * what the repeated tokens are worth (effective data D′ of Muennighoff et al. 2023, §3).
 */
import { InputError } from '../errors.js';
import { formatCount, sig } from '../format.js';
import { MUENNIGHOFF2023, repeatedDataSummary } from '../laws/dataConstrained.js';

export type RepeatedData = ReturnType<typeof repeatedDataSummary> & { source: string };

export function repeatedDataFor(tokens: number | null, uniqueTokens: number): RepeatedData {
  if (tokens === null) throw new InputError('--unique-tokens', 'needs the training tokens', 'give --tokens (or a preset or architecture with --tokens)');
  if (!(uniqueTokens > 0)) throw new InputError('--unique-tokens', `must be greater than 0, got ${uniqueTokens}`, 'give the number of unique tokens, e.g. 2e11');
  if (uniqueTokens > tokens) {
    throw new InputError('--unique-tokens', `${formatCount(uniqueTokens)} unique tokens is more than the ${formatCount(tokens)} trained on (epochs would be below 1)`, 'give at most --tokens');
  }
  return { ...repeatedDataSummary(tokens, uniqueTokens), source: `Muennighoff et al. 2023 (arXiv 2305.16264) §3, R*_D = ${sig(MUENNIGHOFF2023.repeatDecayTokens, 3)}; no interval published` };
}

export function formatRepeatedData(r: RepeatedData): string {
  return `  Data      ${sig(r.epochs, 3)} epochs over ${formatCount(r.uniqueTokens)} unique tokens: worth ${formatCount(r.effectiveTokens)} fresh tokens (${sig(100 * r.effectiveFraction, 3)}%); no number of epochs is worth more than ${formatCount(r.effectiveTokensLimit)} — ${r.source}`;
}
