#!/usr/bin/env node
// The training engine's matrix product (assembly/engine.ts `gemm`, over the WASM
// backend's heap) against the backend's own XNNPACK matmul, on the products of the
// reference model's step (batch 32 × context 64 = 2048 rows, width 128, MLP 512):
// A·B for the forward pass and the activation gradients, Aᵀ·B for the weight
// gradients (tfjs needs a transposed copy there: tf.matMul with transposeA runs a
// scalar loop on WASM, so its figure is for transpose + matMul). GFLOP per CPU-second,
// median of 25 calls each, interleaved; the load average is printed beside.
import { loadavg } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../packages/core/dist/node/index.js';
import { engineKernels } from '../../packages/core/dist/train/engine/kernels.js';

await selectBackend('wasm');
const be = tf.backend();
const k = engineKernels(be);
if (!k) throw new Error('bench kernels: the engine kernels did not load on this runtime');
const ptr = (t) => be.dataIdMap.get(t.dataId).memoryOffset;
const pack = tf.zeros([128 * (128 + 4)]);
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e3; };
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`engine gemm vs XNNPACK (tfjs-backend-wasm), GFLOP per CPU-second; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
const rows = [];
for (const [M, N, K, kind] of [[2048, 512, 128, 'A·B'], [2048, 128, 512, 'A·B'], [2048, 128, 128, 'A·B'], [128, 512, 2048, 'Aᵀ·B'], [512, 128, 2048, 'Aᵀ·B'], [128, 128, 2048, 'Aᵀ·B']]) {
  const tn = kind === 'Aᵀ·B';
  const A = tn ? tf.randomNormal([K, M]) : tf.randomNormal([M, K]);
  const B = tf.randomNormal([K, N]);
  const C = tf.zeros([M, N]);
  const flop = 2 * M * N * K;
  const engine = () => k.gemm(ptr(A), tn ? 1 : K, tn ? M : 1, ptr(B), N, ptr(C), N, M, N, K, 0, ptr(pack));
  // as the tfjs backward pass runs it: the right operand is a fresh tensor (XNNPACK packs it on every call)
  const xnn = () => tf.tidy(() => { const b = tf.add(B, 0); const a = tn ? tf.transpose(A) : A; tf.matMul(a, b).dataSync(); });
  const times = { engine: [], xnn: [] };
  for (let rep = 0; rep < 28; rep++) {
    for (const [name, f] of [['engine', engine], ['xnn', xnn]]) {
      const t0 = cpuMs();
      f();
      if (rep >= 3) times[name].push(cpuMs() - t0);
    }
  }
  engine();
  const ref = tf.tidy(() => tf.matMul(tn ? tf.transpose(A) : A, B).dataSync());
  const got = C.dataSync();
  let err = 0;
  for (let i = 0; i < ref.length; i++) err = Math.max(err, Math.abs(ref[i] - got[i]));
  const e = flop / median(times.engine) / 1e6;
  const x = flop / median(times.xnn) / 1e6;
  rows.push([e, x]);
  console.log(`  ${`${M}×${N}×${K} ${kind}`.padEnd(20)} engine ${e.toFixed(1).padStart(5)}  xnnpack ${x.toFixed(1).padStart(5)}  ratio ${(e / x).toFixed(2)}  (max |Δ| ${err.toExponential(1)})`);
  tf.dispose([A, B, C]);
}
const gm = (i) => Math.exp(rows.reduce((s, r) => s + Math.log(r[i]), 0) / rows.length);
console.log(`  geometric mean: engine ${gm(0).toFixed(1)}, xnnpack ${gm(1).toFixed(1)} GFLOP per CPU-second (load average ${loadavg().map((x) => x.toFixed(1)).join(' ')})`);
