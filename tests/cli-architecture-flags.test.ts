// Issue #10 item 3: every architecture feature the --config reader knows (MLA, dense-first/MoE-every-n/
// per-layer types, shared experts and their widths, MTP, Q/K/V-only biases, norm kinds and counts,
// token types, sliding windows) is also a flag (cli/architectureFlags.ts, one table), and a preset's
// architecture can be overridden by them: the flags win and the output lists what was replaced.
import { describe, expect, it } from 'vitest';
import { paramsFromArchitecture, type Architecture } from '../packages/core/src/index.js';
import { getPublishedRun, listPublishedRuns } from '../packages/core/src/data/publishedRuns.js';
import { expectBadInput, json, runCli } from './helpers/cli.js';

const DSV3 = getPublishedRun('deepseek-v3').architecture!.value;
const params = (a: Architecture) => paramsFromArchitecture(a);

describe('architecture features as flags', () => {
  it('DeepSeek-V3 from flags alone equals the preset architecture: 671B total, 37B activated per training token', () => {
    const j = json('estimate', '--layers', '61', '--d-model', '7168', '--heads', '128', '--vocab', '129280', '--ffn', '18432', '--ffn-type', 'swiglu', '--context', '4096',
      '--experts', '256', '--active-experts', '8', '--shared-experts', '1', '--expert-ffn', '2048', '--dense-layers', '3',
      '--kv-lora-rank', '512', '--q-lora-rank', '1536', '--qk-nope-dim', '128', '--qk-rope-dim', '64', '--v-head-dim', '128', '--mtp', '1', '--tokens', '14.8T');
    expect(j.params).toBe(params(DSV3).total);
    expect(j.activeParams).toBe(params(DSV3).activatedInTraining);
    expect(Math.abs(j.params / 671e9 - 1)).toBeLessThan(0.01);
    expect(Math.abs(j.activeParams / 37e9 - 1)).toBeLessThan(0.01);
  });

  const base = ['--layers', '4', '--d-model', '64', '--heads', '4', '--vocab', '100', '--ffn', '128', '--ffn-type', 'swiglu', '--context', '256', '--tokens', '1e9'];
  const arch: Architecture = { layers: 4, dModel: 64, heads: 4, vocab: 100, ffnDim: 128, ffnType: 'swiglu', context: 256 };
  const cases: [string[], Partial<Architecture>][] = [
    [['--experts', '4', '--active-experts', '1', '--moe-every', '2'], { experts: 4, activeExperts: 1, moeEvery: 2 }],
    [['--experts', '4', '--active-experts', '1', '--layer-types', 'dense*3,moe'], { experts: 4, activeExperts: 1, layerTypes: ['dense', 'dense', 'dense', 'moe'] }],
    [['--experts', '4', '--active-experts', '1', '--shared-experts', '2', '--expert-ffn', '32', '--shared-expert-ffn', '48', '--dense-layers', '1'], { experts: 4, activeExperts: 1, sharedExperts: 2, expertFfnDim: 32, sharedExpertFfnDim: 48, denseLayers: 1 }],
    [['--qkv-bias'], { qkvBias: true }],
    [['--bias', '--norm', 'layernorm', '--learned-positions'], { bias: true, norm: 'layernorm', learnedPositions: true }],
    [['--norm', 'nonparametric'], { norm: 'nonparametric' }],
    [['--norms-per-layer', '4'], { normsPerLayer: 4 }],
    [['--token-types', '2'], { tokenTypes: 2 }],
    [['--mtp', '2'], { mtpModules: 2 }],
  ];
  for (const [flags, fields] of cases) {
    it(`${flags.join(' ')} → the parameter count of the same architecture in the library`, () => {
      const j = json('estimate', ...base, ...flags);
      const p = params({ ...arch, ...fields });
      expect(j.params).toBe(p.total);
      if (fields.mtpModules) expect(j.activeParams).toBe(p.activatedInTraining); // MTP is counted per training token, not in the total
      else expect(j.params).not.toBe(params(arch).total); // the flag changed something
    });
  }
  it('sliding windows change the detailed FLOPs (--sliding-window, --sliding-window-pattern, --attention-types)', () => {
    const long = [...base.slice(0, -6), '--context', '8192', '--tokens', '1e9', '--detailed'];
    const full = json('estimate', ...long).flops;
    const all = json('estimate', ...long, '--sliding-window', '1024').flops;
    const alt = json('estimate', ...long, '--sliding-window', '1024', '--sliding-window-pattern', 'alternate').flops;
    const types = json('estimate', ...long, '--sliding-window', '1024', '--attention-types', 'sliding,global*3').flops;
    expect(all).toBeLessThan(alt);
    expect(alt).toBeLessThan(full);
    expect(types).toBeGreaterThan(alt);
    expect(types).toBeLessThan(full);
  });
  it('bad values are refused naming the flag', () => {
    expectBadInput(runCli(['estimate', ...base, '--layer-types', 'dense,mo']), /^scaling-lab: error: --layer-types: unknown entry "mo"/);
    expectBadInput(runCli(['estimate', ...base, '--layer-types', 'dense*2']), /^scaling-lab: error: --layer-types: has 2 entries for 4 layers/);
    expectBadInput(runCli(['estimate', ...base, '--norm', 'batchnorm']), /^scaling-lab: error: --norm: unknown "batchnorm"/);
    expectBadInput(runCli(['estimate', ...base, '--kv-lora-rank', '512']), /^scaling-lab: error: --qk-nope-dim: must be a whole number/);
    expectBadInput(runCli(['estimate', ...base, '--dense-layers', '1.5', '--experts', '4']), /^scaling-lab: error: --dense-layers: must be a whole number, got 1\.5/);
    expectBadInput(runCli(['estimate', ...base, '--sliding-window-pattern', 'odd']), /^scaling-lab: error: --sliding-window-pattern: unknown "odd"/);
    expectBadInput(runCli(['estimate', '--shared-experts', '1', '--tokens', '1T']), /^scaling-lab: error: --shared-experts: is an architecture flag and needs --layers and --d-model/);
  });
});

describe('preset + architecture-flag override', () => {
  it('--preset llama-2-7b --kv-heads 8 --layers 40: the flags win and the output lists what they replaced', () => {
    const llama = getPublishedRun('llama-2-7b').architecture!.value;
    const j = json('estimate', '--preset', 'llama-2-7b', '--kv-heads', '8', '--layers', '40');
    expect(j.params).toBe(params({ ...llama, kvHeads: 8, layers: 40 }).total);
    expect(j.preset.replaced).toContain('architecture (given: layers 32 → 40, kvHeads (default) → 8)');
    const text = runCli(['estimate', '--preset', 'llama-2-7b', '--kv-heads', '8', '--layers', '40']).stdout;
    expect(text).toMatch(/Replaced {2}preset values: .*architecture \(given: layers 32 → 40, kvHeads \(default\) → 8\)/);
  });
  it('--preset deepseek-v3 --mtp 0 --dense-layers 5 keeps the rest of the preset architecture', () => {
    const j = json('estimate', '--preset', 'deepseek-v3', '--mtp', '0', '--dense-layers', '5');
    expect(j.params).toBe(params({ ...DSV3, mtpModules: 0, denseLayers: 5 }).total);
    expect(j.activeParams).toBe(params({ ...DSV3, mtpModules: 0, denseLayers: 5 }).activatedInTraining);
    expect(j.preset.replaced.join(' ')).toMatch(/denseLayers 3 → 5, mtpModules 1 → 0/);
  });
  it('--no-bias turns off a preset\'s biases', () => {
    const gpt3 = getPublishedRun('gpt-3').architecture!.value;
    expect(json('estimate', '--preset', 'gpt-3', '--no-bias').params).toBe(params({ ...gpt3, bias: false }).total);
  });
  it('a preset without an architecture says so', () => {
    const id = listPublishedRuns().find((p) => !p.architecture)?.id;
    expect(id, 'a preset that states no architecture').toBeDefined();
    expectBadInput(runCli(['estimate', '--preset', id, '--kv-heads', '8']), new RegExp(`--kv-heads: is an architecture flag and needs --layers and --d-model \\(preset "${id}" states no architecture to override\\)`));
  });
});

describe('fuzz findings (issue #10 item 6)', () => {
  it('an absurd depth is refused before per-layer tables are built (it ran out of memory), and MTP modules are bounded by the layers', () => {
    expectBadInput(runCli(['estimate', '--preset', 'llama-2-7b', '--layers', '1e9']), /^scaling-lab: error: --layers: must be at most 10,000, got 1000000000/);
    expectBadInput(runCli(['estimate', '--preset', 'deepseek-v3', '--mtp', '1e6']), /^scaling-lab: error: --mtp: 1000000 modules exceed the 61 layers/);
  });
  it('an unknown published law is named --law, not the library field "law"', () => {
    expectBadInput(runCli(['optimal', '--law', 'constructor', '--compute', '1e24']), /^scaling-lab: error: --law: unknown law "constructor"/);
    expectBadInput(runCli(['project', '--law', '__proto__', '--budget-flops', '1e24']), /^scaling-lab: error: --law: unknown law "__proto__"/);
  });
});
