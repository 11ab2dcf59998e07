/**
 * "Your run among published ones": each published run (core's preset table,
 * every input as its paper states it) estimated by core, for a chart that
 * places the reader's planned run among them (as Epoch AI's tools do).
 */
import { estimateRun, listPublishedRuns, type Estimate } from '@scaling-lab/core';
import { lineChart } from './chart';

export interface PublishedPoint {
  id: string;
  label: string;
  year: number;
  flops: number;
  costUsd: number | null;
  energyKWh: number;
  co2eKg: number;
}

let cache: PublishedPoint[] | undefined;

export function publishedPoints(): PublishedPoint[] {
  cache ??= listPublishedRuns().flatMap((r) => {
    try {
      const e = estimateRun({ preset: r.id });
      return e.flops === null ? [] : [{ id: r.id, label: `${r.name} (${r.year})`, year: r.year, flops: e.flops, costUsd: e.costUsd, energyKWh: e.energyKWh, co2eKg: e.co2eKg }];
    } catch {
      return [];
    }
  });
  return cache;
}

/** Draws compute (x) against `metric` (y) for the published runs, with the reader's run in red. */
export function publishedChart(svg: SVGSVGElement, e: Estimate, metric: 'costUsd' | 'co2eKg'): void {
  const pts = publishedPoints().filter((p) => p[metric] !== null && (p[metric] as number) > 0);
  const y = (v: number) => (metric === 'co2eKg' ? v / 1000 : v);
  const mine = metric === 'co2eKg' ? e.co2eKg : e.costUsd;
  lineChart(
    svg,
    [
      { name: 'published runs (core, from each paper’s stated inputs)', points: pts.map((p) => ({ x: p.flops, y: y(p[metric] as number) })), noLine: true, labels: pts.map((p) => p.label), color: '#5c677d' },
      { name: 'your run', points: e.flops !== null && mine !== null && mine > 0 ? [{ x: e.flops, y: y(mine) }] : [], labels: ['your run'], color: '#d1495b' },
    ],
    {
      title: metric === 'co2eKg' ? 'Your run among published runs: emissions against compute' : 'Your run among published runs: cost against compute',
      xLabel: 'training compute (FLOPs)',
      yLabel: metric === 'co2eKg' ? 'operational emissions (tCO2e)' : 'cost (USD)',
      xLog: true,
      yLog: true,
    },
  );
}
