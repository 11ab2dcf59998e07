/**
 * A small SVG chart writer for the sweep report: log or linear axes (scales and
 * tick values from d3-scale), scatter points, lines and dashed extrapolations,
 * a legend. Output is a standalone SVG string (no DOM needed, so it runs in
 * Node). Hand-built markup because d3-selection/d3-axis need a DOM, and a
 * static chart is a few dozen elements.
 */
import { scaleLinear, scaleLog } from 'd3-scale';

export interface ChartSeries {
  label: string;
  color: string;
  /** `low`/`high`: a vertical error bar (an interval on y) drawn through the point. */
  points: { x: number; y: number; label?: string; low?: number; high?: number }[];
  /** A shaded interval band (e.g. a bootstrap interval around a fitted curve), drawn under the lines. */
  band?: { x: number; low: number; high: number }[];
  /** Join the points with a line. */
  line?: boolean;
  /** Draw point markers (default true unless `line`). */
  markers?: boolean;
  dashed?: boolean;
  /** Hollow markers (e.g. diverged or excluded runs). */
  hollow?: boolean;
}

export interface ChartSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  xLog?: boolean;
  yLog?: boolean;
  series: ChartSeries[];
  width?: number;
  height?: number;
  /** Vertical marker lines, e.g. the projection target. */
  vLines?: { x: number; label: string; color?: string }[];
  /** Force the x domain (e.g. to include an extrapolation target). */
  xDomain?: [number, number];
  yDomain?: [number, number];
  note?: string;
}

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const fmt = (v: number) => (Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-2 && v !== 0) ? v.toExponential(0).replace('e+', 'e') : String(+v.toPrecision(3)));
const r2 = (v: number) => Math.round(v * 100) / 100;

function extent(values: number[], log: boolean): [number, number] {
  const v = values.filter((x) => Number.isFinite(x) && (!log || x > 0));
  if (!v.length) return log ? [1, 10] : [0, 1];
  let lo = Math.min(...v);
  let hi = Math.max(...v);
  if (lo === hi) {
    lo = log ? lo / 2 : lo - 1;
    hi = log ? hi * 2 : hi + 1;
  }
  return [lo, hi];
}

/**
 * Renders a line/scatter chart as a self-contained SVG string (no DOM, no dependencies), with
 * optional log axes, error bars, shaded interval bands, vertical markers and a note: the charts
 * of the sweep report and the notebooks.
 *
 * @param spec - title, axis labels, `series` (label, colour, points), optional log axes, size, domains, markers and note
 * @returns the SVG document as text
 * @example
 * ```ts
 * import { PALETTE, renderChart } from '@scaling-lab/core';
 * const svg = renderChart({ title: 'Loss', xLabel: 'N', yLabel: 'loss', xLog: true,
 *   series: [{ label: 'runs', color: PALETTE[0], points: [{ x: 1e6, y: 3 }, { x: 1e7, y: 2.5 }] }] });
 * svg.startsWith('<svg'); // → true
 * ```
 */
export function renderChart(spec: ChartSpec): string {
  const width = spec.width ?? 720;
  const height = spec.height ?? 460;
  const m = { top: 44, right: 24, bottom: 58, left: 74 };
  const legendH = 18 * Math.ceil(spec.series.length / 3);
  const plotBottom = height - m.bottom - legendH;
  const all = spec.series.flatMap((s) => [...s.points, ...(s.band ?? []).flatMap((b) => [{ x: b.x, y: b.low }, { x: b.x, y: b.high }])]);
  const xd = spec.xDomain ?? extent([...all.map((p) => p.x), ...(spec.vLines ?? []).map((v) => v.x)], !!spec.xLog);
  const yd = spec.yDomain ?? extent(all.map((p) => p.y), !!spec.yLog);
  const x = (spec.xLog ? scaleLog() : scaleLinear()).domain(xd).range([m.left, width - m.right]).nice();
  const y = (spec.yLog ? scaleLog() : scaleLinear()).domain(yd).range([plotBottom, m.top]).nice();
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${width / 2}" y="22" text-anchor="middle" font-size="15" font-weight="600">${escapeXml(spec.title)}</text>`,
  );
  // grid and ticks
  const xTicks = spec.xLog ? x.ticks().filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9) : x.ticks(8);
  const xT = xTicks.length >= 2 ? xTicks : x.ticks(6);
  const yTicksRaw = y.ticks(spec.yLog ? 6 : 7);
  const yT = spec.yLog && yTicksRaw.length > 10 ? yTicksRaw.filter((_, i) => i % Math.ceil(yTicksRaw.length / 8) === 0) : yTicksRaw;
  const xStep = Math.max(1, Math.ceil(xT.length / 9));
  xT.forEach((t, i) => {
    const px = r2(x(t));
    out.push(`<line x1="${px}" x2="${px}" y1="${m.top}" y2="${plotBottom}" stroke="#e5e5e5"/>`);
    if (i % xStep === 0) out.push(`<text x="${px}" y="${plotBottom + 16}" text-anchor="middle" fill="#333">${fmt(t)}</text>`);
  });
  for (const t of yT) {
    const py = r2(y(t));
    out.push(`<line x1="${m.left}" x2="${width - m.right}" y1="${py}" y2="${py}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${m.left - 6}" y="${py + 4}" text-anchor="end" fill="#333">${fmt(t)}</text>`);
  }
  out.push(`<rect x="${m.left}" y="${m.top}" width="${width - m.left - m.right}" height="${plotBottom - m.top}" fill="none" stroke="#999"/>`);
  out.push(`<text x="${(m.left + width - m.right) / 2}" y="${plotBottom + 36}" text-anchor="middle">${escapeXml(spec.xLabel)}</text>`);
  out.push(`<text transform="translate(18 ${(m.top + plotBottom) / 2}) rotate(-90)" text-anchor="middle">${escapeXml(spec.yLabel)}</text>`);
  const [x0, x1] = x.range();
  const [y1, y0] = y.range();
  const inside = (px: number, py: number) => px >= x0 - 0.5 && px <= x1 + 0.5 && py >= y0 - 0.5 && py <= y1 + 0.5;
  out.push(`<defs><clipPath id="plot"><rect x="${x0}" y="${y0}" width="${x1 - x0}" height="${y1 - y0}"/></clipPath></defs>`);
  for (const v of spec.vLines ?? []) {
    const px = r2(x(v.x));
    if (px < x0 || px > x1) continue;
    out.push(`<line x1="${px}" x2="${px}" y1="${m.top}" y2="${plotBottom}" stroke="${v.color ?? '#888'}" stroke-dasharray="2 3"/>`);
    out.push(`<text x="${px - 4}" y="${m.top + 12}" text-anchor="end" fill="${v.color ?? '#555'}">${escapeXml(v.label)}</text>`);
  }
  const ok = (px: number, py: number) => Number.isFinite(px) && Number.isFinite(py) && (!spec.xLog || px > 0) && (!spec.yLog || py > 0);
  for (const s of spec.series) {
    const band = (s.band ?? []).filter((b) => ok(b.x, b.low) && ok(b.x, b.high));
    if (band.length > 1) {
      const upper = band.map((b) => `${r2(x(b.x))},${r2(y(b.high))}`);
      const lower = [...band].reverse().map((b) => `${r2(x(b.x))},${r2(y(b.low))}`);
      out.push(`<polygon class="band" clip-path="url(#plot)" fill="${s.color}" fill-opacity="0.18" stroke="none" points="${[...upper, ...lower].join(' ')}"/>`);
    }
  }
  for (const s of spec.series) {
    for (const p of s.points) {
      if (p.low === undefined || p.high === undefined || !ok(p.x, p.low) || !ok(p.x, p.high)) continue;
      const px = r2(x(p.x));
      out.push(`<line class="errorbar" clip-path="url(#plot)" x1="${px}" x2="${px}" y1="${r2(y(p.low))}" y2="${r2(y(p.high))}" stroke="${s.color}" stroke-width="1.5"/>`);
    }
    const pts = s.points
      .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && (!spec.xLog || p.x > 0) && (!spec.yLog || p.y > 0))
      .map((p) => ({ px: r2(x(p.x)), py: r2(y(p.y)), label: p.label }));
    if (s.line && pts.length > 1) {
      out.push(
        `<polyline clip-path="url(#plot)" fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''} points="${pts.map((p) => `${p.px},${p.py}`).join(' ')}"/>`,
      );
    }
    if (s.markers ?? !s.line) {
      for (const p of pts) {
        if (!inside(p.px, p.py)) continue;
        out.push(`<circle cx="${p.px}" cy="${p.py}" r="4" fill="${s.hollow ? 'white' : s.color}" stroke="${s.color}" stroke-width="1.5">${p.label ? `<title>${escapeXml(p.label)}</title>` : ''}</circle>`);
      }
    }
  }
  // legend
  spec.series.forEach((s, i) => {
    const col = i % 3;
    const row = Math.floor(i / 3);
    const lx = m.left + col * ((width - m.left - m.right) / 3);
    const ly = height - legendH - 6 + row * 18;
    const swatch = s.band && !s.line && !s.points.length
      ? `<rect x="${lx}" y="${ly - 5}" width="18" height="10" fill="${s.color}" fill-opacity="0.18"/>`
      : s.line
      ? `<line x1="${lx}" x2="${lx + 18}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`
      : `<circle cx="${lx + 9}" cy="${ly}" r="4" fill="${s.hollow ? 'white' : s.color}" stroke="${s.color}"/>`;
    out.push(`${swatch}<text x="${lx + 24}" y="${ly + 4}">${escapeXml(s.label)}</text>`);
  });
  if (spec.note) out.push(`<text x="${width - m.right}" y="${m.top - 8}" text-anchor="end" fill="#666" font-size="11">${escapeXml(spec.note)}</text>`);
  out.push('</svg>');
  return out.join('\n');
}

/** Colours for series (Okabe–Ito, readable by colour-blind readers). */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'];
