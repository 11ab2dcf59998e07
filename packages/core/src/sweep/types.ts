/**
 * Types shared by the sweep planner, runner and results file.
 *
 * `RunSpec` / `RunResult` are the interface agreed with the trainer
 * (`src/train/types.ts`); the sweep code only relies on the
 * fields named there. A results-file line is a `SweepRecord`: the trainer's
 * `RunResult` plus the sweep's `runKey` and the sweep coordinates of the run.
 */
import type { RunSpec, RunResult, DatasetSpec } from '../train/types.js';

export type { RunSpec, RunResult, DatasetSpec };

/** What trainRun reports through `onProgress` (the training loop's own event). */
export type { TrainProgress } from '../train/loop.js';

/** Where a run sits in its sweep (what the isoFLOP and grid analyses group by). */
export interface SweepCoordinates {
  /** Name of the sweep spec the run came from. */
  name: string;
  design: 'grid' | 'isoflop' | 'epochs';
  /** Name of the model shape in the spec's `models` table. */
  model: string;
  /** isoFLOP only: the compute budget C (FLOPs) this run belongs to. */
  flopsBudget?: number;
  /** grid only: the token budget D requested by the spec (before rounding to whole steps). */
  tokenBudget?: number;
  /** epochs only: the cap on unique tokens (absent for the unlimited-data baseline runs). */
  uniqueTokens?: number;
  /** epochs only: the requested passes over the capped text. */
  epochs?: number;
  seed: number;
}

/** One planned run: what the runner hands a worker. */
export interface PlannedRun {
  /** Stable key: same spec → same key, so a rerun of the sweep resumes. */
  runKey: string;
  spec: RunSpec;
  sweep: SweepCoordinates;
  /** Non-embedding parameters, 12·L·d² (Kaplan et al. 2020, Table 1), used to size D and order runs. */
  paramsNonEmbeddingNominal: number;
  /** 6·N·D with N = paramsNonEmbeddingNominal. */
  flopsNominal: number;
  /**
   * Estimated training FLOPs counting attention, embeddings and logits (the
   * trainer's `countedTrainingFlops`, with the vocabulary guessed from the
   * dataset): a better guide to wall time for tiny models than 6ND. The runner
   * starts the largest first and the ETA weighs runs by it.
   */
  costEstimate: number;
  steps: number;
}

/** One line of a results file (see record.ts). */
export type SweepRecord = RunResult & {
  runKey: string;
  sweep: SweepCoordinates;
  /** Trainer version that produced it (train/version.ts); absent in records written before versions existed (= 1). */
  trainerVersion?: number;
  /** Host name of the machine that trained it; absent in older records. */
  host?: string;
};
