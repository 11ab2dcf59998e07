// `scaling-lab estimate` memory flags (--optimizer, --zero, --tp, --pp,
// --micro-batch, --seq, --recompute, --lora-rank, --lora-targets) and
// commander's own errors, run as a user runs them: a child process on the
// built CLI (`npm test` builds first).
import { describe, expect, it } from 'vitest';
import { expectBadInput, json, runCli } from './helpers/cli.js';

const GB = 1e9;

describe('scaling-lab estimate: memory per accelerator (CLI)', () => {
  it('--params 7.5B --count 64 --zero 0..3: 120, 31.4, 16.6, 1.9 GB (Rajbhandari et al. 2020, Figure 1); JSON carries memory and its assumptions', () => {
    const expected = [120, 31.4, 16.6, 1.9];
    for (const zero of [0, 1, 2, 3]) {
      const e = json('estimate', '--params', '7.5B', '--tokens', '1T', '--count', '64', '--zero', String(zero), '--optimizer', 'adam');
      expect(e.memory.totalBytes / GB).toBeCloseTo(expected[zero], 1);
      expect(e.memory.zeroStage).toBe(zero);
      expect(e.assumptions.find((a: { name: string }) => a.name === 'memory.zeroStage').source).toBe('user');
    }
    const d = json('estimate', '--params', '7.5B', '--tokens', '1T', '--count', '64');
    expect(d.memory.optimizer).toBe('adamw');
    expect(d.memory.fits).toBe(false);
    expect(d.memory.toFit).toEqual({ zeroStage: 1, tensorParallel: 2 });
    expect(d.assumptions.find((a: { name: string }) => a.name === 'memory.precision').source).toMatch(/Rajbhandari/);
  });

  it('--preset gpt-3 --lora-rank 1: 4.7M trainable params (Hu et al. 2021, Table 4); --lora-targets q --lora-rank 8 equals r=4 on q,v (Table 5)', () => {
    expect(json('estimate', '--preset', 'gpt-3', '--lora-rank', '1').memory.lora.trainableParams / 1e6).toBeCloseTo(4.7, 1);
    const qv = json('estimate', '--preset', 'gpt-3', '--lora-rank', '4').memory.lora;
    const q = json('estimate', '--preset', 'gpt-3', '--lora-rank', '8', '--lora-targets', 'q').memory.lora;
    expect(q.targets).toEqual(['q']);
    expect(qv.targets).toEqual(['q', 'v']);
    expect(q.trainableParams).toBe(qv.trainableParams);
  });

  it('architecture flags: Llama-2-7B with LoRA r=8 on q,v has 4,194,304 trainable of 6,738,415,616 parameters (the released checkpoint; the count PEFT prints for this setup)', () => {
    const arch = ['--layers', '32', '--d-model', '4096', '--heads', '32', '--ffn', '11008', '--ffn-type', 'swiglu', '--vocab', '32000', '--context', '4096', '--tokens', '2T'];
    const e = json('estimate', ...arch, '--lora-rank', '8');
    expect(e.params).toBe(6_738_415_616);
    expect(e.memory.lora.trainableParams).toBe(4_194_304);
    expect(e.memory.sequence).toBe(4096);
    // gate/up/down exist in SwiGLU: r·(d + ffn) each per layer
    const mlp = json('estimate', ...arch, '--lora-rank', '8', '--lora-targets', 'gate,up,down');
    expect(mlp.memory.lora.trainableParams).toBe(32 * 3 * 8 * (4096 + 11008));
  });

  it('--tp/--pp/--micro-batch/--seq/--recompute reach the activations (Korthikanti et al. 2022, Table 2)', () => {
    const sbh = 4096 * 2 * 12288;
    const e = json('estimate', '--preset', 'gpt-3', '--count', '1024', '--tp', '8', '--pp', '4', '--micro-batch', '2', '--seq', '4096', '--recompute', 'selective');
    expect(e.memory).toMatchObject({ tensorParallel: 8, pipelineParallel: 4, dataParallel: 32, microBatch: 2, sequence: 4096, recompute: 'selective' });
    expect(e.memory.activationsBytes).toBeCloseTo((96 * 34 * sbh) / 8, 0);
    const full = json('estimate', '--preset', 'gpt-3', '--count', '1024', '--tp', '8', '--pp', '4', '--micro-batch', '2', '--seq', '4096', '--recompute');
    expect(full.memory.activationsBytes).toBeCloseTo((96 * 2 * sbh) / 8, 0);
  });

  it('prints the memory lines in the readable report', () => {
    const r = runCli(['estimate', '--preset', 'llama-2-70b', '--count', '2048', '--zero', '1', '--tp', '8', '--recompute', 'selective']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Memory {4}[\d.]+ GB per accelerator of 80 GB: weights .*activations/);
    expect(r.stdout).toMatch(/ZeRO 1, TP 8 × PP 1 × DP 256/);
    expect(r.stdout).toMatch(/Fits {6}yes/);
    const no = runCli(['estimate', '--params', '70B', '--tokens', '1T', '--count', '64']);
    expect(no.stdout).toMatch(/Fits {6}NO; smallest that fit: ZeRO stage \d/);
    const lora = runCli(['estimate', '--preset', 'gpt-3', '--lora-rank', '4']);
    expect(lora.stdout).toMatch(/LoRA {6}rank 4 on q,v: 18\.9M trainable params/);
  });

  it('without a parameter count there is no memory section', () => {
    expect(json('estimate', '--flops', '1e22').memory).toBeNull();
  });

  it.each([
    [['--flops', '1e22', '--zero', '1'], '--zero: needs the parameter count'],
    [['--params', '7B', '--tokens', '1T', '--zero', '4'], '--zero: must be 0, 1, 2 or 3'],
    [['--params', '7B', '--tokens', '1T', '--zero', 'x'], '--zero: "x" is not a number'],
    [['--params', '7B', '--tokens', '1T', '--optimizer', 'lion'], '--optimizer: unknown "lion"'],
    [['--params', '7B', '--tokens', '1T', '--train-precision', 'fp8'], '--train-precision: unknown "fp8"'],
    [['--params', '7B', '--tokens', '1T', '--count', '8', '--tp', '4', '--pp', '4'], '--tp: TP × PP = 4 × 4 = 16 exceeds the 8 accelerators'],
    [['--params', '7B', '--tokens', '1T', '--tp', '1.5'], '--tp: must be a whole number'],
    [['--params', '7B', '--tokens', '1T', '--pp', '0'], '--pp: must be at least 1'],
    [['--params', '7B', '--tokens', '1T', '--seq', '2048'], '--seq: needs an architecture'],
    [['--preset', 'gpt-3', '--micro-batch', '0'], '--micro-batch: must be at least 1'],
    [['--params', '7B', '--tokens', '1T', '--recompute', 'partial'], '--recompute: unknown "partial"'],
    [['--params', '7B', '--tokens', '1T', '--lora-rank', '8'], '--lora-rank: needs an architecture'],
    [['--preset', 'gpt-3', '--lora-targets', 'q'], '--lora-targets: given without a LoRA rank'],
    [['--preset', 'gpt-3', '--lora-rank', '4', '--lora-targets', 'q,x'], '--lora-targets: unknown "x"'],
    [['--preset', 'gpt-3', '--lora-rank', '4', '--lora-targets', 'gate'], '--lora-targets: gate exists only in SwiGLU MLPs'],
    [['--params', '80B', '--active-params', '90B', '--tokens', '1T'], '--active-params: 90000000000 exceeds params 80000000000'],
    [['--params', '7B', '--tokens', '1T', '--kv-heads', '8'], '--kv-heads: is an architecture flag and needs --layers and --d-model'],
    [['--param', '7B'], "unknown option '--param' (did you mean --params? see `scaling-lab estimate --help`)"],
    [['--params'], "option '--params <n>' argument missing (see `scaling-lab estimate --help`)"],
  ])('bad input %j → exit 2, one line: %s', (args, needle) => {
    const r = runCli(['estimate', ...(args as string[])]);
    expectBadInput(r, needle);
  });

  it.each([
    [['hardware', '--jsn'], "unknown option '--jsn' (did you mean --json? see `scaling-lab hardware --help`)"],
    [['regions', 'a', 'b'], 'too many arguments for \'regions\''],
    [['presets', '--bogus'], "unknown option '--bogus' (see `scaling-lab presets --help`)"],
  ])('commander errors of %j stay one line with the fix', (args, needle) => {
    const r = runCli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(needle);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--help lists the memory flags', () => {
    const r = runCli(['estimate', '--help']);
    expect(r.code).toBe(0);
    for (const f of ['--optimizer', '--zero', '--tp', '--pp', '--micro-batch', '--seq', '--recompute [kind]', '--lora-rank', '--lora-targets']) expect(r.stdout).toContain(f);
  });
});
