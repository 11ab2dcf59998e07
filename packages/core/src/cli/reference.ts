/**
 * `scaling-lab hardware`, `regions` and `presets`: list the reference data the
 * estimator knows, optionally filtered by a search string; `--json` for
 * machines.
 */
import type { Command } from 'commander';
import { listAccelerators } from '../data/hardware.js';
import { defaultPrice } from '../data/prices.js';
import { listRegions } from '../data/regions.js';
import { listPublishedRuns } from '../data/publishedRuns.js';
import { normalizeKey } from '../lookup.js';
import { formatCO2eKg, formatCount, formatUsd, sig } from '../format.js';
import { action, printJson } from './util.js';
import { oneLineErrors } from './oneLineErrors.js';

/** Pads columns to their widest cell. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd()).join('\n');
}

const matches = (search: string | undefined, ...fields: string[]) => !search || normalizeKey(fields.join(' ')).includes(normalizeKey(search));

export function hardwareRows(search?: string) {
  return listAccelerators()
    .filter((a) => matches(search, a.id, a.name, a.vendor))
    .map((a) => {
      const p = defaultPrice(a.id);
      return { ...a, defaultPrice: p ? { usdPerHour: p.usdPerHour, provider: p.provider, date: p.date } : null };
    });
}

export function registerReference(program: Command): void {
  oneLineErrors(program.command('hardware'))
    .description('list known accelerators: dense peak rates, memory, TDP, default price')
    .argument('[search]', 'only accelerators whose id, name or vendor contains this')
    .option('--json', 'print JSON (all fields, with sources)')
    .action(
      action((search: string | undefined, opts: { json?: boolean }) => {
        const rows = hardwareRows(search);
        if (opts.json) return printJson(rows);
        if (!rows.length) return void process.stdout.write(`no accelerator matches "${search}"\n`);
        const cells = [['id', 'bf16/fp16 TFLOP/s', 'memory GB', 'TDP W', 'default $/h', 'price date']];
        for (const a of rows) {
          const peak = a.tflops.bf16 ?? a.tflops.fp16;
          cells.push([a.id, peak !== undefined ? sig(peak, 4) : '—', sig(a.memoryGB, 3), a.tdpW !== null ? String(a.tdpW) : a.measuredMeanW !== null ? `(${a.measuredMeanW} measured)` : '—', a.defaultPrice ? sig(a.defaultPrice.usdPerHour, 3) : '—', a.defaultPrice ? `${a.defaultPrice.date} ${a.defaultPrice.provider}` : '']);
        }
        process.stdout.write(`${table(cells)}\nDense rates (no 2:4 sparsity). Sources: packages/core/data/hardware/PROVENANCE.md; --json for per-row sources.\n`);
      }),
    );

  oneLineErrors(program.command('regions'))
    .description('list grid carbon intensities by country and cloud region (location-based yearly averages)')
    .argument('[search]', 'only regions whose id, name, provider or location contains this')
    .option('--json', 'print JSON (with sources)')
    .action(
      action((search: string | undefined, opts: { json?: boolean }) => {
        const rows = listRegions(search);
        if (opts.json) return printJson(rows);
        if (!rows.length) return void process.stdout.write(`no region matches "${search}"\n`);
        const cells = [['id', 'gCO2e/kWh', 'year', 'name']];
        for (const r of rows) cells.push([r.id, sig(r.gCO2ePerKWh, 4), r.year, r.name]);
        process.stdout.write(`${table(cells)}\nSources: packages/core/data/carbon/PROVENANCE.md; --json for per-row sources.\n`);
      }),
    );

  oneLineErrors(program.command('presets'))
    .description('list published training runs usable as `estimate --preset <id>`')
    .argument('[search]', 'only runs whose id or name contains this')
    .option('--json', 'print JSON (inputs with their sources, reported figures)')
    .action(
      action((search: string | undefined, opts: { json?: boolean }) => {
        const rows = listPublishedRuns().filter((r) => matches(search, r.id, r.name, r.organisation));
        if (opts.json) return printJson(rows);
        if (!rows.length) return void process.stdout.write(`no preset matches "${search}"\n`);
        const cells = [['id', 'params', 'tokens', 'hardware', 'acc-hours', 'reported', 'citation']];
        for (const r of rows) {
          const rep = [r.reported.co2eKg ? formatCO2eKg(r.reported.co2eKg.value) : '', r.reported.costUsd ? formatUsd(r.reported.costUsd.value) : ''].filter(Boolean).join(', ');
          cells.push([r.id, formatCount(r.params.value), formatCount(r.tokens.value), r.hardware.value, r.acceleratorHours ? formatCount(r.acceleratorHours.value) : '—', rep || '—', r.citation.split(', "')[0]]);
        }
        process.stdout.write(`${table(cells)}\n`);
      }),
    );
}
