/**
 * The report's charts (SVG strings):
 * - isoflop.svg: final validation loss against N, one curve per compute budget
 *   (Hoffmann et al. 2022, Figure 3 left), with each budget's optimum;
 * - frontier.svg: compute-optimal N and D against compute, measured optima and
 *   the fitted laws extrapolated to the target (Figure 3 centre/right);
 * - loss-compute.svg: every run's loss against its compute, with the fitted
 *   compute-optimal loss frontier extrapolated to the target.
 */
import type { Analysis } from './analyse.js';
import type { Trust } from '../verify/trust.js';
import { PALETTE, renderChart, type ChartSeries } from './svg.js';

const sci = (x: number) => x.toExponential(0).replace('e+', 'e');

/** Which of the two fits the data do not identify (fit/identification.ts), so each chart marks what it draws from them. */
function unidentified(a: Analysis): { approach2: boolean; approach3: boolean } {
  return { approach2: a.isoflop.identification?.identified === false, approach3: a.parametric?.identification?.identified === false };
}
const NOT_IDENTIFIED = ' (NOT IDENTIFIED)';

/** The chart's note naming the unidentified fits it draws, in the report's words (undefined when none). */
function identificationNote(a: Analysis, drawn: { approach2?: boolean; approach3?: boolean }): string | undefined {
  const u = unidentified(a);
  const names = [drawn.approach2 && u.approach2 ? 'Approach 2' : '', drawn.approach3 && u.approach3 ? 'Approach 3' : ''].filter(Boolean);
  return names.length ? `${names.join(' and ')} not identified by the data: do not rely on its lines (report.md says why)` : undefined;
}
const joinNotes = (...notes: (string | undefined)[]) => notes.filter(Boolean).join('; ') || undefined;

/**
 * The isoFLOP chart of an analysis as SVG: loss against N per compute budget, with each budget's
 * fitted parabola in ln N and its vertex (Approach 2, Hoffmann et al. 2022 §3.2), or the lowest-loss
 * run of each budget when no parabola fits; unidentified fits are named in the chart's note.
 *
 * @param a - the result of {@link analyse}
 * @returns the SVG document as text
 * @example
 * ```ts
 * import { analyse, isoflopChart } from '@scaling-lab/core';
 * const records = [1e18, 1e19, 1e20, 1e21].flatMap((C) => [0.25, 0.5, 1, 2, 4].map((k) => {
 *   const N = k * Math.sqrt(C / 120), D = C / (6 * N);
 *   return { runKey: `${C}-${k}`, sweep: { flopsBudget: C }, paramsNonEmbedding: N, tokens: D,
 *     finalValLoss: 1.69 + 406.4 / N ** 0.34 + 410.7 / D ** 0.28 };
 * }));
 * isoflopChart(analyse(records as never)).startsWith('<svg'); // → true
 * ```
 */
export function isoflopChart(a: Analysis): string {
  const budgets = [...new Set(a.points.map((p) => p.flopsBudget).filter((c): c is number => c !== undefined))].sort((x, y) => x - y);
  const series: ChartSeries[] = [];
  budgets.forEach((c, i) => {
    const color = PALETTE[i % PALETTE.length];
    const pts = a.points.filter((p) => p.flopsBudget === c).sort((p, q) => p.params - q.params);
    series.push({ label: `C = ${sci(c)} FLOPs`, color, line: true, markers: true, points: pts.map((p) => ({ x: p.params, y: p.loss, label: `${p.runKey}: loss ${p.loss.toFixed(3)}` })) });
    const b = a.isoflop.budgets.find((bb) => bb.flops === c);
    if (b?.parabola?.length) series.push({ label: `fit, ${sci(c)}${unidentified(a).approach2 ? NOT_IDENTIFIED : ''}`, color, line: true, dashed: true, markers: false, points: b.parabola.map((q) => ({ x: q.params, y: q.loss })) });
  });
  const optima = a.isoflop.budgets.map((b) => ({ x: b.optimum.params, y: b.optimum.loss ?? NaN, label: `optimum at ${sci(b.flops)}` }));
  series.push({ label: 'optimum per budget', color: '#000000', hollow: true, points: optima });
  return renderChart({
    title: 'IsoFLOP profiles: final validation loss vs model size',
    xLabel: `parameters N (${a.paramsKind === 'total' ? 'total' : 'non-embedding'}, log)`,
    yLabel: 'validation loss (nats/token)',
    xLog: true,
    series,
    note: joinNotes(a.isoflop.raw ? 'parabola fits: fitIsoflop (Approach 2)' : 'optimum = lowest-loss run of each budget', a.isoflop.raw ? identificationNote(a, { approach2: true }) : undefined),
  });
}

/**
 * The compute-optimal frontier chart as SVG: N_opt and D_opt against compute C, the measured
 * per-budget optima and the sweep's fits (Approach 2 power law, Approach 3 law) extrapolated to
 * `targetFlops`, with the bootstrap bands of `trust` when given and the published law at the target.
 *
 * @param a - the result of {@link analyse}
 * @param targetFlops - the projection target (FLOPs), marked on the x axis
 * @param trust - optional intervals from {@link trustAnalysis}, drawn as bands
 * @returns the SVG document as text
 * @example
 * ```ts
 * import { analyse, frontierChart } from '@scaling-lab/core';
 * const records = [1e18, 1e19, 1e20, 1e21].flatMap((C) => [0.25, 0.5, 1, 2, 4].map((k) => {
 *   const N = k * Math.sqrt(C / 120), D = C / (6 * N);
 *   return { runKey: `${C}-${k}`, sweep: { flopsBudget: C }, paramsNonEmbedding: N, tokens: D,
 *     finalValLoss: 1.69 + 406.4 / N ** 0.34 + 410.7 / D ** 0.28 };
 * }));
 * frontierChart(analyse(records as never, { targetFlops: 1e23 }), 1e23).startsWith('<svg'); // → true
 * ```
 */
export function frontierChart(a: Analysis, targetFlops: number, trust?: Trust): string {
  const series: ChartSeries[] = [];
  const lvl = trust ? `${Math.round(trust.level * 100)} %` : '';
  if (trust?.bands.approach2Params) series.push({ label: `N_opt ${lvl} interval, Approach 2`, color: PALETTE[0], points: [], band: trust.bands.approach2Params });
  if (trust?.bands.approach3Params) series.push({ label: `N_opt ${lvl} interval, Approach 3`, color: PALETTE[2], points: [], band: trust.bands.approach3Params });
  const opt = a.isoflop.budgets.map((b) => b.optimum);
  series.push({ label: 'measured N_opt', color: PALETTE[0], points: opt.map((o) => ({ x: o.flops, y: o.params })) });
  series.push({ label: 'measured D_opt', color: PALETTE[1], points: opt.map((o) => ({ x: o.flops, y: o.tokens })) });
  for (const [src, dash, name] of [
    ['approach2', true, 'Approach 2'],
    ['approach3', false, 'Approach 3'],
  ] as const) {
    const f = a.frontier.filter((p) => p.source === src);
    if (!f.length) continue;
    const mark = unidentified(a)[src] ? NOT_IDENTIFIED : '';
    series.push({ label: `N_opt, ${name}${mark}`, color: PALETTE[0], line: true, dashed: dash, markers: false, points: f.map((p) => ({ x: p.flops, y: p.params })) });
    series.push({ label: `D_opt, ${name}${mark}`, color: PALETTE[1], line: true, dashed: dash, markers: false, points: f.map((p) => ({ x: p.flops, y: p.tokens })) });
  }
  if (a.reference) {
    series.push({ label: 'published law at target', color: PALETTE[3], points: [{ x: targetFlops, y: a.reference.params }, { x: targetFlops, y: a.reference.tokens }] });
  }
  return renderChart({
    title: 'Compute-optimal model size and data, extrapolated',
    xLabel: 'training compute C = 6ND (FLOPs, log)',
    yLabel: 'parameters / tokens (log)',
    xLog: true,
    yLog: true,
    series,
    vLines: [{ x: targetFlops, label: `target ${sci(targetFlops)}` }],
    note: identificationNote(a, { approach2: a.frontier.some((p) => p.source === 'approach2'), approach3: a.frontier.some((p) => p.source === 'approach3') }),
  });
}

export function lossComputeChart(a: Analysis, targetFlops: number, trust?: Trust): string {
  const series: ChartSeries[] = [];
  if (trust?.bands.approach3Loss) series.push({ label: `L_opt ${Math.round(trust.level * 100)} % interval`, color: PALETTE[3], points: [], band: trust.bands.approach3Loss });
  series.push({ label: 'runs', color: PALETTE[5], points: a.points.map((p) => ({ x: p.flops, y: p.loss, label: p.runKey })) });
  series.push({ label: 'isoFLOP optima', color: PALETTE[0], points: a.isoflop.budgets.map((b) => ({ x: b.flops, y: b.optimum.loss ?? NaN })) });
  const f3 = a.frontier.filter((p) => p.source === 'approach3' && p.loss !== undefined);
  if (f3.length) series.push({ label: `L_opt(C), Approach 3${unidentified(a).approach3 ? NOT_IDENTIFIED : ''}`, color: PALETTE[3], line: true, markers: false, points: f3.map((p) => ({ x: p.flops, y: p.loss! })) });
  if (a.lossVsCompute) {
    const lc = a.lossVsCompute;
    const xs = a.frontier.filter((p) => p.source === 'approach2').map((p) => p.flops);
    series.push({ label: 'power law L = k·C^b', color: PALETTE[3], line: true, dashed: true, markers: false, points: xs.map((x) => ({ x, y: lc.coefficient * x ** lc.exponent })) });
  }
  if (a.parametric?.usable) {
    series.push({ label: `E = ${a.parametric.law.E.toFixed(3)} (irreducible)`, color: '#777777', line: true, dashed: true, markers: false, points: [{ x: a.frontier[0]?.flops ?? 1, y: a.parametric.law.E }, { x: targetFlops, y: a.parametric.law.E }] });
  }
  return renderChart({
    title: 'Loss vs compute: runs and the fitted frontier',
    xLabel: 'training compute C = 6ND (FLOPs, log)',
    yLabel: 'validation loss (nats/token, log)',
    xLog: true,
    yLog: true,
    series,
    vLines: [{ x: targetFlops, label: `target ${sci(targetFlops)}` }],
    note: identificationNote(a, { approach3: f3.length > 0 }),
  });
}
