// `scaling-lab fit` on the training logs people already have (examples/logs/, written by
// examples/logs/make-examples.mjs from Besiroglu et al. 2024's law, so each fit must recover it).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { expectBadInput, json, runCli } from './helpers/cli.js';

const ex = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples', 'logs');
const law = { E: 1.8172, A: 482.01, alpha: 0.3478, B: 2085.43, beta: 0.3658 };
const tmp = mkdtempSync(join(tmpdir(), 'sl-fit-logs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function expectLaw(j: any) {
  expect(j.law.E).toBeCloseTo(law.E, 2);
  expect(j.law.alpha).toBeCloseTo(law.alpha, 2);
  expect(j.law.beta).toBeCloseTo(law.beta, 2);
}

describe('fit from training logs', () => {
  it('W&B runs-table CSV: 12 finished runs used, the crashed one skipped, the law recovered', () => {
    const j = json('fit', join(ex, 'wandb-runs.csv'));
    expect(j.source.used).toBe(12);
    expect(j.source.skipped[0].reason).toMatch(/crashed/);
    expectLaw(j);
  });

  it('any CSV with --params-col size_M:M --tokens-col --loss-col; JSON lines with nested fields', () => {
    expectLaw(json('fit', join(ex, 'runs-custom.csv'), '--params-col', 'size_M:M', '--tokens-col', 'seen', '--loss-col', 'final_eval'));
    expectLaw(json('fit', join(ex, 'runs.jsonl')));
  });

  it('a folder of Hugging Face Trainer runs: latest state per run, N from each config.json', () => {
    const j = json('fit', join(ex, 'hf-trainer'));
    expect(j.source.used).toBe(12); // 12 run folders; checkpoint-400 states are not extra runs
    expect(j.source.columns.params).toMatch(/config/);
    expectLaw(j);
    const a1 = json('fit', join(ex, 'hf-trainer'), '--approach', '1');
    expect(a1.approach).toBe(1);
    expect(a1.method).toMatch(/training curves/);
  });

  it('a folder of W&B history CSVs (one run each, N logged as a column) with --tokens-per-step', () => {
    const dir = join(tmp, 'hist');
    mkdirSync(dir);
    const text = readFileSync(join(ex, 'wandb-history.csv'), 'utf8').trim().split('\n');
    // Two runs: the example's and a smaller model's, each logging n_params on every row.
    writeFileSync(join(dir, 'a.csv'), text.map((l, i) => `${l},${i ? 124439808 : 'n_params'}`).join('\n'));
    writeFileSync(join(dir, 'b.csv'), text.map((l, i) => (i ? `${l.replace(/,([\d.]+),([\d.]*),/, (_, t, e) => `,${+t + 0.3},${e ? +e + 0.3 : ''},`)},30000000` : `${l},n_params`)).join('\n'));
    const j = json('fit', dir, '--tokens-per-step', '262144', '--approach', '1');
    expect(j.source.used).toBe(2);
    expect(j.source.columns.tokens).toBe('_step × 262144 tokens/step');
    expect(j.modelsOnEnvelope).toBe(2);
  });

  it('--params-from-config sets N for every run (a folder of runs then has one size, and says so)', () => {
    const cfg = join(ex, 'hf-trainer', 'gpt2-l12-d768-s400', 'config.json');
    expectBadInput(runCli(['fit', join(ex, 'hf-trainer'), '--params-from-config', cfg]), /same parameter count/);
  });

  it('bad files: one line naming the file, row and column; bad flags named', () => {
    const bad = join(tmp, 'bad.csv');
    writeFileSync(bad, 'size_M,seen,final_eval\n20,0.2B,5.1\n60,lots,4.0\n');
    expectBadInput(runCli(['fit', bad, '--params-col', 'size_M:M', '--tokens-col', 'seen', '--loss-col', 'final_eval']), /bad\.csv row 3 column "seen": token count is "lots", not a number > 0/);
    expectBadInput(runCli(['fit', bad, '--params-col', 'size']), /--params-col: no column "size" in .*bad\.csv; it has "size_M", "seen", "final_eval"/);
    const state = join(tmp, 'trainer_state.json');
    writeFileSync(state, '{"global_step": 10, "log_history": [{"loss": 3.1, "step": 10}, {"eval_loss": "x", "step": 10}]}');
    expectBadInput(runCli(['fit', state]), /trainer_state\.json log_history\[1\] "eval_loss": is "x", not a finite number/);
    expectBadInput(runCli(['fit', join(ex, 'wandb-history.csv'), '--params-from-config', join(tmp, 'none.json')]), /--params-from-config: cannot read .*none\.json/);
    expectBadInput(runCli(['fit', join(ex, 'wandb-history.csv'), '--tokens-per-step', '-1']), /--tokens-per-step: must be greater than 0/);
  });
});
