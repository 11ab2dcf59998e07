/**
 * Writes the main job's report folder: report.json (every number), report.md
 * (the same for people), the SVG charts, and a copy of the sweep's results
 * (runs.jsonl) so the folder stands alone. Also renders the console summary.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatCO2eKg, formatCount, formatDuration, formatEnergyKWh, formatFlops, formatUsd } from '../../format.js';
import type { Analysis, Projection } from '../../report/analyse.js';
import { frontierChart, isoflopChart, lossComputeChart } from '../../report/charts.js';
import type { Trust } from '../../verify/trust.js';
import { budgetOptimaLines, exponentLines, projectionIntervalLines, verificationLines, warningLines } from '../../report/trustText.js';
import { verificationChart } from '../../report/verificationChart.js';
import { identificationLine } from '../../report/identified.js';

export interface ReportMeta {
  specPath: string;
  specName: string;
  resultsPath: string;
  createdAt: string;
  targetFlops: number;
  sweep?: { trained: number; skipped: number; failed: number; wallSeconds: number; workers?: number; backend?: string };
  /** What the main job predicted for the held-out budget before training it (from the smaller budgets only). */
  heldOutPrediction?: { budgetFlops: number; params: number; source: string; loss?: number; added?: { name: string; params: number } };
}

const sci = (x: number, d = 2) => x.toExponential(d).replace('e+', 'e');

function projectionLines(p: Projection): string[] {
  const lines = [
    ...(p.notIdentified ? [`NOT IDENTIFIED    from a fit its data do not identify (${p.notIdentified}): do not rely on these figures`] : []),
    `model size N      ${formatCount(p.params)} parameters`,
    `training tokens D ${formatCount(p.tokens)} (${p.tokensPerParam.toFixed(1)} tokens per parameter)`,
  ];
  if (p.loss !== undefined) lines.push(`predicted loss    ${p.loss.toFixed(3)} nats/token (${p.lossNote ?? "this sweep's data and tokenizer"})`);
  if (p.estimate) {
    const e = p.estimate;
    lines.push(
      `estimate          point estimate: every input at its default (\`scaling-lab estimate --uncertain\` gives the median and its 5–95 % interval)`,
      `hardware          ${e.acceleratorName}${e.mfu !== null ? ` at MFU ${e.mfu}` : ''}`,
      `GPU-hours         ${formatCount(e.acceleratorHours)} (${formatDuration(e.acceleratorHours)} on one GPU)`,
      `cost              ${e.costUsd !== null ? formatUsd(e.costUsd) : 'n/a'}${e.usdPerHour !== null ? ` at ${formatUsd(e.usdPerHour)}/GPU-hour` : ''}`,
      `energy            ${formatEnergyKWh(e.energyKWh)} (PUE ${e.pue})`,
      `emissions         ${formatCO2eKg(e.co2eKg)} at ${Math.round(e.gridGCO2ePerKWh)} gCO2e/kWh (location-based)`,
    );
  } else if (p.estimateUnavailable) lines.push(`cost/energy       unavailable: ${p.estimateUnavailable}`);
  return lines;
}
const sig = (x: number) => (Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : x.toPrecision(3));

/** The band entry at compute `flops` (nearest in log C, within 0.1 decade), if any. */
function bandAt(band: { x: number; low: number; high: number }[], flops: number) {
  const best = band.reduce((x, y) => (Math.abs(Math.log10(y.x / flops)) < Math.abs(Math.log10(x.x / flops)) ? y : x));
  return Math.abs(Math.log10(best.x / flops)) <= 0.1 ? best : undefined;
}

/**
 * The console summary of a sweep's analysis (also the body of report.md): usable and
 * excluded runs, what training them cost, the fitted law and its exponents, the compute-optimal
 * projection at `meta.targetFlops` with its cost, energy and emissions, and, given `trust`,
 * the verification and warnings.
 *
 * @param a - the analysis (`analyse` from `@scaling-lab/core`)
 * @param meta - the spec and results paths, the sweep's name, time, target compute and sweep counts
 * @param trust - the trust analysis (`trustAnalysis`), if made
 * @returns the text, lines joined by newlines
 * @example
 * ```ts
 * import { analyse } from '@scaling-lab/core';
 * import { summaryText } from '@scaling-lab/core/node';
 * // synthetic records that follow a Chinchilla-like law exactly (analyse's own example)
 * const records = [1e18, 1e19, 1e20, 1e21].flatMap((C) => [0.25, 0.5, 1, 2, 4].map((k) => {
 *   const N = k * Math.sqrt(C / 120), D = C / (6 * N);
 *   return { runKey: `${C}-${k}`, sweep: { flopsBudget: C }, paramsNonEmbedding: N, tokens: D,
 *     finalValLoss: 1.69 + 406.4 / N ** 0.34 + 410.7 / D ** 0.28 };
 * }));
 * const meta = { specPath: 'demo.json', specName: 'demo', resultsPath: 'demo.jsonl', createdAt: '2026-01-01T00:00:00Z', targetFlops: 1e23 };
 * const text = summaryText(analyse(records as never, { targetFlops: 1e23 }), meta);
 * text.split('\n')[0]; // → 'Sweep "demo": 20 usable runs.'
 * ```
 */
export function summaryText(a: Analysis, meta: ReportMeta, trust?: Trust): string {
  const out: string[] = [];
  out.push(`Sweep "${meta.specName}": ${a.points.length} usable runs${a.excluded.length ? `, ${a.excluded.length} excluded (${a.excluded.map((e) => `${e.runKey}: ${e.reason}`).join('; ')})` : ''}.`);
  const sc = a.sweepCost;
  out.push(
    `Training it took ${formatCount(sc.tokens)} tokens and ${Math.round(sc.trainingSeconds)} s of worker time on ${sc.backends.join('/')}, about ${sig(sc.joules / 3600)} Wh (${sc.wattsSource ?? 'trainer estimate'}).`,
  );
  if (trust) out.push('', ...verificationLines(trust));
  out.push('');
  out.push('Fitted law');
  if (a.parametric) {
    const l = a.parametric.law;
    out.push(`  Approach 3: L(N, D) = ${l.E.toFixed(3)} + ${sig(l.A)} / N^${l.alpha.toFixed(3)} + ${sig(l.B)} / D^${l.beta.toFixed(3)}`);
    out.push(
      `    (${a.parametric.method}; log-RMSE ${a.parametric.logRmse?.toFixed(4) ?? '?'}${a.parametric.converged === false ? '; optimiser did NOT report convergence' : ''}${a.parametric.usable ? '' : '; exponents outside [0.05, 2]: not extrapolated'})`,
    );
    const mark = identificationLine(a.parametric.identification);
    if (mark) out.push(`    ${mark}`);
  } else out.push(`  Approach 3: not fitted (${a.parametricUnavailable})`);
  if (a.isoflop.paramsLaw && a.isoflop.tokensLaw) {
    out.push(`  Approach 2: N_opt = ${sci(a.isoflop.paramsLaw.coefficient)} · C^${a.isoflop.paramsLaw.exponent.toFixed(3)},  D_opt = ${sci(a.isoflop.tokensLaw.coefficient)} · C^${a.isoflop.tokensLaw.exponent.toFixed(3)}`);
    out.push(`    (${a.isoflop.method}; ${a.isoflop.budgets.length} budgets)`);
    const mark = identificationLine(a.isoflop.identification);
    if (mark) out.push(`    ${mark}`);
  }
  if (trust) out.push('', ...exponentLines(trust));
  if (a.lossVsCompute) out.push(`  Loss frontier: L_min = ${a.lossVsCompute.coefficient.toFixed(3)} · C^${a.lossVsCompute.exponent.toFixed(4)} (log-log power law over the budgets' optima)`);
  out.push('');
  out.push('Compute-optimal frontier (measured optimum per budget)');
  out.push('  C (FLOPs)   N_opt      D_opt      D/N     loss');
  for (const b of a.isoflop.budgets) {
    const o = b.optimum;
    out.push(`  ${sci(o.flops).padEnd(10)}  ${formatCount(o.params).padEnd(9)}  ${formatCount(o.tokens).padEnd(9)}  ${o.tokensPerParam.toFixed(1).padStart(6)}  ${o.loss?.toFixed(3) ?? ''}`);
  }
  if (trust?.budgetOptima.length) out.push(...budgetOptimaLines(trust));
  const useA3 = !a.projections.approach2;
  const f = a.frontier.filter((p) => p.source === (useA3 ? 'approach3' : 'approach2'));
  const decades = f.filter((_p, i) => i % 5 === 0 || i === f.length - 1);
  out.push(`  fitted (${useA3 ? 'Approach 3' : 'Approach 2'}), about every 10^2.3 in C:`);
  const band = useA3 ? trust?.bands.approach3Params : trust?.bands.approach2Params;
  for (const p of decades) {
    const row = `  ${sci(p.flops).padEnd(10)}  ${formatCount(p.params).padEnd(9)}  ${formatCount(p.tokens).padEnd(9)}  ${p.tokensPerParam.toFixed(1).padStart(6)}  ${p.loss?.toFixed(3) ?? ''}`;
    const iv = band && bandAt(band, p.flops);
    out.push(iv ? `${row.padEnd(58)}  N_opt ${Math.round((trust?.level ?? 0.9) * 100)} % [${formatCount(iv.low)}, ${formatCount(iv.high)}]` : row);
  }
  out.push('');
  out.push(`Projection: the compute-optimal model for ${formatFlops(meta.targetFlops)} (${a.projection.source})`);
  if (trust) {
    for (const p of [a.projections.approach2, a.projections.approach3]) {
      if (p?.notIdentified) out.push(`  NOT IDENTIFIED: ${p.notIdentified} — do not rely on the figures from it below`);
    }
    for (const l of projectionIntervalLines(trust, formatFlops(meta.targetFlops)).slice(1)) out.push(l);
  }
  else for (const l of projectionLines(a.projection)) out.push(`  ${l}`);
  const other = a.projection === a.projections.approach2 ? a.projections.approach3 : undefined;
  if (other && !trust) {
    out.push('');
    out.push(`The same target with the ${other.source}:`);
    for (const l of projectionLines(other)) out.push(`  ${l}`);
  }
  if (a.reference) {
    out.push('');
    out.push(`For comparison, ${a.reference.source}:`);
    for (const l of projectionLines(a.reference)) out.push(`  ${l}`);
  }
  if (trust?.warnings.length) out.push('', ...warningLines(trust));
  if (a.notes.length) {
    out.push('');
    out.push('Notes');
    for (const n of a.notes) out.push(`  - ${n}`);
  }
  return out.join('\n');
}

function markdown(a: Analysis, meta: ReportMeta, trust?: Trust): string {
  const md: string[] = [];
  md.push(`# Scaling-law report: ${meta.specName}`, '');
  md.push(`Created ${meta.createdAt} from \`${meta.resultsPath}\` (spec \`${meta.specPath}\`).`);
  if (meta.sweep) {
    md.push(
      `This run trained ${meta.sweep.trained} run(s) and reused ${meta.sweep.skipped} in ${formatDuration(meta.sweep.wallSeconds / 3600)}` +
        `${meta.sweep.workers ? ` on ${meta.sweep.workers} worker(s)` : ''}${meta.sweep.failed ? `; ${meta.sweep.failed} failed` : ''}.`,
    );
  }
  md.push('', '```text', summaryText(a, meta, trust), '```', '');
  if (trust?.verification) {
    const v = trust.verification;
    md.push('## Predict, then verify', '', `| | predicted (${Math.round(v.level * 100)} % interval) | measured | |`, '|---|---|---|---|');
    md.push(`| loss at ${sci(v.budgetFlops, 0)} FLOPs | ${v.predictedLoss.toFixed(4)} [${v.predictedLossInterval.map((x) => x.toFixed(4)).join(', ')}] | ${v.measuredLoss.toFixed(4)} | ${v.lossErrorPercent.toFixed(2)} %, ${v.inside ? 'inside' : 'outside'} |`);
    md.push(`| N_opt | ${formatCount(v.predictedParams)} [${v.predictedParamsInterval.map((x) => formatCount(x)).join(', ')}] | ${formatCount(v.measuredBestParams)} (${v.measuredBestParamsFrom}) | ×${v.paramsRatio.toFixed(2)}, ${v.paramsInside ? 'inside' : 'outside'} |`);
    md.push('', '![predict, then verify](verification.svg)', '');
  }
  if (trust?.budgetOptima.length) {
    const pc = `${Math.round(trust.level * 100)} %`;
    md.push('## Measured optimum per budget', '', `Parabola vertex of each isoFLOP budget with its ${pc} interval (parametric bootstrap over run scatter; "inside": share of replicates whose vertex stays within the sampled sizes).`, '');
    md.push('| C (FLOPs) | runs | N_opt | D_opt | loss | inside |', '|---|---|---|---|---|---|');
    const cell = (e: { estimate: number; interval: [number, number] }, f: (x: number) => string) => `${f(e.estimate)} [${f(e.interval[0])}, ${f(e.interval[1])}]`;
    for (const b of trust.budgetOptima) {
      md.push(`| ${sci(b.flops, 0)} | ${b.runs} | ${cell(b.params, formatCount)} | ${cell(b.tokens, formatCount)} | ${cell(b.loss, (x) => x.toFixed(4))} | ${Math.round(b.insideShare * 100)} %${b.vertexInside ? '' : ' (vertex outside the sampled sizes)'} |`);
    }
    md.push('');
  }
  md.push('## Charts', '', '![isoFLOP profiles](isoflop.svg)', '', '![compute-optimal frontier](frontier.svg)', '', '![loss vs compute](loss-compute.svg)', '');
  md.push('## Runs', '', '| run | budget C | N | D | 6ND | val loss |', '|---|---|---|---|---|---|');
  for (const p of [...a.points].sort((x, y) => (x.flopsBudget ?? 0) - (y.flopsBudget ?? 0) || x.params - y.params)) {
    md.push(`| ${p.runKey} | ${p.flopsBudget ? sci(p.flopsBudget, 0) : ''} | ${formatCount(p.params)} | ${formatCount(p.tokens)} | ${sci(p.flops)} | ${p.loss.toFixed(4)} |`);
  }
  if (a.projection.estimate) {
    md.push('', '## Projection assumptions', '', '| assumption | value | source |', '|---|---|---|');
    for (const s of a.projection.estimate.assumptions) md.push(`| ${s.name} | ${String(s.value)}${s.unit ? ` ${s.unit}` : ''} | ${s.source.replace(/\|/g, '/')} |`);
  }
  return `${md.join('\n')}\n`;
}

/**
 * Writes the report folder: the isoFLOP, frontier and loss–compute charts (SVG),
 * report.json (meta, analysis, trust), report.md (summaryText plus tables) and a copy of the
 * results file as runs.jsonl. The folder is created if missing; files in it are overwritten.
 *
 * @param dir - the report folder
 * @param a - the analysis (`analyse` from `@scaling-lab/core`)
 * @param meta - as for {@link summaryText}; `resultsPath` must exist (it is copied)
 * @param trust - the trust analysis (`trustAnalysis`), if made
 * @returns the folder and the paths written
 * @throws the file system's error when the folder cannot be written or the results file read
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { analyse } from '@scaling-lab/core';
 * import { writeReport } from '@scaling-lab/core/node';
 * // synthetic records that follow a Chinchilla-like law exactly (analyse's own example)
 * const records = [1e18, 1e19, 1e20, 1e21].flatMap((C) => [0.25, 0.5, 1, 2, 4].map((k) => {
 *   const N = k * Math.sqrt(C / 120), D = C / (6 * N);
 *   return { runKey: `${C}-${k}`, sweep: { flopsBudget: C }, paramsNonEmbedding: N, tokens: D,
 *     finalValLoss: 1.69 + 406.4 / N ** 0.34 + 410.7 / D ** 0.28 };
 * }));
 * const dir = mkdtempSync(join(tmpdir(), 'report-'));
 * const resultsPath = join(dir, 'demo.jsonl');
 * writeFileSync(resultsPath, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
 * const meta = { specPath: 'demo.json', specName: 'demo', resultsPath, createdAt: '2026-01-01T00:00:00Z', targetFlops: 1e23 };
 * const { files } = writeReport(join(dir, 'report'), analyse(records as never, { targetFlops: 1e23 }), meta);
 * files.some((f) => f.endsWith('report.md')); // → true
 * ```
 */
export function writeReport(dir: string, a: Analysis, meta: ReportMeta, trust?: Trust): { dir: string; files: string[] } {
  mkdirSync(dir, { recursive: true });
  const files: [string, string][] = [
    ['isoflop.svg', isoflopChart(a)],
    ['frontier.svg', frontierChart(a, meta.targetFlops, trust)],
    ['loss-compute.svg', lossComputeChart(a, meta.targetFlops, trust)],
    ['report.json', `${JSON.stringify({ meta, verification: trust?.verification ?? null, trust, analysis: a }, null, 2)}\n`],
    ['report.md', markdown(a, meta, trust)],
  ];
  if (trust?.verification) files.push(['verification.svg', verificationChart(trust.verification)]);
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  if (resolve(meta.resultsPath) !== resolve(join(dir, 'runs.jsonl'))) copyFileSync(meta.resultsPath, join(dir, 'runs.jsonl'));
  return { dir, files: [...files.map(([n]) => join(dir, n)), join(dir, 'runs.jsonl')] };
}
