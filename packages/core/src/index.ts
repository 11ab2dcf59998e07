// TEAM NOTE (temporary, the lead removes it): six engineers share this tree. Before editing, READ /work/TEAM-RULES.md
// (who owns what, the agreed interfaces, git rules: commit only your own paths, never `git add -A`; npm installs only via `flock /tmp/npm.lock`).
/**
 * @scaling-lab/core — pure functions over plain data: estimation (FLOPs, memory,
 * time, cost, energy, carbon), scaling laws, fitting and uncertainty. No I/O:
 * runs unchanged in Node, browsers and notebooks. Training and sweeps live in
 * the `@scaling-lab/core/train` and `@scaling-lab/core/node` subpaths.
 */
export * from './errors.js';
export * from './assumption.js';
export * from './random.js';
export * from './format.js';
// estimate/
// laws/
// fit/
// uncertainty/
