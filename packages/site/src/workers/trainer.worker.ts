/**
 * Trains core's tiny transformer (`@scaling-lab/core/train`) off the main
 * thread so the page stays responsive. TensorFlow.js runs on the WASM backend;
 * its .wasm files are emitted by vite (`?url`) and handed to `setWasmPaths`.
 * If the backend does not start the worker reports an error — it never falls
 * back silently to another backend.
 *
 * Messages in: { type: 'start', config: LiveConfig }.
 * Messages out: ready, step, done, error (see LiveMessage).
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import {
  countParams,
  createTransformer,
  markovSourceFor,
  textSource,
  train,
  type TokenSource,
} from '@scaling-lab/core/train';
import { charTokenizer } from '@scaling-lab/core/train/pure';
import type { LiveConfig, LiveMessage } from '../lib/live-protocol';

const post = (m: LiveMessage) => (self as unknown as Worker).postMessage(m);

async function startWasm(): Promise<void> {
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmPlain,
    'tfjs-backend-wasm-simd.wasm': wasmSimd,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
  });
  let ok = false;
  try {
    ok = await tf.setBackend('wasm');
    await tf.ready();
  } catch (err) {
    throw new Error(`TensorFlow.js WASM backend failed to start: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!ok || tf.getBackend() !== 'wasm') {
    throw new Error(`TensorFlow.js WASM backend failed to start (active backend: ${tf.getBackend() ?? 'none'})`);
  }
}

async function source(cfg: LiveConfig): Promise<TokenSource> {
  if (cfg.dataset === 'markov') {
    return markovSourceFor({ kind: 'markov', order: 2, vocab: 16 }, cfg.seed);
  }
  const res = await fetch(cfg.textUrl);
  if (!res.ok) throw new Error(`could not load the training text (${res.status})`);
  const text = (await res.text()).slice(0, cfg.textChars);
  const tok = charTokenizer(text);
  return textSource(tok.encode(text), tok.vocab, cfg.seed, 0.1);
}

async function run(cfg: LiveConfig): Promise<void> {
  await startWasm();
  post({ type: 'ready', backend: tf.getBackend() });
  const src = await source(cfg);
  const model = createTransformer(cfg.model, src.vocab, { seed: cfg.seed, dropout: cfg.dropout });
  const counts = countParams(cfg.model, src.vocab);
  post({ type: 'model', vocab: src.vocab, paramsTotal: counts.total, paramsNonEmbedding: counts.nonEmbedding, entropyRate: src.entropyRate, stepEngine: model.stepEngine });
  const abort = new AbortController();
  let best = { step: 0, loss: Infinity };
  let stoppedEarly = false;
  const t0 = performance.now();
  try {
    const out = await train({
      model,
      source: src,
      steps: cfg.steps,
      batchSize: cfg.batchSize,
      learningRate: cfg.learningRate,
      weightDecay: cfg.weightDecay,
      warmupFraction: 0.05,
      gradClip: 1,
      evalEvery: cfg.evalEvery,
      evalBatches: 2, // the loop scores the source's first 2 fixed validation windows (no dropout) and reports it as valLoss
      signal: abort.signal,
      onStep: ({ step, totalSteps, trainLoss, valLoss: v }) => {
        if (v !== undefined) {
          if (v < best.loss) best = { step, loss: v };
          else if (cfg.patience > 0 && step - best.step >= cfg.patience * cfg.evalEvery) {
            stoppedEarly = true;
            abort.abort();
          }
        }
        post({ type: 'step', step, totalSteps, trainLoss, valLoss: v, seconds: (performance.now() - t0) / 1000 });
      },
    });
    post({ type: 'done', diverged: out.diverged, steps: out.steps, tokens: out.tokens, stoppedEarly: false, best, seconds: out.wallSeconds });
  } catch (err) {
    if (stoppedEarly) {
      post({ type: 'done', diverged: false, steps: best.step, tokens: 0, stoppedEarly: true, best, seconds: (performance.now() - t0) / 1000 });
    } else throw err;
  } finally {
    model.dispose();
  }
}

self.onmessage = (e: MessageEvent<{ type: 'start'; config: LiveConfig }>) => {
  if (e.data?.type !== 'start') return;
  run(e.data.config).catch((err: unknown) => {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err), field: (err as { field?: string }).field });
  });
};
