// Issue #10 item 5: a bad field inside a file the user named (a fit JSON given to --law, a Hugging Face
// config given to --config) is named as the user sees it — the flag, the file and the field's JSON path
// (cli/flags.ts inFile) — never by the library's name (law.alpha, lawSamples[0], --layers).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { HF_CONFIGS } from '../packages/core/src/estimate/architecture/hfConfigs.fixture.js';
import { expectBadInput, runCli } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cli-file-fields-'));
const file = (name: string, body: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof body === 'string' ? body : JSON.stringify(body));
  return p;
};
const law = { form: 'chinchilla', E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };

describe('fields of a --law file are named by the file and their JSON path', () => {
  const badAlpha = file('bad-alpha.json', { law: { ...law, alpha: -0.3 } });
  for (const cmd of [['optimal', '--compute', '1e24'], ['project', '--budget-flops', '1e24']]) {
    it(`${cmd[0]}: law.alpha`, () => {
      expectBadInput(runCli([cmd[0], '--law', badAlpha, ...cmd.slice(1)]), `--law ${badAlpha}: law.alpha: must be greater than 0, got -0.3`);
    });
  }
  it('a law at the top level is named by its own key (A), not law.A', () => {
    const top = file('top.json', { ...law, A: 'x' });
    expectBadInput(runCli(['optimal', '--law', top, '--compute', '1e24']), `--law ${top}: A: expected a finite number, got "x"`);
  });
  it('bootstrap rows, as rows and as columns, are named where they sit (not lawSamples[i])', () => {
    const rows = file('rows.json', { law, bootstrap: [{ ...law }, { E: 1, A: 2, B: 3, alpha: 'q', beta: 1 }] });
    expectBadInput(runCli(['project', '--law', rows, '--budget-flops', '1e24']), `--law ${rows}: bootstrap[1].alpha: expected a finite number, got "q"`);
    const cols = file('cols.json', { law, bootstrap: { params: { E: [1, 1], A: [1, -2], B: [1, 1], alpha: [0.3, 0.3], beta: [0.3, 0.3] } } });
    expectBadInput(runCli(['project', '--law', cols, '--budget-flops', '1e24']), `--law ${cols}: bootstrap.params.A[1]: must be greater than 0, got -2`);
  });
  it('a frontier with a bad coefficient is named, not "holds neither law nor frontier"', () => {
    const fr = file('frontier.json', { frontier: { params: { coefficient: -1, exponent: 0.5 }, tokens: { coefficient: 1, exponent: 0.5 } } });
    expectBadInput(runCli(['optimal', '--law', fr, '--compute', '1e24']), `--law ${fr}: frontier.params.coefficient: must be greater than 0, got -1`);
  });
});

describe('fields of a --config file are named by the file and the config key', () => {
  const llama = HF_CONFIGS['meta-llama/Llama-3.1-8B'].config as Record<string, unknown>;
  it('a key that is not a number', () => {
    const p = file('cfg-str.json', { ...llama, num_hidden_layers: 'many' });
    expectBadInput(runCli(['estimate', '--config', p, '--tokens', '1T']), `--config ${p}: num_hidden_layers: expected a number, got "many"`);
  });
  it('a value the estimate refuses names the config key the value came from, not the flag the user did not type', () => {
    const frac = file('cfg-frac.json', { ...llama, num_hidden_layers: 2.5 });
    expectBadInput(runCli(['estimate', '--config', frac, '--tokens', '1T']), `--config ${frac}: num_hidden_layers: must be a whole number, got 2.5`);
    const gqa = file('cfg-gqa.json', { ...llama, num_key_value_heads: 5 });
    expectBadInput(runCli(['estimate', '--config', gqa, '--tokens', '1T']), `--config ${gqa}: num_key_value_heads: 5 does not divide the 32 heads`);
  });
  it('a flag that overrides the config is named as the flag', () => {
    const p = file('cfg-ok.json', llama);
    expectBadInput(runCli(['estimate', '--config', p, '--tokens', '1T', '--kv-heads', '5']), /^scaling-lab: error: --kv-heads: 5 does not divide the 32 heads/);
  });
});
