// The `scaling-lab estimate`, `hardware`, `regions` and `presets` commands,
// run as a user runs them: a child process on the built CLI (`npm test`
// builds first).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI, expectBadInput, json, runCli } from './helpers/cli.js';

describe('scaling-lab estimate (CLI)', () => {
  it('is built', () => {
    expect(existsSync(CLI), `${CLI} missing: run npm run build`).toBe(true);
  });

  it('--preset llama-2-70b --json reproduces 291.42 tCO2e (Touvron et al. 2023, Table 2) with the documented JSON fields', () => {
    const e = json('estimate', '--preset', 'llama-2-70b');
    for (const k of ['flops', 'acceleratorHours', 'wallClockHours', 'costUsd', 'energyKWh', 'co2eKg', 'assumptions']) expect(e).toHaveProperty(k);
    expect(e.co2eKg / 1000).toBeCloseTo(291.42, 2);
    expect(e.acceleratorHours).toBe(1_720_320);
    expect(Array.isArray(e.assumptions)).toBe(true);
    expect(e.assumptions.find((a: { name: string }) => a.name === 'pue').value).toBe(1.1);
  });

  it('the same from flags: 1,720,320 A100-hours at 400 W, PUE 1.1, 385 g/kWh → 291.42 t', () => {
    const e = json('estimate', '--hours', '1720320', '--hardware', 'nvidia-a100-sxm4-80gb', '--watts', '400', '--pue', '1.1', '--grid', '385');
    expect(e.co2eKg / 1000).toBeCloseTo(291.42, 2);
    expect(e.energyKWh).toBeCloseTo(756_940.8, 1);
  });

  it('--params 7B --tokens 1.4T --count 256: 6ND FLOPs and wall-clock = accelerator-hours / count', () => {
    const e = json('estimate', '--params', '7B', '--tokens', '1.4T', '--count', '256', '--hardware', 'nvidia-h100-sxm5-80gb', '--mfu', '0.5', '--price', '2');
    expect(e.flops).toBe(6 * 7e9 * 1.4e12);
    expect(e.acceleratorHours).toBeCloseTo(e.flops / (989.4e12 * 0.5 * 3600), 6);
    expect(e.wallClockHours).toBeCloseTo(e.acceleratorHours / 256, 9);
    expect(e.costUsd).toBeCloseTo(e.acceleratorHours * 2, 6);
  });

  it('--region brings the grid and provider PUE; --deadline sets the accelerator count', () => {
    const e = json('estimate', '--flops', '1e24', '--deadline', '720', '--region', 'us-east-1');
    expect(e.gridGCO2ePerKWh).toBe(415.8);
    expect(e.pue).toBe(1.15);
    expect(e.wallClockHours).toBeLessThanOrEqual(720);
    expect((e.acceleratorHours / (e.count - 1))).toBeGreaterThan(720);
  });

  it('prints a readable report by default', () => {
    const r = runCli(['estimate', '--preset', 'gpt-3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/GPT-3/);
    expect(r.stdout).toMatch(/tCO2e/);
    expect(r.stdout).toMatch(/Assumptions/);
  });

  it.each([
    [['--params', '-5', '--tokens', '1e9'], '--params'],
    [['--params', 'abc', '--tokens', '1e9'], '--params'],
    [['--tokens', '1e9'], '--params'],
    [['--flops', '1e22', '--hardware', 'h10'], 'did you mean nvidia-h100-sxm5-80gb'], // bare h100 resolves to the SXM5 with a note (tests/cli-hardening)
    [['--flops', '1e22', '--region', 'FRA', '--grid', '50'], '--grid'],
    [['--flops', '1e22', '--params', '7B'], '--flops'],
    [['--preset', 'gpt5'], 'did you mean gpt-3'],
    [['--flops', '1e22', '--mfu', '1.5'], '--mfu'],
    [['--flops', '1e22', '--count', '0'], '--count'],
    [['--flops', '1e22', '--pue', '0.5'], '--pue'],
    [['--flops', '1e22', '--region', 'frnace'], 'did you mean FRA'],
    [['--flops', '1e22', '--count', '8', '--deadline', '10'], '--deadline'],
    [[], 'nothing to estimate'],
  ])('bad input %j → exit 2, one line naming %s, no stack trace', (args, needle) => {
    const r = runCli(['estimate', ...(args as string[])]);
    expectBadInput(r, needle);
  });
});

describe('scaling-lab hardware / regions / presets (CLI)', () => {
  it.each(['estimate', 'hardware', 'regions', 'presets'])('%s --help exits 0 with usage', (cmd) => {
    const r = runCli([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: scaling-lab/);
  });

  it('hardware lists accelerators with dense peaks and filters by search', () => {
    const all = json('hardware');
    const h100 = all.find((a: { id: string }) => a.id === 'nvidia-h100-sxm5-80gb');
    expect(h100.tflops.bf16).toBe(989.4);
    const tpus = json('hardware', 'tpu');
    expect(tpus.length).toBe(5);
    expect(runCli(['hardware']).stdout).toMatch(/nvidia-a100-sxm4-80gb/);
  });

  it('regions filters by search and carries sources', () => {
    const fr = json('regions', 'france');
    expect(fr.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['FRA', 'aws:eu-west-3', 'azure:francecentral']));
    for (const r of fr) expect(r.source.length).toBeGreaterThan(10);
  });

  it('presets lists the published runs with citations', () => {
    const p = json('presets');
    expect(p.length).toBeGreaterThanOrEqual(10);
    expect(p.find((r: { id: string }) => r.id === 'llama-2-70b').reported.co2eKg.value).toBe(291_420);
    expect(runCli(['presets']).stdout).toMatch(/deepseek-v3/);
  });
});
