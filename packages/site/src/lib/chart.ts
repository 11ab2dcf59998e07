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

/** Draws `series` into `svg`, replacing what was there. Non-finite points are dropped. */
export function lineChart(svg: SVGSVGElement, series: Series[], opts: ChartOptions): void {
  const width = opts.width ?? 720;
  const height = opts.height ?? 420;
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
      (p) => Number.isFinite(p.x) && Number.isFinite(p.y) && (!opts.xLog || p.x > 0) && (!opts.yLog || p.y > 0),
    ),
  }));
  const all = clean.flatMap((s) => s.points);
  const markers = (opts.markers ?? []).filter((mk) => Number.isFinite(mk.x) && (!opts.xLog || mk.x > 0));
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
  if (!opts.xLog) xAxis.tickFormat((v) => sciTick(Number(v)));
  if (!opts.yLog) yAxis.tickFormat((v) => sciTick(Number(v)));
  root.append('g').attr('transform', `translate(0,${height - m.bottom})`).call(xAxis);
  root.append('g').attr('transform', `translate(${m.left},0)`).call(yAxis);
  root.append('text').attr('x', (m.left + width - m.right) / 2).attr('y', height - 10).attr('text-anchor', 'middle').attr('fill', '#1b1f24').text(opts.xLabel);
  root
    .append('text')
    .attr('transform', `translate(16,${(m.top + height - m.bottom) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .attr('fill', '#1b1f24')
    .text(opts.yLabel);

  const plot = root.append('g').attr('class', 'plot');
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
        .attr('stroke-dasharray', s.dashed ? '6 4' : null);
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
    if (s.labels) {
      const labels = s.labels;
      plot
        .append('g')
        .attr('class', 'point-labels')
        .selectAll('text')
        .data(s.points)
        .join('text')
        .attr('x', (p) => x(p.x) + 5)
        .attr('y', (p) => y(p.y) - 5)
        .attr('font-size', 10)
        .attr('fill', '#57606a')
        .text((_, i) => labels[i] ?? '');
    }
  });
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
