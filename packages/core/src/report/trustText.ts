/**
 * The trust sections of the console summary and report.md: the held-out
 * verification (predicted vs measured), every fitted exponent with its interval,
 * the projection with intervals, the comparison with Hoffmann et al.'s
 * exponents, and the honest-projection warnings (verify/trust.ts computes them).
 */
import { formatCO2eKg, formatCount, formatEnergyKWh, formatUsd } from '../format.js';
import type { FittedEstimate, Trust } from '../verify/trust.js';
import type { Interval } from '../verify/heldOut.js';

const sci = (x: number, d = 2) => x.toExponential(d).replace('e+', 'e');
const num = (x: number) => (Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-2 && x !== 0) ? sci(x) : x.toPrecision(3));
const iv = ([lo, hi]: Interval, f: (x: number) => string = num) => `[${f(lo)}, ${f(hi)}]`;
const withIv = (e: FittedEstimate, f: (x: number) => string = num) => `${f(e.estimate)} ${iv(e.interval, f)}`;
const pct = (level: number) => `${Math.round(level * 100)} %`;

/** "Predict, then verify" lines. */
export function verificationLines(t: Trust): string[] {
  const v = t.verification;
  if (!v) return [`Predict, then verify: not available (${t.verificationUnavailable ?? 'no isoFLOP budgets'})`];
  const out: string[] = [];
  out.push(`Predict, then verify: fitted on the ${v.fittedRuns} runs of budgets ${v.fittedBudgets.map((c) => sci(c, 0)).join(', ')} FLOPs only, predicted the held-out budget ${sci(v.budgetFlops, 0)} FLOPs (${pct(v.level)} bootstrap intervals, ${v.bootstrapSamples} replicates${v.bootstrapDegenerate ? `, ${v.bootstrapDegenerate} degenerate dropped` : ''}):`);
  out.push(`  loss        predicted ${v.predictedLoss.toFixed(3)} ${iv(v.predictedLossInterval, (x) => x.toFixed(3))}, measured ${v.measuredLoss.toFixed(3)} (best run, ${v.measuredBest.id ?? formatCount(v.measuredBest.params)}): error ${v.lossErrorPercent >= 0 ? '+' : ''}${v.lossErrorPercent.toFixed(2)} %, ${v.inside ? 'INSIDE' : 'OUTSIDE'} the interval`);
  out.push(`  model size  predicted N_opt ${formatCount(v.predictedParams)} ${iv(v.predictedParamsInterval, formatCount)} (${v.predictedParamsSource === 'approach2' ? 'Approach 2' : 'Approach 3'}), measured best ${formatCount(v.measuredBestParams)} (${v.measuredBestParamsFrom}): ×${v.paramsRatio.toFixed(2)}, ${v.paramsInside ? 'inside' : 'outside'} the interval`);
  if (v.predictedParamsSource === 'approach2') {
    const a3 = v.byApproach.approach3;
    out.push(`              (Approach 3 predicted ${formatCount(a3.params)} ${iv(a3.paramsInterval, formatCount)}: ×${(v.measuredBestParams / a3.params).toFixed(2)})`);
  }
  out.push(`  tokens      predicted D_opt ${formatCount(v.predictedTokens)} ${iv(v.predictedTokensInterval, formatCount)}`);
  return out;
}

/** Each budget's measured optimum with its interval (the rows above, from the parabola vertex). */
export function budgetOptimaLines(t: Trust): string[] {
  const out = [`  with ${pct(t.level)} intervals (parametric bootstrap of each budget's parabola, run scatter as above; "inside": share of replicates whose vertex stays within the sampled sizes):`];
  for (const b of t.budgetOptima) {
    out.push(
      `  ${sci(b.flops).padEnd(10)}  N_opt ${withIv(b.params, formatCount)}, D_opt ${withIv(b.tokens, formatCount)}, loss ${withIv(b.loss, (x) => x.toFixed(3))}; inside ${Math.round(b.insideShare * 100)} %` +
        (b.noMinimum ? `, ${b.noMinimum} of ${b.samples} replicates without a minimum` : '') +
        (b.vertexInside ? '' : ' (its vertex lies outside the sampled sizes: Approach 2 leaves this budget out)'),
    );
  }
  return out;
}

/** Exponents with intervals, and against Hoffmann et al. */
export function exponentLines(t: Trust): string[] {
  const out: string[] = [`Fitted exponents (${pct(t.level)} bootstrap intervals, all runs)`];
  const a3 = t.approach3;
  if (a3) {
    out.push(`  Approach 3: E ${withIv(a3.E)}, α ${withIv(a3.alpha)}, β ${withIv(a3.beta)}; A ${withIv(a3.A)}, B ${withIv(a3.B)}`);
    out.push(`              frontier exponents a = β/(α+β) ${withIv(a3.a)}, b ${withIv(a3.b)}${a3.degenerateReplicates ? ` (${a3.degenerateReplicates} degenerate replicates dropped)` : ''}`);
  }
  const a2 = t.approach2;
  if (a2) out.push(`  Approach 2: N_opt ∝ C^a, a ${withIv(a2.a)}; D_opt ∝ C^b, b ${withIv(a2.b)} (parametric bootstrap, run scatter σ = ${a2.sigmaLog.toFixed(3)} in ln loss${a2.failedReplicates ? `; ${a2.failedReplicates} replicates without two isoFLOP minima` : ''})`);
  for (const h of t.hoffmann) out.push(`  vs Chinchilla: ${h.message}`);
  return out;
}

/** The projection with intervals. */
export function projectionIntervalLines(t: Trust, targetLabel: string): string[] {
  const p = t.projection;
  const out: string[] = [`Projection for ${targetLabel} with ${pct(t.level)} intervals`];
  if (p.approach2) out.push(`  Approach 2: N ${withIv(p.approach2.params, formatCount)}, D ${withIv(p.approach2.tokens, formatCount)}`);
  if (p.approach3) out.push(`  Approach 3: N ${withIv(p.approach3.params, formatCount)}, D ${withIv(p.approach3.tokens, formatCount)}, loss ${withIv(p.approach3.loss, (x) => x.toFixed(3))} nats/token`);
  if (p.run) {
    const r = p.run;
    out.push(`  on ${r.hardware} (median and interval over MFU, power, PUE, grid, price ranges; the compute is fixed at the target):`);
    out.push(`    GPU-hours ${withIv(r.acceleratorHours, formatCount)}`);
    if (r.costUsd) out.push(`    cost      ${withIv(r.costUsd, formatUsd)}`);
    out.push(`    energy    ${withIv(r.energyKWh, formatEnergyKWh)}`);
    out.push(`    CO2e      ${withIv(r.co2eKg, formatCO2eKg)} (location-based)`);
  } else if (p.runUnavailable) out.push(`  run cost: unavailable (${p.runUnavailable})`);
  return out;
}

export function warningLines(t: Trust): string[] {
  if (!t.warnings.length) return [];
  return ['Warnings', ...t.warnings.map((w) => `  ! ${w.message}`)];
}

/** All trust sections, blank-line separated. */
export function trustText(t: Trust, targetLabel: string): string[] {
  const blocks = [verificationLines(t), exponentLines(t), projectionIntervalLines(t, targetLabel), warningLines(t)].filter((b) => b.length);
  return blocks.flatMap((b, i) => (i ? ['', ...b] : b));
}
