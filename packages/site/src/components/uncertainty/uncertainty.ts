/**
 * Uncertainty views for the calculator pages: a whisker chart of
 * each output's median and 5–95% interval, and a tornado chart of which input
 * moves one output most. Both come from core's `estimateRunUncertain` (seeded
 * Monte Carlo over the run's inputs; inputs the reader leaves blank get their
 * sourced default ranges). Charts are d3 SVG with styles as attributes, so the
 * page's "Download SVG" buttons export them standalone.
 */
import { axisBottom, scaleLog, select } from 'd3';
import {
  equivalentsInterval,
  estimateRunUncertain,
  formatCO2eKg,
  formatCount,
  formatDuration,
  formatEnergyKWh,
  formatFlops,
  formatUsd,
  sig,
  type EstimateSpec,
  type RunOutput,
  type TornadoBar,
  type UncertainRunResult,
} from '@scaling-lab/core';
import { download } from '../../lib/export';
import { chartWidth, redrawOnResize } from '../../lib/chart';

/** Output labels and formatters. */
export const OUTPUT_INFO: Record<RunOutput, { label: string; phrase: string; format: (x: number) => string }> = {
  flops: { label: 'Training compute', phrase: 'training compute', format: (x) => formatFlops(x) },
  acceleratorHours: { label: 'Accelerator-hours', phrase: 'accelerator-hours', format: (x) => formatCount(x) },
  wallClockHours: { label: 'Wall-clock time', phrase: 'wall-clock time', format: (x) => formatDuration(x) },
  costUsd: { label: 'Cost', phrase: 'cost', format: (x) => formatUsd(x) },
  energyKWh: { label: 'Energy', phrase: 'energy', format: (x) => formatEnergyKWh(x) },
  co2eKg: { label: 'CO2e', phrase: 'CO2e', format: (x) => formatCO2eKg(x) },
};

/** Reader-facing names of the uncertain inputs. */
export const INPUT_LABELS: Record<string, string> = {
  params: 'parameters',
  activeParams: 'active parameters',
  tokens: 'tokens',
  flops: 'FLOPs',
  mfu: 'utilisation (MFU)',
  acceleratorHours: 'accelerator-hours',
  watts: 'power per accelerator',
  powerFraction: 'power as a fraction of TDP',
  hostOverhead: 'host overhead',
  pue: 'PUE',
  gridGCO2ePerKWh: 'grid carbon intensity',
  usdPerHour: 'price per accelerator-hour',
  restartOverhead: 'restarts',
  sweepOverhead: 'sweep overhead',
  energyKWh: 'measured energy',
};

const INK = '#1b1f24';
const MUTED = '#57606a';
const BLUE = '#1f5fa8';
const RED = '#d1495b';

/** Monte Carlo of the spec with default ranges (fewer samples than the CLI: it reruns on every edit). */
export function uncertainRun(spec: EstimateSpec, samples = 4000, seed = 42): UncertainRunResult {
  return estimateRunUncertain({ ...spec, samples, seed });
}

/**
 * Whisker chart: one row per output, the 5–95% interval relative to the median
 * on a log axis (×0.5 … ×2), with the absolute values written beside it.
 */
export function whiskerChart(svg: SVGSVGElement, r: UncertainRunResult, outputs: readonly RunOutput[]): void {
  const rows = outputs.filter((o) => r.monteCarlo.outputs[o] !== undefined).map((o) => ({ o, ...r.monteCarlo.outputs[o] }));
  const width = chartWidth(svg);
  redrawOnResize(svg, () => whiskerChart(svg, r, outputs));
  // Narrow screens: the label above each bar and the values below it, instead of columns either side.
  const narrow = width < 600;
  const rowH = narrow ? 58 : 34;
  const m = narrow ? { top: 56, right: 16, bottom: 40, left: 16 } : { top: 44, right: 250, bottom: 40, left: 150 };
  const height = m.top + m.bottom + rowH * Math.max(rows.length, 1);
  const root = select(svg);
  root.selectAll('*').remove();
  root.attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height).attr('font-size', 12).attr('role', 'img');
  const title = `Median and ${Math.round(r.monteCarlo.level * 100)}% interval of each output (${r.monteCarlo.samples.toLocaleString('en-US')} Monte Carlo samples)`;
  root.attr('aria-label', title);
  root.append('title').text(title);
  root.append('rect').attr('width', width).attr('height', height).attr('fill', '#fff');
  const ratios = rows.flatMap((w) => [w.low / w.median, w.high / w.median]).filter((x) => Number.isFinite(x) && x > 0);
  const lo = Math.min(0.5, ...ratios) * 0.9;
  const hi = Math.max(2, ...ratios) * 1.1;
  const x = scaleLog().domain([lo, hi]).range([m.left, width - m.right]);
  titleLines(root, title, width, 8);
  root
    .append('g')
    .attr('transform', `translate(0,${height - m.bottom})`)
    .call(axisBottom(x).tickValues((narrow ? [0.5, 1, 2, 4] : [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4]).filter((t) => t >= lo && t <= hi)).tickFormat((t) => `×${Number(t)}`))
    .attr('font-size', 12);
  root.append('text').attr('x', (m.left + width - m.right) / 2).attr('y', height - 8).attr('text-anchor', 'middle').attr('fill', INK).text('relative to the median');
  root.append('line').attr('x1', x(1)).attr('x2', x(1)).attr('y1', m.top).attr('y2', height - m.bottom).attr('stroke', MUTED).attr('stroke-dasharray', '2 3');
  rows.forEach((w, i) => {
    const y = m.top + rowH * i + rowH / 2;
    const info = OUTPUT_INFO[w.o];
    const g = root.append('g').attr('data-output', w.o);
    if (narrow) g.append('text').attr('x', m.left).attr('y', y - 12).attr('fill', INK).attr('font-weight', 600).text(info.label);
    else g.append('text').attr('x', m.left - 10).attr('y', y + 4).attr('text-anchor', 'end').attr('fill', INK).text(info.label);
    const fixed = Math.abs(w.high - w.low) <= 1e-9 * Math.abs(w.median);
    if (!fixed) {
      const a = x(Math.max(lo, w.low / w.median));
      const b = x(Math.min(hi, w.high / w.median));
      g.append('line').attr('x1', a).attr('x2', b).attr('y1', y).attr('y2', y).attr('stroke', BLUE).attr('stroke-width', 3);
      for (const end of [a, b]) g.append('line').attr('x1', end).attr('x2', end).attr('y1', y - 7).attr('y2', y + 7).attr('stroke', BLUE).attr('stroke-width', 2);
    }
    g.append('circle').attr('cx', x(1)).attr('cy', y).attr('r', 4.5).attr('fill', INK);
    g.append('text')
      .attr('x', narrow ? m.left : width - m.right + 10)
      .attr('y', narrow ? y + 22 : y + 4)
      .attr('fill', INK)
      .text(fixed ? `${info.format(w.median)} (fixed)` : `${info.format(w.median)}  [${info.format(w.low)} – ${info.format(w.high)}]`);
  });
}

/**
 * Tornado chart for one output: each input swung over its interval (others at
 * their medians), bars relative to the baseline on a log axis, largest swing on top.
 */
export function tornadoChart(svg: SVGSVGElement, r: UncertainRunResult, output: RunOutput, top = 6): void {
  const base = r.sensitivity.baseline[output];
  const bars: TornadoBar[] = (r.sensitivity.bars[output] ?? []).slice(0, top);
  const info = OUTPUT_INFO[output];
  const width = chartWidth(svg);
  redrawOnResize(svg, () => tornadoChart(svg, r, output, top));
  const narrow = width < 600;
  const rowH = narrow ? 44 : 30;
  const m = narrow ? { top: 64, right: 16, bottom: 40, left: 16 } : { top: 48, right: 40, bottom: 40, left: 210 };
  const median = r.monteCarlo.outputs[output]?.median ?? base;
  const height = m.top + m.bottom + rowH * Math.max(bars.length, 1);
  const root = select(svg);
  root.selectAll('*').remove();
  root.attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height).attr('font-size', 12).attr('role', 'img');
  // One central figure: the title quotes the median (the page's headline); the bars are ratios to the run
  // with every input at its median, so no second "baseline" number competes with it.
  const title = `What moves ${info.phrase} most (median ${info.format(median)})`;
  root.attr('aria-label', title);
  root.append('title').text(title);
  root.append('rect').attr('width', width).attr('height', height).attr('fill', '#fff');
  titleLines(root, title, width, 8);
  if (bars.length === 0 || !(base > 0)) {
    root.append('text').attr('x', width / 2).attr('y', height / 2).attr('text-anchor', 'middle').attr('fill', MUTED).text('Every input is fixed: nothing to rank');
    return;
  }
  const ratios = bars.flatMap((b) => [b.outputAtLow / base, b.outputAtHigh / base]).filter((v) => Number.isFinite(v) && v > 0);
  const lo = Math.min(0.8, ...ratios) * 0.95;
  const hi = Math.max(1.25, ...ratios) * 1.05;
  const x = scaleLog().domain([lo, hi]).range([m.left, width - m.right]);
  root
    .append('g')
    .attr('transform', `translate(0,${height - m.bottom})`)
    .call(axisBottom(x).tickValues(ratioTicks(lo, hi, narrow ? 5 : 9)).tickFormat((t) => `×${sig(Number(t), 2)}`))
    .attr('font-size', 12);
  root.append('text').attr('x', (m.left + width - m.right) / 2).attr('y', height - 8).attr('text-anchor', 'middle').attr('fill', INK).text(narrow ? 'relative to all inputs at median' : `${info.label} relative to every input at its median`);
  bars.forEach((b, i) => {
    const y = m.top + rowH * i + 4;
    const g = root.append('g').attr('data-input', b.input);
    if (narrow) g.append('text').attr('x', m.left).attr('y', y - 3).attr('fill', INK).text(INPUT_LABELS[b.input] ?? b.input);
    else g.append('text').attr('x', m.left - 8).attr('y', y + 14).attr('text-anchor', 'end').attr('fill', INK).text(INPUT_LABELS[b.input] ?? b.input);
    for (const [v, color] of [[b.outputAtLow, BLUE], [b.outputAtHigh, RED]] as const) {
      const rel = Math.min(hi, Math.max(lo, v / base));
      const a = x(Math.min(1, rel));
      const w = Math.abs(x(rel) - x(1));
      g.append('rect').attr('x', rel < 1 ? a : x(1)).attr('y', y).attr('width', Math.max(w, 1)).attr('height', rowH - 10).attr('fill', color).attr('opacity', 0.8);
    }
    g.append('title').text(`${INPUT_LABELS[b.input] ?? b.input}: ${b.range}; ${info.format(b.outputAtLow)} at its low end, ${info.format(b.outputAtHigh)} at its high end`);
  });
  root.append('line').attr('x1', x(1)).attr('x2', x(1)).attr('y1', m.top - 4).attr('y2', height - m.bottom).attr('stroke', INK);
  const legend = root.append('g').attr('transform', `translate(${narrow ? 8 : width - 300},${narrow ? 50 : 36})`);
  legend.append('rect').attr('x', 0).attr('y', -9).attr('width', 12).attr('height', 10).attr('fill', BLUE);
  legend.append('text').attr('x', 16).attr('y', 0).attr('fill', INK).text('input at its low end');
  legend.append('rect').attr('x', 150).attr('y', -9).attr('width', 12).attr('height', 10).attr('fill', RED);
  legend.append('text').attr('x', 166).attr('y', 0).attr('fill', INK).text('at its high end');
}

/** The chart's title, wrapped onto lines that fit `width` (about 7 px a character at 12 px). */
function titleLines(root: ReturnType<typeof select<SVGSVGElement, unknown>>, title: string, width: number, x0: number): void {
  const perLine = Math.max(20, Math.floor((width - x0 - 8) / 7));
  const words = title.split(' ');
  const lines: string[] = [];
  for (const w of words) {
    if (lines.length && `${lines[lines.length - 1]} ${w}`.length <= perLine) lines[lines.length - 1] += ` ${w}`;
    else lines.push(w);
  }
  lines.slice(0, 2).forEach((l, i) => root.append('text').attr('x', x0).attr('y', 16 + i * 15).attr('fill', INK).attr('font-weight', 600).text(l));
}

/** Ratio ticks on both sides of ×1 (d3's log ticks leave a narrow domain bare right of ×1). */
export function ratioTicks(lo: number, hi: number, max: number): number[] {
  const all = [0.1, 0.2, 0.25, 0.33, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1, 1.05, 1.1, 1.25, 1.5, 2, 3, 4, 5, 10];
  let inside = all.filter((t) => t >= lo && t <= hi);
  while (inside.length > max) inside = inside.filter((t, i) => t === 1 || i % 2 === 0);
  return inside;
}

/** The equivalents shown beside an interval of CO2e (and energy, for households), in this order. */
const EQUIVALENT_ROWS = ['carKmUs', 'flightsNySf', 'treeYears', 'householdYears'] as const;

/**
 * Rows of the intervals table: output label, median, 5–95% interval (or "fixed").
 * With CO2e among the outputs, its everyday equivalents follow it (core's
 * equivalentsInterval: the CO2e's quantiles divided by each sourced factor).
 */
export function intervalRows(r: UncertainRunResult, outputs: readonly RunOutput[]): { label: string; median: string; interval: string }[] {
  const rows = outputs
    .filter((o) => r.monteCarlo.outputs[o] !== undefined)
    .map((o) => {
      const s = r.monteCarlo.outputs[o];
      const f = OUTPUT_INFO[o].format;
      const fixed = Math.abs(s.high - s.low) <= 1e-9 * Math.abs(s.median);
      return { label: OUTPUT_INFO[o].label, median: f(s.median), interval: fixed ? 'fixed' : `${f(s.low)} – ${f(s.high)}` };
    });
  if (outputs.includes('co2eKg')) {
    const eq = equivalentsInterval(r);
    for (const name of EQUIVALENT_ROWS) {
      const q = eq[name];
      if (!q || (name === 'householdYears' && !outputs.includes('energyKWh'))) continue;
      const fixed = Math.abs(q.high - q.low) <= 1e-9 * Math.abs(q.median);
      rows.push({ label: `≈ ${q.unit}`, median: formatCount(q.median), interval: fixed ? 'fixed' : `${formatCount(q.low)} – ${formatCount(q.high)}` });
    }
  }
  return rows;
}

/** The headline of the everyday equivalents, one a line: "≈ 44.6k km by US car (5–95 %: 29.9k – 68.8k)". */
export function equivalentsHeadline(r: UncertainRunResult): string {
  const eq = equivalentsInterval(r);
  const pct = `${Math.round(((1 - r.monteCarlo.level) / 2) * 100)}–${Math.round(((1 + r.monteCarlo.level) / 2) * 100)} %`;
  const parts = EQUIVALENT_ROWS.flatMap((name) => {
    const q = eq[name];
    if (!q) return [];
    const fixed = Math.abs(q.high - q.low) <= 1e-9 * Math.abs(q.median);
    return [`${formatCount(q.median)} ${q.unit}${fixed ? '' : ` (${pct}: ${formatCount(q.low)} – ${formatCount(q.high)})`}`];
  });
  // One equivalent a line (the cell is white-space: pre-line), so four intervals stay readable on a phone.
  return parts.length ? parts.map((p) => `≈ ${p}`).join('\n') : '—';
}

/**
 * The headline for one output, the site's one central figure (the CLI's and the
 * report's convention too): the Monte Carlo median with its 5–95 % interval.
 */
export function headlineText(r: UncertainRunResult, output: RunOutput | 'equivalents'): string {
  if (output === 'equivalents') return equivalentsHeadline(r);
  const s = r.monteCarlo.outputs[output];
  if (!s) return '—';
  const f = OUTPUT_INFO[output].format;
  const fixed = Math.abs(s.high - s.low) <= 1e-9 * Math.abs(s.median);
  return fixed ? f(s.median) : `${f(s.median)} (${Math.round(r.monteCarlo.level * 100)} % interval ${f(s.low)} – ${f(s.high)})`;
}

/** Rows of the inputs table: name, range, source. */
export function inputRows(r: UncertainRunResult): { name: string; range: string; source: string }[] {
  return r.assumptions
    .filter((a) => a.distribution.kind !== 'point')
    .map((a) => ({ name: INPUT_LABELS[a.name] ?? a.name, range: `${a.range}${a.unit ? ` ${a.unit}` : ''}`, source: a.source }));
}

const timers = new WeakMap<HTMLElement, number>();
const latest = new WeakMap<HTMLElement, UncertainRunResult>();

/** JSON export of a result: intervals, tornado data, inputs with sources, and every sample. */
export function uncertaintyJson(r: UncertainRunResult) {
  const outputs: Record<string, unknown> = {};
  for (const [name, o] of Object.entries(r.monteCarlo.outputs)) outputs[name] = { median: o.median, low: o.low, high: o.high, mean: o.mean, samples: Array.from(o.samples) };
  return {
    samples: r.monteCarlo.samples,
    seed: r.monteCarlo.seed,
    level: r.monteCarlo.level,
    outputs,
    sensitivity: r.sensitivity,
    inputs: r.assumptions.map((a) => ({ name: a.name, distribution: a.distribution, unit: a.unit, source: a.source })),
  };
}

/** Binds the panel's JSON download button once (the SVG buttons use the page's export wiring). */
function bindJson(root: HTMLElement): void {
  const button = root.querySelector<HTMLButtonElement>('[data-unc-json]');
  if (!button || button.dataset.bound) return;
  button.dataset.bound = '1';
  button.addEventListener('click', () => {
    const r = latest.get(root);
    if (r) download(`${root.id}.json`, 'application/json', `${JSON.stringify(uncertaintyJson(r), null, 2)}\n`);
  });
}

/**
 * Renders the panel `id` (see Uncertainty.astro) for `spec`: whiskers for its
 * outputs, the tornado for its chosen output and the ranged inputs. Debounced so
 * typing stays responsive; a spec the core rejects leaves the last good view.
 */
export function renderUncertainty(id: string, spec: EstimateSpec): void {
  const root = document.getElementById(id);
  if (!root) return;
  const prev = timers.get(root);
  if (prev !== undefined) clearTimeout(prev);
  const headlines = () => document.querySelectorAll<HTMLElement>('[data-headline]');
  headlines().forEach((el) => (el.dataset.pending = '1'));
  timers.set(
    root,
    window.setTimeout(() => {
      let r: UncertainRunResult;
      try {
        r = uncertainRun(spec, Number(root.dataset.samples) || 4000);
      } catch {
        root.dataset.state = 'error';
        return;
      }
      const outputs = (root.dataset.outputs ?? 'acceleratorHours,costUsd').split(',') as RunOutput[];
      headlines().forEach((el) => {
        el.textContent = headlineText(r, el.dataset.headline as RunOutput | 'equivalents');
        delete el.dataset.pending;
      });
      whiskerChart(root.querySelector<SVGSVGElement>('[data-whiskers]')!, r, outputs);
      tornadoChart(root.querySelector<SVGSVGElement>('[data-tornado]')!, r, (root.dataset.tornado ?? outputs[outputs.length - 1]) as RunOutput);
      const ivBody = root.querySelector('[data-intervals] tbody');
      if (ivBody) {
        ivBody.replaceChildren(
          ...intervalRows(r, outputs).map((row) => {
            const tr = document.createElement('tr');
            const th = document.createElement('th');
            th.scope = 'row';
            th.textContent = row.label;
            tr.append(th);
            for (const text of [row.median, row.interval]) {
              const td = document.createElement('td');
              td.className = 'num';
              td.textContent = text;
              tr.append(td);
            }
            return tr;
          }),
        );
      }
      const tbody = root.querySelector('details tbody');
      if (tbody) {
        tbody.replaceChildren(
          ...inputRows(r).map((row) => {
            const tr = document.createElement('tr');
            for (const [text, cls] of [[row.name, ''], [row.range, 'num'], [row.source, 'source']]) {
              const td = document.createElement('td');
              td.textContent = text;
              if (cls) td.className = cls;
              tr.append(td);
            }
            return tr;
          }),
        );
      }
      latest.set(root, r);
      bindJson(root);
      root.dataset.state = 'ready';
    }, 120),
  );
}
