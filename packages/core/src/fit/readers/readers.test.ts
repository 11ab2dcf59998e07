import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { parseColumnSpec } from './columns.js';
import { detectLogFormat, parseLog } from './parseLog.js';
import { parseLogTable } from './table.js';
import { runFromTrainerState } from './trainerState.js';

const ex = join(dirname(fileURLToPath(import.meta.url)), '../../../../../examples/logs');
const read = (f: string) => readFileSync(join(ex, f), 'utf8');
const fails = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error('expected an InputError');
};

describe('format detection', () => {
  it('tells the example logs apart by content', () => {
    expect(detectLogFormat(read('wandb-runs.csv'))).toBe('wandb-runs');
    expect(detectLogFormat(read('wandb-history.csv'))).toBe('history');
    expect(detectLogFormat(read('tensorboard-eval-loss.csv'))).toBe('history');
    expect(detectLogFormat(read('runs.jsonl'))).toBe('runs');
    expect(detectLogFormat(read('runs-custom.csv'))).toBe('runs');
    expect(detectLogFormat(read('hf-trainer/gpt2-l4-d256-s400/trainer_state.json'))).toBe('hf-trainer-state');
    expect(detectLogFormat('{"runKey":"a","finalValLoss":2}\n')).toBe('sweep');
  });
});

describe('W&B runs table', () => {
  it('reads summary columns and skips runs whose State is not finished', () => {
    const p = parseLog(read('wandb-runs.csv'), { source: 'w.csv' });
    expect(p.points).toHaveLength(12);
    expect(p.skipped).toEqual([{ row: 14, reason: 'row 14: State is "crashed"' }]);
    expect(p.columns).toMatchObject({ params: 'n_params', tokens: 'train/tokens', loss: 'eval/loss' });
    expect(p.points[0]).toEqual({ params: 20e6, tokens: 200e6, loss: 5.12683 });
  });
  it('a bad cell gives one line naming file, row and column', () => {
    const bad = read('wandb-runs.csv').replace('run-3,finished,-,me,"scaling,20M"', 'run-3,finished,-,me,"scaling,20M"').split('\n');
    bad[4] = bad[4].replace(/,(\d\.\d+),(\d\.\d+),(\d+)$/, ',oops,$2,$3');
    expect(fails(() => parseLog(bad.join('\n'), { source: 'w.csv' }))).toBe('w.csv row 5 column "eval/loss": loss is "oops", not a number > 0 (fix or remove that row, or name another column)');
  });
});

describe('any CSV / JSON lines with column flags and units', () => {
  it('maps columns, multiplies by the unit suffix and reads 0.2B-style cells', () => {
    const p = parseLog(read('runs-custom.csv'), { source: 'c.csv', paramsCol: 'size_M:M', tokensCol: 'seen', lossCol: 'final_eval' });
    expect(p.points[0]).toEqual({ params: 20e6, tokens: 0.2e9, loss: 5.12683 });
    expect(p.columns.params).toBe('size_M × 1000000');
  });
  it('finds nested JSON-lines fields by their last segment', () => {
    const p = parseLog(read('runs.jsonl'), { source: 'r.jsonl' });
    expect(p.columns).toMatchObject({ params: 'model.n_params', tokens: 'data.tokens', loss: 'metrics.val_loss' });
    expect(p.points).toHaveLength(12);
  });
  it('derives D from a FLOP column and uses a fixed N from a config', () => {
    const p = parseLog('C,loss\n6e18,3.1\n1.2e19,3.0\n', { source: 'f.csv', flopsCol: 'C', params: 1e9 });
    expect(p.points[1]).toEqual({ params: 1e9, tokens: 2e9, flops: 1.2e19, loss: 3.0 });
  });
  it('unit specs: letters or numbers, anything else named', () => {
    expect(parseColumnSpec('t:1e9', '--tokens-col')).toEqual({ name: 't', scale: 1e9 });
    expect(parseColumnSpec('t:k', '--tokens-col')).toEqual({ name: 't', scale: 1e3 });
    expect(fails(() => parseColumnSpec('t:lots', '--tokens-col'))).toMatch(/^--tokens-col: unit "lots"/);
    expect(fails(() => parseLog('a,b\n1,2\n', { source: 'x.csv', lossCol: 'zzz' }))).toMatch(/^--loss-col: no column "zzz" in x\.csv; it has "a", "b"/);
  });
  it('JSON lines: a broken line is named', () => {
    expect(fails(() => parseLogTable('{"a":1}\n{"a":\n', 'r.jsonl'))).toMatch(/^r\.jsonl row 2: is not valid JSON/);
  });
});

describe('one run history: W&B history CSV and TensorBoard scalar CSV', () => {
  it('takes the last logged eval loss and D = step × tokens per step, and keeps the curve', () => {
    const h = parseLog(read('wandb-history.csv'), { source: 'h.csv', params: 124_439_808, tokensPerStep: 262_144 });
    expect(h.points).toEqual([{ params: 124_439_808, tokens: 2000 * 262_144, loss: 3.90212 }]);
    expect(h.curves?.[0].tokens).toHaveLength(4); // eval/loss logged every 500 of 2000 steps
    const tb = parseLog(read('tensorboard-eval-loss.csv'), { source: 't.csv', params: 124_439_808, tokensPerStep: 262_144 });
    expect(tb.points).toEqual(h.points);
  });
  it('says what is missing: tokens per step, parameter count', () => {
    expect(fails(() => parseLog(read('wandb-history.csv'), { source: 'h.csv', params: 1e8 }))).toMatch(/h\.csv: has no tokens column.*--tokens-per-step/);
    expect(fails(() => parseLog(read('wandb-history.csv'), { source: 'h.csv', tokensPerStep: 1 }))).toMatch(/h\.csv: logs no parameter count.*--params-from-config/);
  });
});

describe('Hugging Face trainer_state.json', () => {
  const text = read('hf-trainer/gpt2-l4-d256-s1200/trainer_state.json');
  it('final eval_loss, tokens from num_input_tokens_seen, N from total_flos when no config', () => {
    const s = JSON.parse(text);
    const p = runFromTrainerState(text, { source: 's.json' });
    expect(p.points[0].tokens).toBe(s.num_input_tokens_seen);
    expect(p.points[0].loss).toBe(s.log_history.filter((e: { eval_loss?: number }) => e.eval_loss).at(-1).eval_loss);
    expect(p.points[0].params).toBeCloseTo(s.total_flos / (6 * s.num_input_tokens_seen), 0);
    expect(p.columns.params).toMatch(/total_flos/);
    expect(p.curves?.[0].loss.length).toBe(s.log_history.filter((e: { loss?: number }) => e.loss).length);
  });
  it('names the entry and key of a bad value', () => {
    const bad = text.replace(/"eval_loss": [\d.]+/, '"eval_loss": "NaN"');
    expect(fails(() => runFromTrainerState(bad, { source: 's.json' }))).toMatch(/^s\.json log_history\[\d+\] "eval_loss": is "NaN", not a finite number/);
    expect(fails(() => runFromTrainerState('{"log_history": []}', { source: 's.json' }))).toMatch(/has no "eval_loss" or "loss" entry/);
  });
});
