// Per-kernel profile of one training step (forward, loss, backprop, AdamW) on the
// active tfjs backend: CPU time and call count per kernel, from tf.profile. The
// backend's kernel timer is swapped for one that reads this process's CPU time
// (process.cpuUsage) around each synchronous kernel call, so that on a shared
// machine a kernel is not charged for the time the scheduler gave to others. Kernels nested inside
// a customGrad are listed by their own names; the customGrad scopes themselves are
// not kernels and are left out, so the rows add up to the time spent in kernels.
// What is not in a kernel (JS dispatch, the autodiff tape, the AdamW loop) is the
// step's wall time minus that sum, printed as "outside kernels".
import * as tf from '@tensorflow/tfjs';
import { AdamW, createTransformer, textSource } from '../../../packages/core/dist/train/index.js';
import { profileEngineKernels } from '../../../packages/core/dist/train/engine/kernels.js';

/** Medians over `reps` profiled steps (after `warm` unprofiled ones): step CPU ms, AdamW ms, and per kernel × shapes. */
export async function profileStep({ shape, batch, vocab, tokens, reps = 7, warm = 3 }) {
  const model = createTransformer(shape, vocab, { seed: 1, engine: 'tfjs' });
  const opt = new AdamW(model.params, { weightDecay: 0.1, gradClip: 1 });
  const src = textSource(tokens, vocab, 1);
  const vars = [...model.params.values()];
  const backend = tf.getBackend();
  const one = async () => {
    const b = src.trainBatch(batch, shape.context);
    const x = tf.tensor2d(b.x, [batch, shape.context], 'int32');
    const y = tf.tensor2d(b.y, [batch, shape.context], 'int32');
    const { value, grads } = tf.variableGrads(() => model.loss(x, y, { training: true }), vars);
    await value.data();
    const t0 = performance.now();
    opt.step(grads, 1e-3);
    const optMs = performance.now() - t0; // wall ms: it is one JS loop, rarely preempted
    tf.dispose([x, y, value, ...Object.values(grads)]);
    return optMs;
  };
  for (let i = 0; i < warm; i++) await one();
  const be = tf.backend();
  const wallTimer = be.time;
  be.time = async (f) => {
    const c0 = process.cpuUsage();
    f();
    const c = process.cpuUsage(c0);
    return { kernelMs: (c.user + c.system) / 1000 };
  };
  const runs = [];
  for (let r = 0; r < reps; r++) {
    let optMs = 0;
    const c0 = process.cpuUsage();
    const info = await tf.profile(async () => { optMs = await one(); });
    const c = process.cpuUsage(c0);
    const wallMs = (c.user + c.system) / 1000; // CPU ms of the whole profiled step
    const rows = new Map();
    for (const k of info.kernels) {
      if (!tf.getKernel(k.name, backend)) continue; // a customGrad scope, not a kernel
      const key = `${k.name} ${k.inputShapes.map((s) => `[${s}]`).join('·')}`;
      const row = rows.get(key) ?? { name: k.name, shapes: key.slice(k.name.length + 1), count: 0, ms: 0 };
      row.count++;
      row.ms += k.kernelTimeMs;
      rows.set(key, row);
    }
    runs.push({ wallMs, optMs, rows });
  }
  be.time = wallTimer;
  opt.dispose();
  model.dispose();
  // Per row, the median over the profiled steps: a GC pause or a preemption lands in
  // one kernel of one step, and must not be charged to that kernel.
  const med = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rows = new Map();
  for (const [key, r] of runs[0].rows) {
    rows.set(key, { ...r, ms: med(runs.map((x) => x.rows.get(key)?.ms ?? 0)) });
  }
  return { wallMs: med(runs.map((r) => r.wallMs)), optMs: med(runs.map((r) => r.optMs)), rows };
}

/** What a kernel call of the WASM engine works on, from its arguments (engine/kernels.ts's signatures). */
function engineShape(name, a) {
  if (name === 'gemm') return `${a[7]}×${a[8]}×${a[9]} (M×N×K) ${a[2] === 1 ? 'A·B' : 'Aᵀ·B'}`;
  if (name === 'transpose') return `[${a[1]},${a[2]}]`;
  if (name === 'layerNormForward' || name === 'layerNormBackward') return `[${a[name === 'layerNormForward' ? 6 : 7]},${a[name === 'layerNormForward' ? 7 : 8]}]`;
  if (name === 'addBias' || name === 'colSum') return `[${a[name === 'addBias' ? 2 : 1]},${a[name === 'addBias' ? 3 : 2]}]`;
  if (name === 'causalSoftmax' || name === 'softmaxBackward') return `[${a[2]},${a[2]}]`;
  if (name === 'crossEntropy') return `[${a[2]},${a[3]}]`;
  if (name === 'embedForward' || name === 'embedBackward') return `[${a[4]},${a[6]}]`;
  return `n=${a[a.length - 1]}`;
}

/**
 * The same profile for the WASM engine (the default training path): every call into
 * its WebAssembly kernels is timed (wall ms; the kernels never yield), and
 * "outside kernels" is the JavaScript around them, the one tfjs op and AdamW.
 */
export async function profileEngineStep({ shape, batch, vocab, tokens, reps = 7, warm = 3 }) {
  const model = createTransformer(shape, vocab, { seed: 1 });
  if (model.stepEngine !== 'wasm-engine') throw new Error('profileEngineStep: the engine did not load');
  const opt = new AdamW(model.params, { weightDecay: 0.1, gradClip: 1 });
  const src = textSource(tokens, vocab, 1);
  let rows = new Map();
  const one = async () => {
    const b = src.trainBatch(batch, shape.context);
    const x = tf.tensor2d(b.x, [batch, shape.context], 'int32');
    const y = tf.tensor2d(b.y, [batch, shape.context], 'int32');
    const { value, grads } = model.valueAndGrads(x, y, { training: true });
    await value.data();
    const t0 = performance.now();
    opt.step(grads, 1e-3);
    const optMs = performance.now() - t0;
    tf.dispose([x, y, value, ...Object.values(grads)]);
    return optMs;
  };
  for (let i = 0; i < warm; i++) await one();
  const runs = [];
  profileEngineKernels((name, ms, args) => {
    const key = `${name} ${engineShape(name, args)}`;
    const row = rows.get(key) ?? { name, shapes: key.slice(name.length + 1), count: 0, ms: 0 };
    row.count++;
    row.ms += ms;
    rows.set(key, row);
  });
  for (let r = 0; r < reps; r++) {
    rows = new Map();
    const c0 = process.cpuUsage();
    const optMs = await one();
    const c = process.cpuUsage(c0);
    runs.push({ wallMs: (c.user + c.system) / 1000, optMs, rows });
  }
  profileEngineKernels(null);
  opt.dispose();
  model.dispose();
  const med = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const merged = new Map();
  for (const [key, r] of runs[0].rows) merged.set(key, { ...r, ms: med(runs.map((x) => x.rows.get(key)?.ms ?? 0)) });
  return { wallMs: med(runs.map((r) => r.wallMs)), optMs: med(runs.map((r) => r.optMs)), rows: merged };
}

/** Prints the profile: by kernel name (time, count, share), then the top shapes. */
export function printProfile(label, { wallMs, optMs, rows }, top = 25) {
  const byName = new Map();
  let kernelMs = 0;
  let kernelCount = 0;
  for (const r of rows.values()) {
    const b = byName.get(r.name) ?? { name: r.name, count: 0, ms: 0 };
    b.count += r.count;
    b.ms += r.ms;
    byName.set(r.name, b);
    kernelMs += r.ms;
    kernelCount += r.count;
  }
  const pct = (ms) => `${((100 * ms) / wallMs).toFixed(1).padStart(5)} %`;
  console.log(`\nprofile ${label}: step ${wallMs.toFixed(2)} ms CPU (profiled), ${kernelCount} kernel calls taking ${kernelMs.toFixed(2)} ms; ` +
    `AdamW ${optMs.toFixed(2)} ms; outside kernels ${(wallMs - kernelMs).toFixed(2)} ms (${pct(wallMs - kernelMs).trim()})`);
  console.log('  by kernel:    CPU ms   calls   share of step');
  for (const b of [...byName.values()].sort((a, c) => c.ms - a.ms)) {
    console.log(`  ${b.name.padEnd(16)} ${b.ms.toFixed(2).padStart(7)} ${String(b.count).padStart(6)}   ${pct(b.ms)}`);
  }
  console.log(`  top ${top} kernel × input shapes:`);
  for (const r of [...rows.values()].sort((a, c) => c.ms - a.ms).slice(0, top)) {
    console.log(`  ${r.ms.toFixed(2).padStart(7)} ms ${String(r.count).padStart(4)}×  ${pct(r.ms)}  ${r.name} ${r.shapes}`);
  }
}
