/**
 * Scaling-law forms. Loss is in nats per token; N (params) and D (tokens) are counts.
 *
 * - `chinchilla`: L(N, D) = E + A / N^α + B / D^β (Hoffmann et al. 2022, eq. 2).
 * - `kaplan`: L(N, D) = [(N_c / N)^(α_N/α_D) + D_c / D]^α_D (Kaplan et al. 2020, eq. 1.5),
 *   optionally with the compute law L(C_min) = (C_c / C_min)^α_C, C_c in PF-days (eq. 1.3).
 * - `power`: L(x) = (x_c / x)^α (pure power law in one variable).
 * - `saturating`: L(x) = E + A · x^−α (power law with an irreducible term).
 */
export interface ChinchillaLaw {
  form: 'chinchilla';
  /** Irreducible loss, nats/token. */
  E: number;
  A: number;
  B: number;
  /** Exponent on params N. */
  alpha: number;
  /** Exponent on tokens D. */
  beta: number;
}

export interface KaplanLaw {
  form: 'kaplan';
  alphaN: number;
  /** N_c, non-embedding parameters. */
  paramsC: number;
  alphaD: number;
  /** D_c, tokens. */
  tokensC: number;
  /** α_C for L(C_min) = (C_c/C_min)^α_C (optional). */
  alphaC?: number;
  /** C_c in PF-days (1 PF-day = 8.64e19 FLOP). */
  computeCPfDays?: number;
}

/** Two-variable laws usable for compute-optimal decisions. */
export type Law = ChinchillaLaw | KaplanLaw;

export interface PowerLaw {
  form: 'power';
  /** x_c: the scale at which L = 1. */
  xC: number;
  alpha: number;
}

export interface SaturatingPowerLaw {
  form: 'saturating';
  E: number;
  A: number;
  alpha: number;
}

/** FLOP in one PF-day: 1e15 FLOP/s × 86,400 s (Kaplan et al. 2020, §1.3). */
export const FLOPS_PER_PF_DAY = 8.64e19;
