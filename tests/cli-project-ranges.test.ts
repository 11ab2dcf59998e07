// `scaling-lab estimate` with range syntax (the range module wired into the estimate command),
// run as a user runs it: a child process on the built CLI.
import { describe, expect, it } from 'vitest';
import { expectBadInput, runCli } from './helpers/cli.js';

const z95 = 1.6448536269514722;

describe('scaling-lab estimate with ranges (CLI)', () => {
  it('a lognormal MFU gives the analytic accelerator-hours interval (to sampling error)', () => {
    // accH = 6ND / (peak · MFU · 3600) is proportional to 1/MFU, so with MFU lognormal
    // (median 0.4, 5–95% = 0.3–0.55) accH's 5/50/95% points are k/0.55, k/0.4, k/0.3.
    // Tolerance: 4 standard errors of a sample quantile, √(p(1−p)/n)/f(q) (f: density of accH).
    const n = 10_000;
    const r = runCli(['estimate', '--params', '7B', '--tokens', '2T', '--hardware', 'nvidia-h100-sxm5-80gb', '--mfu', 'lognormal:0.4,0.3,0.55', '--samples', String(n), '--seed', '1', '--json']);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    const k = (6 * 7e9 * 2e12) / (989.4e12 * 3600);
    const acc = j.outputs.acceleratorHours;
    // accH = k/MFU: ln accH is two-piece normal around ln(k/0.4); accH's upper side is MFU's lower side.
    const sUp = Math.log(0.4 / 0.3) / z95;   // spread of ln accH above its median
    const sDown = Math.log(0.55 / 0.4) / z95; // below
    const dens = (q: number, s: number) => Math.exp(-((Math.log(q / (k / 0.4)) / s) ** 2) / 2) / (q * s * Math.sqrt(2 * Math.PI));
    for (const [got, q, p, s] of [[acc.low, k / 0.55, 0.05, sDown], [acc.median, k / 0.4, 0.5, sUp], [acc.high, k / 0.3, 0.95, sUp]] as const) {
      const se = Math.sqrt((p * (1 - p)) / n) / dens(q, s);
      expect(Math.abs(got - q), `quantile ${p}`).toBeLessThan(4 * se);
    }
    expect(j.inputs.find((i: { name: string }) => i.name === 'mfu').source).toBe('user');
    expect(j.point.mfu).toBeCloseTo(0.4, 12);
  });

  it('prints median and interval per output, with the inputs that matter most', () => {
    const r = runCli(['estimate', '--params', '70B', '--tokens', '1.4T', '--hardware', 'nvidia-h100-sxm5-80gb', '--count', '2048', '--mfu', '0.3..0.5', '--pue', '1.1..1.6', '--samples', '2000']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/5–95% interval/);
    for (const label of ['accelerator-hours', 'wall-clock', 'cost', 'energy', 'CO2e']) expect(r.stdout).toContain(label);
    expect(r.stdout).toMatch(/What moves cost most/);
    expect(r.stdout).toMatch(/pue\s+1\.1\.\.1\.6 — user/);
  });

  it('gives the everyday equivalents with the CO2e interval, in text and --json', () => {
    const args = ['estimate', '--params', '7B', '--tokens', '1T', '--count', '256', '--mfu', '0.3..0.5', '--samples', '2000', '--seed', '1'];
    const j = JSON.parse(runCli([...args, '--json']).stdout);
    const co2 = j.outputs.co2eKg;
    // 251 g per US car-km, 570 kg per NY–SF flight, 11 kg per tree-year (Green Algorithms); quantiles scale with the factor.
    expect(j.equivalents.carKmUs.median).toBeCloseTo((co2.median * 1000) / 251, 6);
    expect(j.equivalents.carKmUs.low).toBeCloseTo((co2.low * 1000) / 251, 6);
    expect(j.equivalents.flightsNySf.high).toBeCloseTo(co2.high / 570, 9);
    expect(j.equivalents.treeYears.median).toBeCloseTo(co2.median / 11, 9);
    expect(j.equivalents.householdYears.median).toBeCloseTo(j.outputs.energyKWh.median / j.equivalents.householdYears.factor, 9);
    expect(j.equivalents.carKmUs.source).toMatch(/Green Algorithms/);
    const text = runCli(args).stdout;
    expect(text).toMatch(/everyday equivalents \(median \[5–95% interval\]/);
    expect(text).toMatch(/≈ [\d.]+k? \[[\d.]+k? – [\d.]+k?\] km by US car/);
    expect(text).toMatch(/NY–SF flights/);
    expect(text).toMatch(/tree-years of absorption/);
    expect(text).toMatch(/household-years of electricity/);
  });

  it('same seed → same answer; exit 2 with one line for impossible ranges', () => {
    const args = ['estimate', '--flops', '1e22', '--mfu', '0.3..0.5', '--samples', '500', '--seed', '4', '--json'];
    expect(runCli(args).stdout).toBe(runCli(args).stdout);
    for (const [flag, value, msg] of [
      ['--mfu', '0.5..0.3', /--mfu: range low 0.5 is above high 0.3/],
      ['--pue', '0.9..1.2', /--pue: must be at least 1/],
      ['--mfu', '0.2..1.4', /--mfu: must be at most 1/],
    ] as const) {
      expectBadInput(runCli(['estimate', '--flops', '1e22', flag, value]), msg);
    }
  });
});
