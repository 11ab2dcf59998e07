/**
 * `scaling-lab fit <file.csv|results.jsonl|chinchilla>`: fit a scaling law to training runs.
 *
 *   scaling-lab fit runs.csv                       # Approach 3: L = E + A/N^α + B/D^β
 *   scaling-lab fit sweeps/results/quick.jsonl --approach 2
 *   scaling-lab fit chinchilla --bootstrap 1000 --out fit.json
 *   scaling-lab optimal --compute 1e24 --law fit.json
 *
 * CSV columns (by name, case-insensitive): params|N|model size, tokens|D (or flops|C|training
 * flop, D = C/6N), loss|final loss|val_loss. Sweep results: N = paramsNonEmbedding (or
 * --params total), D = tokens, loss = finalValLoss, diverged runs skipped. `chinchilla` is the
 * built-in Hoffmann et al. 2022 Figure 4 data (Besiroglu et al. 2024 extraction; 5 highest-loss
 * rows dropped as they did). The fit JSON (`--out`, `--json`) holds `law` so `--law fit.json` reuses it.
 */
import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { InputError } from '../errors.js';
import { formatCount, formatFlops, sig } from '../format.js';
import { computeOptimal, frontierExponents } from '../laws/decisions.js';
import { bootstrapChinchilla } from '../fit/bootstrap.js';
import { holdoutExtrapolation, logRmse } from '../fit/diagnostics.js';
import { fitEnvelope, fitEnvelopePoints } from '../fit/envelope.js';
import { fitChinchilla } from '../fit/fitChinchilla.js';
import { fitIsoflop } from '../fit/isoflop.js';
import type { ParsedInput } from '../fit/parseInput.js';
import { chinchillaPoints, dropHighestLoss, type ScalingPoint } from '../fit/points.js';
import { action, numberArg, printJson } from './util.js';
import { oneLineErrors } from './oneLineErrors.js';
import { addLogOptions, readLogInput, type LogCliOptions } from './fitLogs.js';
import { assertWritable } from './writable.js';

interface FitCliOptions extends LogCliOptions {
  approach: string;
  bootstrap?: number;
  seed: number;
  dropHighestLoss?: number;
  holdout?: number;
  compute: number;
  out?: string;
  json?: boolean;
}

/** Reads the input named on the command line (the only I/O; parsing is in the pure core). */
export function readFitInput(file: string, opts: LogCliOptions & { dropHighestLoss?: number }): ParsedInput & { source: string } {
  if (file.toLowerCase() === 'chinchilla') {
    const drop = opts.dropHighestLoss ?? 5;
    const points = dropHighestLoss(chinchillaPoints({ dropHighestLoss: 0 }), drop, '--drop-highest-loss');
    return {
      source: 'chinchilla (Hoffmann et al. 2022 Fig. 4, extracted by Besiroglu et al. 2024; packages/core/data/chinchilla)',
      points,
      rows: 245,
      skipped: [{ row: 0, reason: `the ${245 - points.length} highest-loss rows dropped, as Besiroglu et al. did` }],
      columns: { params: 'Model Size', tokens: 'Training FLOP / (6 N)', flops: 'Training FLOP', loss: 'loss' },
    };
  }
  const parsed = readLogInput(file, opts);
  const drop = opts.dropHighestLoss ?? 0;
  const points = dropHighestLoss(parsed.points, drop, '--drop-highest-loss');
  if (drop > 0) {
    parsed.skipped.push({ row: 0, reason: `${parsed.points.length - points.length} highest-loss rows dropped (--drop-highest-loss ${drop})` });
  }
  return { ...parsed, points, source: file };
}

const round = (x: number) => Number(x.toPrecision(8));

export function runFit(file: string, opts: FitCliOptions): { json: Record<string, unknown>; text: string[] } {
  const approach = Number(opts.approach);
  const input = readFitInput(file, opts);
  const pts: ScalingPoint[] = input.points;
  const source = { file: input.source, rows: input.rows, used: pts.length, skipped: input.skipped, columns: input.columns };
  const text: string[] = [`Input: ${input.source}: ${pts.length} runs used of ${input.rows}${input.skipped.length ? ` (${input.skipped.map((s) => s.reason).join('; ')})` : ''}`];
  const C = opts.compute;

  if (approach === 3) {
    const t0 = performance.now();
    const fit = fitChinchilla(pts);
    const seconds = (performance.now() - t0) / 1000;
    const law = fit.law;
    const ident = fit.identification!;
    // A law with an exponent ≤ 0 has no compute-optimal frontier: no projection is made from it.
    const projectable = law.alpha > 0 && law.beta > 0;
    const fr = projectable ? frontierExponents(law) : null;
    let opt: ReturnType<typeof computeOptimal> | null = null;
    if (projectable) {
      try { opt = computeOptimal(law, C); } catch (err) { if (!(err instanceof InputError)) throw err; }
    }
    const json: Record<string, unknown> = {
      law,
      approach: 3,
      method: 'Hoffmann et al. 2022 Approach 3: sum of Huber(δ=1e-3) losses in log space, L-BFGS from a 4,500-start grid',
      source,
      identification: ident,
      fit: {
        objective: fit.objective,
        converged: fit.converged,
        stopReason: fit.stopReason,
        iterations: fit.iterations,
        gradientNorm: fit.gradientNorm,
        starts: fit.starts,
        startsAtBest: fit.startsAtBest,
        startsConverged: fit.startsConverged,
        nearBest: fit.nearBest,
        logParams: fit.logParams,
        seconds: round(seconds),
      },
      frontier: fr ? { a: fr.a, b: fr.b } : null,
      optimalAt: opt,
      diagnostics: { logRmse: projectable ? logRmse(law, pts) : null } as Record<string, unknown>,
    };
    text.push(
      `Law (Approach 3): L(N, D) = ${sig(law.E, 5)} + ${sig(law.A, 5)}/N^${sig(law.alpha, 5)} + ${sig(law.B, 5)}/D^${sig(law.beta, 5)}`,
      `Fit: objective ${sig(fit.objective, 10)}; optimiser ${fit.converged ? 'converged' : 'DID NOT CONVERGE'} (${fit.stopReason}); ${fit.startsAtBest} of ${fit.starts} starts reached the best; ${sig(seconds, 3)} s`,
      ident.identified ? 'Identified: exponents positive and plausible, E inside its bounds, the starts that fit as well agree' : `WARNING: ${ident.summary}`,
    );
    if (fr) text.push(`Frontier: N_opt ∝ C^${sig(fr.a, 4)}, D_opt ∝ C^${sig(fr.b, 4)}; log-RMSE ${sig(logRmse(law, pts), 3)}`);
    if (opts.holdout && !projectable) throw new InputError('--holdout', 'cannot score a fit that is not identified (an exponent is not positive)', 'drop --holdout, or fit runs whose loss falls with size and data');
    if (opt) text.push(`At ${formatFlops(C)}: N_opt ${formatCount(opt.params)}, D_opt ${formatCount(opt.tokens)} tokens (${sig(opt.tokensPerParam, 3)} tokens/param), loss ${sig(opt.loss, 4)}${ident.identified ? '' : ' — from a fit that is not identified: do not rely on it'}`);
    else text.push(`At ${formatFlops(C)}: no compute-optimal model (the fit is not identified)`);
    if (opts.holdout) {
      const h = holdoutExtrapolation(pts, { holdOut: opts.holdout });
      (json.diagnostics as Record<string, unknown>).holdout = { heldOut: h.heldOut, fromFlops: h.heldOutFromFlops, logRmse: h.logRmse, maxAbsRelError: h.maxAbsRelError, law: h.law };
      text.push(`Hold-out: refit without the ${h.heldOut} largest-compute runs (≥ ${formatFlops(h.heldOutFromFlops)}) predicts them with log-RMSE ${sig(h.logRmse, 3)}, worst error ${sig(100 * h.maxAbsRelError, 3)}%`);
    }
    if (opts.bootstrap && !projectable) throw new InputError('--bootstrap', 'has nothing to resample around: the fit is not identified (an exponent is not positive)', 'drop --bootstrap, or fit runs whose loss falls with size and data');
    if (opts.bootstrap) {
      const t1 = performance.now();
      const b = bootstrapChinchilla(pts, { samples: opts.bootstrap, seed: opts.seed, fit, flops: C });
      const bs = (performance.now() - t1) / 1000;
      json.bootstrap = {
        samples: b.samples,
        seed: b.seed,
        level: b.level,
        flops: b.flops,
        convergedCount: b.convergedCount,
        seconds: round(bs),
        intervals: b.intervals,
        invalidReplicates: b.invalidReplicates,
        params: Object.fromEntries(Object.entries(b.params).map(([k, v]) => [k, Array.from(v as Float64Array, round)])),
      };
      const iv = b.intervals;
      const row = (name: string, v: { estimate: number; se: number; lower: number; upper: number }) => `  ${name.padEnd(16)} ${sig(v.estimate, 5).padStart(10)}  se ${sig(v.se, 3).padStart(9)}  95% [${sig(v.lower, 4)}, ${sig(v.upper, 4)}]`;
      text.push(
        `Bootstrap: ${b.samples} resamples (seed ${b.seed}), ${b.convergedCount} converged, ${sig(bs, 3)} s`,
        row('E', iv.E), row('A', iv.A), row('B', iv.B), row('alpha', iv.alpha), row('beta', iv.beta), row('a (N_opt ∝ C^a)', iv.a), row('b (D_opt ∝ C^b)', iv.b),
        row(`N_opt @${formatFlops(C)}`, iv.paramsOpt), row('D_opt', iv.tokensOpt), row('tokens/param', iv.tokensPerParam),
      );
      json.identification = b.identification;
      if (!b.identification.identified && ident.identified) text.push(`WARNING: ${b.identification.summary}`);
    }
    if (!fit.converged) text.push(`Warning: the best start stopped without converging (${fit.stopReason}); treat the law with care.`);
    return { json, text };
  }

  if (opts.bootstrap) throw new InputError('--bootstrap', 'is only available with --approach 3', 'drop --bootstrap or use --approach 3');
  if (approach === 2) {
    const f = fitIsoflop(pts);
    const json = {
      law: null,
      approach: 2,
      method: 'Hoffmann et al. 2022 Approach 2: parabola of loss in log N per compute budget; power laws through the minima',
      source,
      frontier: { a: f.a, b: f.b, params: f.params, tokens: f.tokens },
      profiles: f.profiles,
      skipped: f.skipped,
      identification: f.identification,
    };
    text.push(
      `Approach 2 (isoFLOP profiles): ${f.profiles.length} budgets used${f.skipped.length ? `, ${f.skipped.length} skipped (${[...new Set(f.skipped.map((s) => s.reason))].join('; ')})` : ''}`,
      ...f.profiles.map((p) => `  ${formatFlops(p.flops).padEnd(12)} ${String(p.runs).padStart(3)} runs  N_opt ${formatCount(p.paramsOpt).padEnd(8)} D_opt ${formatCount(p.tokensOpt).padEnd(8)} loss ${sig(p.lossOpt, 4)}`),
      `Frontier: N_opt = ${sig(f.params.coefficient, 4)}·C^${sig(f.a, 4)} (R² ${sig(f.params.rSquared, 3)}), D_opt = ${sig(f.tokens.coefficient, 4)}·C^${sig(f.b, 4)}`,
      f.identification.identified ? 'Identified: 3 or more budgets, each parabola over-determined, exponents in (0, 1)' : `WARNING: ${f.identification.summary}`,
    );
    return { json, text };
  }
  if (approach === 1) {
    const f = input.curves ? fitEnvelope(input.curves) : fitEnvelopePoints(pts);
    const json = {
      law: null,
      approach: 1,
      method: input.curves
        ? 'Hoffmann et al. 2022 Approach 1: lowest training loss at each compute across training curves; power laws through the envelope'
        : 'Approach 1 from final points: the Pareto frontier of loss against compute; power laws through it',
      source,
      frontier: { a: f.a, b: f.b, params: f.params, tokens: f.tokens },
      modelsOnEnvelope: f.modelsOnEnvelope,
      envelope: f.envelope,
    };
    text.push(
      `Approach 1 (${input.curves ? 'envelope of training curves' : 'Pareto frontier of final points'}): ${f.envelope.length} envelope points, ${f.modelsOnEnvelope} model sizes on it`,
      `Frontier: N_opt = ${sig(f.params.coefficient, 4)}·C^${sig(f.a, 4)} (R² ${sig(f.params.rSquared, 3)}), D_opt = ${sig(f.tokens.coefficient, 4)}·C^${sig(f.b, 4)}`,
    );
    return { json, text };
  }
  throw new InputError('--approach', `must be 1, 2 or 3, got ${opts.approach}`, 'use 3 (parametric), 2 (isoFLOP) or 1 (envelope)');
}

export function registerFit(program: Command): void {
  addLogOptions(oneLineErrors(program.command('fit')))
    .description('fit a scaling law to training runs (CSV or JSON lines, W&B and TensorBoard exports, Hugging Face Trainer states, sweep results, or the built-in "chinchilla" data)')
    .argument('<file>', 'CSV or JSON lines of runs (params|N, tokens|D or flops|C, loss; or name them with --*-col); a sweep results .jsonl; a W&B runs-table or run-history CSV; a TensorBoard scalar CSV; a Hugging Face trainer_state.json or a folder of runs; or "chinchilla"')
    .addOption(new Option('--approach <n>', '3 = parametric L(N,D) fit, 2 = isoFLOP profiles, 1 = envelope').choices(['1', '2', '3']).default('3'))
    .option('--bootstrap <samples>', 'bootstrap resamples for intervals (Approach 3)', numberArg('bootstrap', { min: 2, max: 100000, integer: true }))
    .option('--seed <n>', 'bootstrap seed', numberArg('seed', { integer: true }), 42)
    .addOption(new Option('--params <kind>', 'sweep results: which parameter count is N').choices(['nonEmbedding', 'total']).default('nonEmbedding'))
    .option('--drop-highest-loss <k>', 'drop the k highest-loss runs first (default 0; 5 for "chinchilla")', numberArg('drop-highest-loss', { min: 0, integer: true }))
    .option('--holdout <k>', 'also refit without the k largest-compute runs and report the extrapolation error (Approach 3)', numberArg('holdout', { min: 1, integer: true }))
    .option('--compute <flops>', 'compute budget for the N_opt/D_opt figures', numberArg('compute', { positive: true }), 5.76e23)
    .option('--out <fit.json>', 'write the fit JSON here (reusable as `optimal --law fit.json`)')
    .option('--json', 'print the fit JSON')
    .addHelpText('after', `
Examples:
  scaling-lab fit chinchilla --approach 3
  scaling-lab fit sweeps/results/quick.jsonl --approach 2
  scaling-lab fit sweeps/results/quick.jsonl --holdout 2 --json`)
    .action(
      action((file: string, opts: FitCliOptions) => {
        if (opts.out) assertWritable('--out', opts.out);
        const { json, text } = runFit(file, opts);
        json.createdBy = `scaling-lab fit ${file} --approach ${opts.approach}`;
        if (opts.out) writeFileSync(opts.out, `${JSON.stringify(json, null, 2)}\n`);
        if (opts.json) printJson(json);
        else {
          process.stdout.write(`${text.join('\n')}\n`);
          if (opts.out) process.stdout.write(`Wrote ${opts.out}\n`);
        }
      }, 'fit'),
    );
}
