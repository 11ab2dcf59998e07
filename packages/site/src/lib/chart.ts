/**
 * One d3 line/scatter chart used by every page. Styles are set as SVG
 * attributes (not CSS classes) so an exported SVG renders on its own.
 */
import { axisBottom, axisLeft, extent, line, scaleLinear, scaleLog, select, format as d3format } from 'd3';

export interface Point {
  x: number;
  y: number;
}

export interface Series {
  name: string;
  points: Point[];
  color?: string;
  dashed?: boolean;
  /** Draw dots instead of (or as well as) a line. */
  dots?: boolean;
  noLine?: boolean;
  /** Tooltip for the line (e.g. the run it belongs to when the legend names only its group). */
  title?: string;
  /** Text beside each point (same order as points). */
  labels?: string[];
}

export interface ChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  xLog?: boolean;
  yLog?: boolean;
  width?: number;
  height?: number;
  /** Vertical marker lines with a label, e.g. "your run". */
  markers?: { x: number; label: string }[];
  xDomain?: [number, number];
  yDomain?: [number, number];
}

export const PALETTE = ['#1f5fa8', '#d1495b', '#2a9d8f', '#e09f3e', '#6c4ab6', '#5c677d', '#8f2d56', '#33658a'];

const sciTick = (v: number) => {
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e4 || a < 1e-3 ? v.toExponential(0).replace('e+', 'e') : d3format('~g')(v);
};

/**
 * Tick values for a log axis: powers of ten, at most `max` of them, or undefined
 * (d3's own ticks) when the domain spans under two decades or holds under two powers of ten. Hand-written because
 * d3's log ticks enumerate every decade, which fails ("Invalid array length") or
 * crowds the axis when a domain spans hundreds of decades.
 */
export function logTickValues(lo: number, hi: number, max = 7): number[] | undefined {
  const a = Math.floor(Math.log10(lo));
  const b = Math.ceil(Math.log10(hi));
  if (!Number.isFinite(a) || !Number.isFinite(b)) return [];
  if (b - a < 2) return undefined;
  const step = Math.max(1, Math.ceil((b - a) / max));
  const out: number[] = [];
  for (let e = Math.ceil(a / step) * step; e <= b; e += step) {
    const v = 10 ** e;
    if (v >= lo && v <= hi) out.push(v);
  }
  // 14 … 120 spans two decades by its ends but holds one power of ten: d3's 20, 50 ticks read better than a lone "100".
  if (out.length < 2 && b - a <= 3) return undefined;
  return out;
}

/**
 * Width to draw at: the chart's container, so one SVG unit is one CSS pixel and
 * 12-unit text is 12 px on screen at any width (a fixed 720-unit drawing scaled
 * to a phone shrank it to 5 px). 720 when the chart is not laid out (exports, tests).
 */
export function chartWidth(svg: SVGSVGElement): number {
  const w = svg.parentElement?.clientWidth ?? 0;
  return w > 0 ? Math.max(280, Math.round(w - 2)) : 720;
}

const drawn = new WeakMap<SVGSVGElement, { width: number; redraw: () => void }>();
let observer: ResizeObserver | undefined;

/** Redraws a chart when its container's width changes (phone rotation, window resize). */
export function redrawOnResize(svg: SVGSVGElement, redraw: () => void): void {
  const parent = svg.parentElement;
  if (!parent || typeof ResizeObserver === 'undefined') return;
  const first = !drawn.has(svg);
  drawn.set(svg, { width: chartWidth(svg), redraw });
  if (!first) return;
  observer ??= new ResizeObserver((entries) => {
    for (const e of entries) {
      const child = e.target.querySelector('svg');
      const d = child && drawn.get(child as SVGSVGElement);
      if (d && chartWidth(child as SVGSVGElement) !== d.width) d.redraw();
    }
  });
  observer.observe(parent);
}

/** Values a log axis can place: positive, and not so close to the float limits that log scales break. */
const LOG_SAFE = (v: number) => v > 1e-290 && v < 1e290;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Greedy label placement: the first of right-above, right-below, left-above,
 * left-below of the point that overlaps no placed label and stays in the plot;
 * null when none does. Returns the text's baseline position.
 */
function placeLabel(placed: Box[], px: number, py: number, w: number, h: number, x0: number, x1: number, y0: number, y1: number): { x: number; y: number } | null {
  const tries: Box[] = [
    { x: px + 5, y: py - 5 - h, w, h },
    { x: px + 5, y: py + 5, w, h },
    { x: px - 5 - w, y: py - 5 - h, w, h },
    { x: px - 5 - w, y: py + 5, w, h },
  ];
  for (const b of tries) {
    if (b.x < x0 || b.x + b.w > x1 || b.y < y0 || b.y + b.h > y1) continue;
    if (placed.some((o) => b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h)) continue;
    placed.push(b);
    return { x: b.x, y: b.y + h - 3 };
  }
  return null;
}

/** Draws `series` into `svg`, replacing what was there. Non-finite points are dropped. */
export function lineChart(svg: SVGSVGElement, series: Series[], opts: ChartOptions): void {
  const width = opts.width ?? chartWidth(svg);
  const height = opts.height ?? Math.round(Math.min(420, Math.max(280, width * 0.62)));
  redrawOnResize(svg, () => lineChart(svg, series, opts));
  // Legend entries (named series only) wrap onto rows; the plot starts below them.
  const legendItems = series.map((s, i) => ({ s, color: s.color ?? PALETTE[i % PALETTE.length] })).filter((e) => e.s.name);
  const legendPos: { x: number; row: number }[] = [];
  {
    let lx = 0;
    let row = 0;
    for (const e of legendItems) {
      const w = 30 + e.s.name.length * 6.5;
      if (lx > 0 && 66 + lx + w > width - 8) {
        row++;
        lx = 0;
      }
      legendPos.push({ x: lx, row });
      lx += w;
    }
  }
  const legendRows = legendPos.length ? legendPos[legendPos.length - 1].row + 1 : 0;
  const m = { top: 18 + legendRows * 16, right: 16, bottom: 48, left: 66 };
  const root = select(svg);
  root.selectAll('*').remove();
  root
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('aria-label', opts.title)
    .attr('width', width)
    .attr('height', height)
    .attr('font-size', 12);
  root.append('title').text(opts.title);
  root.append('rect').attr('width', width).attr('height', height).attr('fill', '#fff');

  const clean = series.map((s) => ({
    ...s,
    points: s.points.filter(
      (p) => Number.isFinite(p.x) && Number.isFinite(p.y) && (!opts.xLog || LOG_SAFE(p.x)) && (!opts.yLog || LOG_SAFE(p.y)),
    ),
  }));
  const all = clean.flatMap((s) => s.points);
  const markers = (opts.markers ?? []).filter((mk) => Number.isFinite(mk.x) && (!opts.xLog || LOG_SAFE(mk.x)));
  if (all.length === 0) {
    root.append('text').attr('x', width / 2).attr('y', height / 2).attr('text-anchor', 'middle').attr('fill', '#57606a').text('No data to plot');
    return;
  }
  const xs = [...all.map((p) => p.x), ...markers.map((mk) => mk.x)];
  let xd = opts.xDomain ?? (extent(xs) as [number, number]);
  let yd = opts.yDomain ?? (extent(all, (p) => p.y) as [number, number]);
  if (xd[0] === xd[1]) xd = opts.xLog ? [xd[0] / 2, xd[1] * 2] : [xd[0] - 1, xd[1] + 1];
  if (yd[0] === yd[1]) yd = opts.yLog ? [yd[0] / 2, yd[1] * 2] : [yd[0] - 1, yd[1] + 1];
  const x = (opts.xLog ? scaleLog() : scaleLinear()).domain(xd).range([m.left, width - m.right]);
  const y = (opts.yLog ? scaleLog() : scaleLinear()).domain(yd).range([height - m.bottom, m.top]);
  if (!opts.xLog) x.nice();
  if (!opts.yLog) y.nice();

  const xAxis = axisBottom(x).ticks(opts.xLog ? 6 : 6, opts.xLog ? sciTick : undefined);
  const yAxis = axisLeft(y).ticks(6, opts.yLog ? sciTick : undefined);
  const xTicks = opts.xLog ? logTickValues(x.domain()[0], x.domain()[1]) : undefined;
  const yTicks = opts.yLog ? logTickValues(y.domain()[0], y.domain()[1]) : undefined;
  if (xTicks) xAxis.tickValues(xTicks).tickFormat((v) => sciTick(Number(v)));
  if (yTicks) yAxis.tickValues(yTicks).tickFormat((v) => sciTick(Number(v)));
  if (!opts.xLog) xAxis.tickFormat((v) => sciTick(Number(v)));
  if (!opts.yLog) yAxis.tickFormat((v) => sciTick(Number(v)));
  // d3's axes set 10-unit text; 12 keeps tick labels at 12 px on screen.
  root.append('g').attr('transform', `translate(0,${height - m.bottom})`).call(xAxis).attr('font-size', 12);
  root.append('g').attr('transform', `translate(${m.left},0)`).call(yAxis).attr('font-size', 12);
  root.append('text').attr('x', (m.left + width - m.right) / 2).attr('y', height - 10).attr('text-anchor', 'middle').attr('fill', '#1b1f24').text(opts.xLabel);
  root
    .append('text')
    .attr('transform', `translate(16,${(m.top + height - m.bottom) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .attr('fill', '#1b1f24')
    .text(opts.yLabel);

  const plot = root.append('g').attr('class', 'plot');
  const placed: Box[] = [];
  // Every drawn dot is an obstacle for the point labels, so no label covers another run's dot.
  if (clean.some((s) => s.labels)) {
    for (const s of clean) if (s.dots || s.noLine || s.points.length === 1) for (const p of s.points) placed.push({ x: x(p.x) - 4, y: y(p.y) - 4, w: 8, h: 8 });
  }
  const labelJobs: { n: number; run: () => void }[] = [];
  const gen = line<Point>()
    .x((p) => x(p.x))
    .y((p) => y(p.y));
  clean.forEach((s, i) => {
    const color = s.color ?? PALETTE[i % PALETTE.length];
    if (!s.noLine && s.points.length > 1) {
      plot
        .append('path')
        .attr('class', 'series')
        .attr('data-series', s.name)
        .attr('d', gen(s.points))
        .attr('fill', 'none')
        .attr('stroke', color)
        .attr('stroke-width', 2)
        .attr('stroke-dasharray', s.dashed ? '6 4' : null)
        .call((p) => {
          if (s.title) p.append('title').text(s.title);
        });
    }
    if (s.dots || s.noLine || s.points.length === 1) {
      plot
        .append('g')
        .attr('data-series', s.name)
        .selectAll('circle')
        .data(s.points)
        .join('circle')
        .attr('cx', (p) => x(p.x))
        .attr('cy', (p) => y(p.y))
        .attr('r', 3.5)
        .attr('fill', color);
    }
    // Labels go on after every series' dots (below), so a later series' dot never sits on a label.
    if (s.labels) labelJobs.push({ n: s.points.length, run: () => {
      const g = plot.append('g').attr('class', 'point-labels');
      s.points.forEach((p, i) => {
        const text = s.labels![i] ?? '';
        const at = placeLabel(placed, x(p.x), y(p.y), text.length * 7, 14, m.left, width - m.right, m.top, height - m.bottom);
        // A label with no free place is left out of the drawing; the point's tooltip still names it.
        plot.selectAll<SVGCircleElement, Point>(`g[data-series="${CSS.escape(s.name)}"] circle`).filter((_, j) => j === i).append('title').text(text);
        if (at) g.append('text').attr('x', at.x).attr('y', at.y).attr('fill', '#3d444d').text(text);
      });
    } });
  });
  // A series of one or a few points (the reader's run) gets its label placed first.
  for (const job of labelJobs.sort((a, b) => a.n - b.n)) job.run();
  for (const mk of markers) {
    const g = plot.append('g').attr('class', 'marker');
    g.append('line').attr('x1', x(mk.x)).attr('x2', x(mk.x)).attr('y1', m.top).attr('y2', height - m.bottom).attr('stroke', '#1b1f24').attr('stroke-dasharray', '2 3');
    g.append('text').attr('x', x(mk.x) + 4).attr('y', m.top + 12).attr('fill', '#1b1f24').text(mk.label);
  }
  // Legend inside the SVG so exports carry it.
  const legend = root.append('g').attr('transform', `translate(${m.left},12)`);
  legendItems.forEach((e, i) => {
    const g = legend.append('g').attr('transform', `translate(${legendPos[i].x},${legendPos[i].row * 16})`);
    g.append('line').attr('x1', 0).attr('x2', 18).attr('y1', 0).attr('y2', 0).attr('stroke', e.color).attr('stroke-width', 3).attr('stroke-dasharray', e.s.dashed ? '5 3' : null);
    g.append('text').attr('x', 22).attr('y', 4).attr('fill', '#1b1f24').text(e.s.name);
  });
}
