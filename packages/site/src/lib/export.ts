/** Downloads of results (CSV, JSON) and charts (standalone SVG), done in the browser. */

export function download(filename: string, mime: string, text: string): void {
  const blob = new Blob([text], { type: mime });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function csvCell(v: unknown): string {
  const s = v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows of plain objects → CSV with a header of all keys seen. */
export function toCsv(rows: Record<string, unknown>[]): string {
  const keys: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!keys.includes(k)) keys.push(k);
  return [keys.map(csvCell).join(','), ...rows.map((r) => keys.map((k) => csvCell(r[k])).join(','))].join('\n') + '\n';
}

/** The SVG as a standalone file (charts set their styles as attributes, so it renders alone). */
export function svgText(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('font-family', 'system-ui, sans-serif');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${clone.outerHTML}\n`;
}

export interface Exporter {
  /** File name stem, e.g. `run-cost`. */
  name: string;
  /** Current results as rows for CSV, or null when the inputs are invalid. */
  rows: () => Record<string, unknown>[] | null;
  /** Current results as a JSON-able object (inputs and outputs). */
  json: () => unknown;
}

/**
 * Wires buttons with `data-export="csv|json"` inside `root`, and
 * `data-export-svg="<svg id>"` for charts.
 */
export function wireExports(root: ParentNode, exporter: Exporter): void {
  root.querySelectorAll<HTMLButtonElement>('button[data-export]').forEach((b) => {
    b.addEventListener('click', () => {
      if (b.dataset.export === 'csv') {
        const rows = exporter.rows();
        if (rows) download(`${exporter.name}.csv`, 'text/csv', toCsv(rows));
      } else {
        download(`${exporter.name}.json`, 'application/json', `${JSON.stringify(exporter.json(), null, 2)}\n`);
      }
    });
  });
  root.querySelectorAll<HTMLButtonElement>('button[data-export-svg]').forEach((b) => {
    b.addEventListener('click', () => {
      const svg = document.getElementById(b.dataset.exportSvg!) as SVGSVGElement | null;
      if (svg) download(`${exporter.name}-${b.dataset.exportSvg}.svg`, 'image/svg+xml', svgText(svg));
    });
  });
}
