// Writes the small example training logs in this folder (run: node examples/logs/make-examples.mjs).
// Synthetic: every loss is L(N, D) = E + A/N^α + B/D^β with Besiroglu et al. 2024's fit of the
// Chinchilla data (E 1.8172, A 482.01, α 0.3478, B 2085.43, β 0.3658), so a fit of these files
// must recover that law; each file is laid out as the tool that names it writes it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const law = { E: 1.8172, A: 482.01, alpha: 0.3478, B: 2085.43, beta: 0.3658 };
const loss = (N, D) => law.E + law.A / N ** law.alpha + law.B / D ** law.beta;
const r6 = (x) => Number(x.toPrecision(6));
const put = (rel, text) => (mkdirSync(dirname(join(here, rel)), { recursive: true }), writeFileSync(join(here, rel), text));

// Twelve runs: four sizes × three token counts.
const runs = [];
for (const N of [20e6, 60e6, 180e6, 540e6]) for (const tpp of [10, 20, 40]) runs.push({ N, D: N * tpp });

// 1. W&B runs table (Runs → Export CSV): meta columns, config, summary; one crashed run.
put('wandb-runs.csv', [
  'Name,State,Notes,User,Tags,Created,Runtime,Sweep,n_params,train/tokens,eval/loss,train/loss,_step',
  ...runs.map((r, i) => `run-${i},finished,-,me,"scaling,${r.N / 1e6}M",2024-05-0${1 + (i % 9)}T10:00:00.000Z,${3600 + i * 60},abc123,${r.N},${r.D},${r6(loss(r.N, r.D))},${r6(loss(r.N, r.D) + 0.02)},${Math.round(r.D / 524288)}`),
  'run-12,crashed,oom,me,,2024-05-09T10:00:00.000Z,12,abc123,1620000000,,,,',
].join('\n') + '\n');

// 2. Any CSV with the user's own column names and units: N in millions, tokens with suffixes.
put('runs-custom.csv', [
  'size_M,seen,final_eval,note',
  ...runs.map((r) => `${r.N / 1e6},${r.D / 1e9}B,${r6(loss(r.N, r.D))},"lr 3e-4, cosine"`),
].join('\n') + '\n');

// 3. JSON lines of runs with nested fields (flattened as model.n_params).
put('runs.jsonl', runs.map((r) => JSON.stringify({ model: { n_params: r.N }, data: { tokens: r.D }, metrics: { val_loss: r6(loss(r.N, r.D)) } })).join('\n') + '\n');

// 4. One run's history: W&B run.history() CSV, and a TensorBoard scalar CSV (Wall time,Step,Value).
const tokensPerStep = 256 * 1024; // batch 256 × sequence 1024
const N = 124439808; // gpt2 (config-gpt2.json)
const hist = [];
for (let step = 100; step <= 2000; step += 100) {
  const D = step * tokensPerStep;
  hist.push({ step, D, train: r6(loss(N, D) + 0.05), eval: step % 500 === 0 ? r6(loss(N, D)) : '' });
}
put('wandb-history.csv', ['_step,_runtime,_timestamp,train/loss,eval/loss,train/lr', ...hist.map((h) => `${h.step},${h.step * 1.5},${1714550400 + h.step * 1.5},${h.train},${h.eval},0.0003`)].join('\n') + '\n');
put('tensorboard-eval-loss.csv', ['Wall time,Step,Value', ...hist.filter((h) => h.eval !== '').map((h) => `${1714550400 + h.step * 1.5},${h.step},${h.eval}`)].join('\n') + '\n');

// 5. Hugging Face Trainer output folders: config.json + trainer_state.json per run (one with a
// checkpoint folder), tokens from num_input_tokens_seen; the loss uses the non-embedding N that
// `fit` counts from the config by default (and that Trainer's total_flos counts).
const hfRuns = [
  { name: 'gpt2-l4-d256', layer: 4, embd: 256 }, { name: 'gpt2-l6-d384', layer: 6, embd: 384 },
  { name: 'gpt2-l8-d512', layer: 8, embd: 512 }, { name: 'gpt2-l12-d768', layer: 12, embd: 768 },
];
const nonEmbedding = (l, d) => l * (4 * d * d + 4 * d + 2 * d * 4 * d + 5 * d + 4 * d) + 2 * d; // gpt2 layout, as core's paramsFromArchitecture
for (const h of hfRuns) for (const steps of [400, 1200, 3600]) {
  const nParams = nonEmbedding(h.layer, h.embd);
  const dir = `hf-trainer/${h.name}-s${steps}`;
  put(`${dir}/config.json`, JSON.stringify({ architectures: ['GPT2LMHeadModel'], model_type: 'gpt2', n_layer: h.layer, n_embd: h.embd, n_head: h.embd / 64, n_positions: 1024, n_ctx: 1024, n_inner: null, vocab_size: 50257, activation_function: 'gelu_new' }, null, 2) + '\n');
  const log = [];
  for (let s = 200; s <= steps; s += 200) {
    const D = s * 64 * 1024;
    log.push({ epoch: r6(s / steps), grad_norm: 1.1, learning_rate: 3e-4, loss: r6(loss(nParams, D) + 0.04), num_input_tokens_seen: D, step: s });
    if (s % 400 === 0) log.push({ epoch: r6(s / steps), eval_loss: r6(loss(nParams, D)), eval_runtime: 3.2, num_input_tokens_seen: D, step: s });
  }
  const state = (upTo) => ({ best_metric: null, epoch: 1, eval_steps: 400, global_step: upTo, is_local_process_zero: true, log_history: log.filter((e) => e.step <= upTo), logging_steps: 200, max_steps: steps, num_input_tokens_seen: upTo * 64 * 1024, num_train_epochs: 1, save_steps: 400, total_flos: 6 * upTo * 64 * 1024 * nParams, train_batch_size: 64 });
  put(`${dir}/trainer_state.json`, JSON.stringify(state(steps), null, 2) + '\n');
  if (steps > 400) put(`${dir}/checkpoint-400/trainer_state.json`, JSON.stringify(state(400), null, 2) + '\n');
}
