/** Refreshes an assumptions table (see components/Assumptions.astro) in the browser. */
import type { Assumption } from '@scaling-lab/core';
import { assumptionRows } from './estimate-form';

export function renderAssumptions(table: HTMLTableElement, assumptions: Assumption[]): void {
  const body = table.tBodies[0];
  body.replaceChildren(
    ...assumptionRows(assumptions).map((r) => {
      const tr = document.createElement('tr');
      const a = document.createElement('td');
      a.textContent = r.name;
      const b = document.createElement('td');
      b.className = 'num wrap';
      b.textContent = `${r.value} ${r.unit}`.trim();
      const c = document.createElement('td');
      c.className = 'source';
      c.textContent = r.source;
      tr.append(a, b, c);
      return tr;
    }),
  );
}
