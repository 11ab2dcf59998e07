/** Messages between the live-training page and its worker. */
import type { ModelShape } from '@scaling-lab/core';

export interface LiveConfig {
  model: ModelShape;
  steps: number;
  batchSize: number;
  learningRate: number;
  weightDecay: number;
  /** Dropout rate on each block's attention and MLP outputs, training only (0 = none). */
  dropout: number;
  dataset: 'text' | 'markov';
  /** Characters of the text to use (train 90 %, validation the last 10 %). */
  textChars: number;
  textUrl: string;
  seed: number;
  /** Steps between validation evaluations. */
  evalEvery: number;
  /** Early stopping: stop after this many evaluations without a new best validation loss (0 = off). */
  patience: number;
}

export type LiveMessage =
  | { type: 'ready'; backend: string }
  | { type: 'model'; vocab: number; paramsTotal: number; paramsNonEmbedding: number; entropyRate?: number; stepEngine: 'wasm-engine' | 'tfjs' }
  | { type: 'step'; step: number; totalSteps: number; trainLoss: number; valLoss?: number; seconds: number }
  | { type: 'done'; diverged: boolean; steps: number; tokens: number; stoppedEarly: boolean; best: { step: number; loss: number }; seconds: number }
  | { type: 'error'; message: string; field?: string };
