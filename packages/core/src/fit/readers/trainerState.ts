/**
 * Hugging Face Trainer's `trainer_state.json` → one run's final point and curve (pure).
 *
 * loss: the last `eval_loss` in `log_history` (else the last training `loss`);
 * D: `num_input_tokens_seen` (logged when `include_num_input_tokens_seen=True`), else
 * `total_flos / (6 N)`, else `global_step × tokensPerStep`;
 * N: `params` (from the run's `config.json`), else `total_flos / (6 D)`. Trainer's
 * `total_flos` is 6 × tokens × non-embedding parameters (transformers'
 * `PreTrainedModel.floating_point_ops`, `exclude_embeddings=True`), so N recovered from it is
 * the non-embedding count.
 */
import { InputError } from '../../errors.js';
import { paramsForTrainingFlopsUnchecked, tokensForTrainingFlopsUnchecked } from '../../estimate/flops.js';
import type { TrainingCurve } from '../envelope.js';
import type { ParsedInput } from '../parseInput.js';

interface LogEntry {
  step?: number;
  loss?: number;
  eval_loss?: number;
  num_input_tokens_seen?: number;
}

interface TrainerState {
  global_step?: number;
  total_flos?: number;
  num_input_tokens_seen?: number;
  log_history?: LogEntry[];
}

const pos = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

export function looksLikeTrainerState(text: string): boolean {
  return /"log_history"\s*:/.test(text.slice(0, 200_000));
}

export function runFromTrainerState(text: string, opts: { source: string; params?: number; tokensPerStep?: number }): ParsedInput {
  const { source } = opts;
  let s: TrainerState;
  try {
    s = JSON.parse(text) as TrainerState;
  } catch (err) {
    throw new InputError(source, `is not valid JSON (${(err as Error).message})`, 'give the trainer_state.json that Trainer saves in its output and checkpoint folders');
  }
  if (!s || typeof s !== 'object' || !Array.isArray(s.log_history)) {
    throw new InputError(source, 'has no "log_history" array', 'give the trainer_state.json that Trainer saves in its output and checkpoint folders');
  }
  const log = s.log_history;
  log.forEach((e, i) => {
    for (const k of ['loss', 'eval_loss', 'step', 'num_input_tokens_seen'] as const) {
      const v = e?.[k];
      if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v))) {
        throw new InputError(`${source} log_history[${i}] "${k}"`, `is ${JSON.stringify(v)}, not a finite number`, 'fix that entry or remove it');
      }
    }
  });
  const evals = log.map((e, i) => ({ e, i })).filter(({ e }) => pos(e.eval_loss));
  const trains = log.map((e, i) => ({ e, i })).filter(({ e }) => pos(e.loss));
  const lossKey = evals.length ? 'eval_loss' : 'loss';
  const final = (evals.length ? evals : trains).at(-1);
  if (!final) throw new InputError(`${source} log_history`, 'has no "eval_loss" or "loss" entry', 'log with logging_steps / eval_strategy so the loss is recorded');
  const L = final.e[lossKey] as number;
  const steps = pos(s.global_step) ? s.global_step : (log.map((e) => e.step).filter(pos).at(-1) as number | undefined);
  const logged = log.map((e) => e.num_input_tokens_seen).filter(pos).at(-1);
  let N = opts.params;
  let D: number | undefined;
  let tokensFrom: string;
  if (pos(s.num_input_tokens_seen) || logged) {
    D = pos(s.num_input_tokens_seen) ? s.num_input_tokens_seen : logged;
    tokensFrom = 'num_input_tokens_seen';
  } else if (N !== undefined && pos(s.total_flos)) {
    D = tokensForTrainingFlopsUnchecked(s.total_flos, N);
    tokensFrom = 'total_flos / (6 N)';
  } else if (opts.tokensPerStep && steps) {
    D = steps * opts.tokensPerStep;
    tokensFrom = `global_step × ${opts.tokensPerStep} tokens/step`;
  } else {
    throw new InputError(source, 'records no token count (no num_input_tokens_seen, and no total_flos with a known N)', 'give --params-from-config config.json, or --tokens-per-step (batch size × sequence length)');
  }
  let paramsFrom = 'from --params-from-config / config.json';
  if (N === undefined) {
    if (!pos(s.total_flos)) throw new InputError(source, 'records no parameter count (no total_flos)', 'give --params-from-config config.json');
    N = paramsForTrainingFlopsUnchecked(s.total_flos, D as number);
    paramsFrom = 'total_flos / (6 D) (non-embedding)';
  }
  const perStep = steps ? (D as number) / steps : undefined;
  const curve: TrainingCurve | undefined = perStep
    ? { params: N, tokens: trains.filter(({ e }) => pos(e.step)).map(({ e }) => (e.step as number) * perStep), loss: trains.filter(({ e }) => pos(e.step)).map(({ e }) => e.loss as number) }
    : undefined;
  return {
    points: [{ params: N, tokens: D as number, loss: L }],
    curves: curve?.tokens.length ? [curve] : undefined,
    rows: log.length,
    skipped: [],
    columns: { params: paramsFrom, tokens: tokensFrom, loss: `${lossKey} (log_history[${final.i}])` },
  };
}
