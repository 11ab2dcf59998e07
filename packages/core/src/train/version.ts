/**
 * The trainer's version, carried by every sweep record (`trainerVersion`) and
 * appended to every run key (`<spec key>-t<version>`), so a result trained by an
 * older trainer is never taken as current when a sweep resumes: the same spec
 * under a new trainer gets a new key and is trained again.
 *
 * Bump it whenever a change under src/train changes the numbers a run produces
 * (initialisation, optimiser, schedule, data order, evaluation windows).
 * Version 1 is implied for records written before the version existed (they
 * have no `trainerVersion` field and keys without the `-t` suffix); they stay
 * readable for fitting (see fit/duplicateRuns.ts), they are just not current.
 */
// 3: on WASM, attention's products on XNNPACK and fused GELU / layer norm (issue #12):
//    per-step round-off only (losses within 7e-7 nats a step), but whole runs drift
//    apart by up to 0.024 nats (quick sweep rerun; median 6e-4), below the seed spread.
// 4: on WASM, the embedding, the head + cross-entropy (softmax on the backend's kernel) and GELU's
//    sigmoid as fused ops, weight gradients with the other operand packed (issue #12): per-step
//    round-off only, but whole runs drift apart as in version 3 (quick sweep rerun:
//    scripts/bench/profiles/quick-rerun-v4-vs-committed.txt).
// 5: on WASM, the whole training step (forward, cross-entropy, backward) on the hand-written
//    engine (src/train/engine/, kernels in assembly/engine.ts; issue #12): the gradients of
//    TensorFlow.js autodiff to round-off (engine.test.ts), but summation orders differ, so whole
//    runs drift apart as in versions 3 and 4.
export const TRAINER_VERSION = 5;

/** Version of records written before `trainerVersion` existed. */
export const UNVERSIONED_TRAINER = 1;

/**
 * A run key: the key of the run's training spec with the trainer version appended,
 * `<spec key>-t<version>`, so a run trained by an older trainer is never taken as current.
 *
 * @param specKey - the key of the training spec, e.g. `a-D6.40e2-s0-1a2b3c4d`
 * @param trainerVersion - default TRAINER_VERSION, the current trainer
 * @returns the run key
 * @example
 * ```ts
 * import { versionedRunKey } from '@scaling-lab/core/train';
 * versionedRunKey('a-D6.40e2-s0-1a2b3c4d', 2); // → 'a-D6.40e2-s0-1a2b3c4d-t2'
 * ```
 */
export function versionedRunKey(specKey: string, trainerVersion: number = TRAINER_VERSION): string {
  return `${specKey}-t${trainerVersion}`;
}

/**
 * Splits a run key into the key of its training spec and the trainer version
 * (keys without a `-t<N>` suffix are the unversioned, version-1 keys). The inverse of
 * {@link versionedRunKey}.
 *
 * @param runKey - a run key from a results file
 * @returns `specKey` and `trainerVersion`
 * @example
 * ```ts
 * import { splitRunKey } from '@scaling-lab/core/train';
 * splitRunKey('a-D6.40e2-s0-1a2b3c4d-t2').trainerVersion; // → 2
 * splitRunKey('old-key').trainerVersion; // → 1
 * ```
 */
export function splitRunKey(runKey: string): { specKey: string; trainerVersion: number } {
  const m = /^(.*)-t(\d+)$/.exec(runKey);
  return m ? { specKey: m[1], trainerVersion: Number(m[2]) } : { specKey: runKey, trainerVersion: UNVERSIONED_TRAINER };
}
