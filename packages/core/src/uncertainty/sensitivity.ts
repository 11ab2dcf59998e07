/**
 * One-at-a-time sensitivity (the data of a tornado chart).
 *
 * Every input is held at its median; then each input in turn is moved to the
 * low and the high end of its central interval (default 5th and 95th
 * percentiles) and the model re-evaluated. The swing |y(high) − y(low)| ranks
 * the inputs per output. A joint group (e.g. a fitted law's bootstrap rows) is
 * swung as one input: the model is evaluated at each row (others at their
 * medians) and the bar spans the 5th–95th percentiles of those outputs.
 * Reference: the tornado diagram of decision analysis, e.g. Howard (1988),
 * "Decision analysis: practice and promise", Management Science 34(6).
 */
import { type Distribution, checkDistribution, describeDistribution, distributionQuantile } from './distribution.js';
import { type JointSamples, checkJoint, toDistribution } from './monteCarlo.js';
import { quantileOfSorted } from './summary.js';
import type { Bounds } from '../estimate/bounds.js';

export interface TornadoBar {
  /** Input (or joint group) name. */
  input: string;
  /** Input value at the low / high end of its interval (NaN for a joint group). */
  inputLow: number;
  inputHigh: number;
  /** Short description of the input's distribution. */
  range: string;
  /** Output with this input at its low / high end, every other input at its median. */
  outputAtLow: number;
  outputAtHigh: number;
  /** |outputAtHigh − outputAtLow|. */
  swing: number;
}

export interface SensitivityResult<O extends string = string> {
  level: number;
  /** Output with every input at its median. */
  baseline: Record<O, number>;
  /** Per output, bars sorted by swing, largest first; inputs that do not move it are left out. */
  bars: Record<O, TornadoBar[]>;
}

export interface SensitivitySpec<O extends string = string> {
  inputs: Record<string, Distribution | number>;
  bounds?: Record<string, Bounds>;
  joint?: Record<string, JointSamples>;
  model: (x: Record<string, number>) => Record<O, number>;
  level?: number;
  /** Most joint rows to evaluate per group (rows are strided evenly); default 2000. */
  maxJointRows?: number;
}

/**
 * One-at-a-time sensitivity, the data of a tornado chart: every input at its median, then each
 * input in turn moved to the low and the high end of its central interval and the model
 * re-evaluated; bars are ranked by swing |y(high) − y(low)| per output. A joint group (e.g. a
 * law's bootstrap rows) is swung as one input. Method: the tornado diagram of decision analysis
 * (Howard 1988, "Decision analysis: practice and promise", Management Science 34(6)).
 *
 * @param spec - `inputs` (distributions or numbers), the `model` over plain numbers, optional
 *   `bounds`, `joint` groups, `level` (default 0.9) and `maxJointRows` (default 2000)
 * @returns the baseline outputs at the medians and, per output, the bars sorted by swing
 * @throws InputError naming an input whose distribution is malformed or outside its bounds
 * @example
 * ```ts
 * import { sensitivity, uniformDistribution } from '@scaling-lab/core';
 * const s = sensitivity({ inputs: { a: uniformDistribution(1, 3), b: 2 }, model: (x) => ({ y: x.a * x.b }) });
 * s.baseline.y; // → 4
 * s.bars.y[0].input; // → 'a'
 * s.bars.y[0].swing; // → 3.6
 * ```
 */
export function sensitivity<O extends string>(spec: SensitivitySpec<O>): SensitivityResult<O> {
  const level = spec.level ?? 0.9;
  const pLo = (1 - level) / 2;
  const pHi = (1 + level) / 2;
  const dists: Record<string, Distribution> = {};
  const base: Record<string, number> = {};
  for (const [name, raw] of Object.entries(spec.inputs)) {
    dists[name] = checkDistribution(name, toDistribution(raw), spec.bounds?.[name]);
    base[name] = distributionQuantile(dists[name], 0.5);
  }
  // Joint groups sit at their per-field median row: the row whose values are closest
  // (in rank) to the median of each field would be ideal; the coordinate-wise median
  // is simpler and keeps the baseline a plausible parameter set for unimodal bootstraps.
  for (const [group, rows] of Object.entries(spec.joint ?? {})) {
    checkJoint(group, rows);
    for (const [f, col] of Object.entries(rows)) base[f] = quantileOfSorted(Float64Array.from(col).sort(), 0.5);
  }
  const baseline = spec.model({ ...base }) as Record<O, number>;
  const outNames = Object.keys(baseline) as O[];
  const bars = {} as Record<O, TornadoBar[]>;
  for (const o of outNames) bars[o] = [];

  for (const [name, d] of Object.entries(dists)) {
    const lo = distributionQuantile(d, pLo);
    const hi = distributionQuantile(d, pHi);
    if (lo === hi) continue;
    const yLo = spec.model({ ...base, [name]: lo });
    const yHi = spec.model({ ...base, [name]: hi });
    for (const o of outNames) {
      bars[o].push({ input: name, inputLow: lo, inputHigh: hi, range: describeDistribution(d), outputAtLow: yLo[o], outputAtHigh: yHi[o], swing: Math.abs(yHi[o] - yLo[o]) });
    }
  }

  for (const [group, rows] of Object.entries(spec.joint ?? {})) {
    const fields = Object.keys(rows);
    const m = rows[fields[0]].length;
    const take = Math.min(m, spec.maxJointRows ?? 2000);
    const ys: Record<string, Float64Array> = {};
    for (const o of outNames) ys[o] = new Float64Array(take);
    for (let k = 0; k < take; k++) {
      const r = Math.floor((k * m) / take);
      const x = { ...base };
      for (const f of fields) x[f] = rows[f][r];
      const y = spec.model(x);
      for (const o of outNames) ys[o][k] = y[o];
    }
    for (const o of outNames) {
      const s = ys[o].sort();
      const a = quantileOfSorted(s, pLo);
      const b = quantileOfSorted(s, pHi);
      if (a === b) continue;
      bars[o].push({ input: group, inputLow: NaN, inputHigh: NaN, range: `${m} joint samples (${fields.join(', ')})`, outputAtLow: a, outputAtHigh: b, swing: Math.abs(b - a) });
    }
  }
  // Swings at the level of float rounding (e.g. cost under a fixed USD budget) are no swing.
  for (const o of outNames) bars[o] = bars[o].filter((b) => !(b.swing <= 1e-9 * Math.abs(baseline[o])));
  for (const o of outNames) bars[o].sort((p, q) => (q.swing === p.swing ? 0 : q.swing > p.swing || Number.isNaN(p.swing) ? 1 : -1));
  return { level, baseline, bars };
}
