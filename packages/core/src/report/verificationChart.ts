/**
 * verification.svg: predict, then verify. Loss against model size N at the
 * held-out budget C: the isoFLOP curve L(N, C/6N) predicted by the Approach 3 law
 * fitted on the smaller budgets only, with its bootstrap band; the predicted
 * compute-optimal point with its loss interval (vertical bar) and N interval
 * (horizontal bar); and the runs measured at C afterwards.
 */
import type { Verification } from '../verify/heldOut.js';
import { PALETTE, renderChart, type ChartSeries } from './svg.js';

const sci = (x: number) => x.toExponential(0).replace('e+', 'e');

export function verificationChart(v: Verification): string {
  const lvl = `${Math.round(v.level * 100)} %`;
  const yMid = v.predictedLoss;
  const series: ChartSeries[] = [
    { label: `predicted L(N, C/6N), ${lvl} band`, color: PALETTE[0], line: true, markers: false, points: v.curve.map((c) => ({ x: c.params, y: c.loss })), band: v.curve.map((c) => ({ x: c.params, low: c.low, high: c.high })) },
    { label: `predicted optimum, ${lvl} loss interval`, color: PALETTE[3], points: [{ x: v.predictedParams, y: yMid, low: v.predictedLossInterval[0], high: v.predictedLossInterval[1], label: `predicted: N ${Math.round(v.predictedParams)}, loss ${yMid.toFixed(3)}` }] },
    { label: `predicted N_opt ${lvl} interval`, color: PALETTE[3], line: true, dashed: true, markers: false, points: [{ x: v.predictedParamsInterval[0], y: yMid }, { x: v.predictedParamsInterval[1], y: yMid }] },
    { label: 'measured runs (trained after)', color: '#000000', points: v.runs.map((r) => ({ x: r.params, y: r.loss, label: `${r.id ?? ''}: loss ${r.loss.toFixed(3)} (predicted ${r.predicted.toFixed(3)})` })) },
    { label: 'measured best size', color: PALETTE[2], hollow: true, points: [{ x: v.measuredBestParams, y: v.measuredLoss, label: `measured best: N ${Math.round(v.measuredBestParams)} (${v.measuredBestParamsFrom}), loss ${v.measuredLoss.toFixed(3)}` }] },
  ];
  return renderChart({
    title: `Predict, then verify: held-out budget C = ${sci(v.budgetFlops)} FLOPs`,
    xLabel: 'parameters N (log)',
    yLabel: 'validation loss (nats/token)',
    xLog: true,
    series,
    note: `fitted on budgets ${v.fittedBudgets.map(sci).join(', ')} only; loss error ${v.lossErrorPercent.toFixed(2)} %, ${v.inside ? 'inside' : 'outside'} the interval`,
  });
}
