// %% [markdown]
// # Plan a run: cost, time, energy and CO2e, with intervals
//
// A 7B model on 2T tokens (the Llama 2 7B recipe) and a 70B model on 1.4T tokens (Chinchilla's
// compute-optimal recipe), each on three accelerators and in three cloud regions. Every input
// the estimate cannot know exactly (MFU, PUE, power draw, grid intensity, price) is drawn from
// its default range (`estimateRunUncertain`, seeded Monte Carlo), so each figure is a median with
// its 5–95 % interval. Every default carries its source; the table at the end lists them.
// Runs on the Deno kernel; the same code runs in Node and in a browser.

// %%
import { estimateRunUncertain, formatCO2eKg, formatDuration, formatEnergyKWh, formatFlops, formatUsd, PALETTE, renderChart } from '@scaling-lab/core';

/** Shows an SVG string inline (the notebook keeps it as image/svg+xml). */
const show = (svg: string) => Deno.jupyter.display({ 'image/svg+xml': svg }, { raw: true });

const models = [
  { name: '7B × 2T tokens', params: 7e9, tokens: 2e12 },
  { name: '70B × 1.4T tokens', params: 70e9, tokens: 1.4e12 },
];
const accelerators = ['nvidia-a100-sxm4-80gb', 'nvidia-h100-sxm5-80gb', 'nvidia-b200-hgx'];
const regions = ['us-east-1', 'europe-west9', 'ap-southeast-2'];
const count = 1024;

// %%
const rows = [];
for (const m of models) for (const hardware of accelerators) for (const region of regions) {
  const r = estimateRunUncertain({ params: m.params, tokens: m.tokens, hardware, count, region, samples: 2000, seed: 1 });
  rows.push({ model: m.name, hardware, region, r });
}
const iv = (o: { median: number; low: number; high: number }, f: (x: number) => string) => `${f(o.median)} [${f(o.low)}–${f(o.high)}]`;
console.log(`${count} accelerators per run; median [5–95 %]\n`);
for (const { model, hardware, region, r } of rows) {
  const o = r.monteCarlo.outputs;
  console.log(`${model.padEnd(18)} ${hardware.padEnd(22)} ${region.padEnd(15)} wall ${iv(o.wallClockHours, formatDuration)}  cost ${iv(o.costUsd, formatUsd)}  energy ${iv(o.energyKWh, formatEnergyKWh)}  ${iv(o.co2eKg, formatCO2eKg)}`);
}

// %% [markdown]
// Cost against emissions, one point per (accelerator, region); the region moves the emissions
// (grid intensity), the accelerator moves both.

// %%
const series = models.flatMap((m, i) =>
  accelerators.map((hw, j) => ({
    label: `${m.name}, ${hw.replace('nvidia-', '')}`,
    color: PALETTE[(i * accelerators.length + j) % PALETTE.length],
    hollow: i === 1,
    points: rows.filter((r) => r.model === m.name && r.hardware === hw).map((r) => ({ x: r.r.monteCarlo.outputs.costUsd.median, y: r.r.monteCarlo.outputs.co2eKg.median / 1000, label: r.region })),
  })),
);
await show(renderChart({ title: 'Training cost vs emissions (medians)', xLabel: 'cost (USD, log)', yLabel: 'tCO2e (location-based, log)', xLog: true, yLog: true, series, note: `${count} accelerators; points per region: ${regions.join(', ')}` }));

// %% [markdown]
// The assumptions behind one of these estimates, each with its range and source:

// %%
const one = rows.find((r) => r.model === models[1].name && r.hardware === 'nvidia-h100-sxm5-80gb' && r.region === 'us-east-1')!.r;
console.log(`${models[1].name} on H100 in us-east-1: ${formatFlops(one.point.flops)}`);
for (const a of one.assumptions) console.log(`  ${a.name.padEnd(18)} ${a.range.padEnd(28)} ${a.source}`);
