/**
 * Batched matrix product C[i] = A[i]·B[i] for A [n,m,k], B [n,k,p] that runs each
 * of the n products on XNNPACK when the active backend is WASM.
 *
 * Why by hand: the WASM backend (tfjs 4.22, src/cc/batch_mat_mul_impl.cc) sends a
 * matmul to XNNPACK only when its batch is 1; a batch of n > 1 (attention's
 * per-head products) runs a scalar triple loop at about 1 GFLOP/s, half of the
 * reference model's step. This kernel registers each slice A[i], B[i], C[i] as
 * a tensor *view* of the backend's memory (no copy) and calls the backend's own
 * BatchMatMul on it, which then takes the XNNPACK path; the views are
 * unregistered straight after (which also frees the XNNPACK operator cached for
 * them). Same arithmetic as a batch-1 `tf.matMul`, so results agree with the
 * batched loop to float round-off (batchedMatMul.test.ts).
 * On any other backend, or for a batch of 1, it is `tf.matMul`.
 * No gradient is registered: use it inside tf.customGrad (fused.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { WasmBackend } from './wasmHeap.js';

export const XNN_BATCHED_MATMUL = 'ScalingLabXnnBatchedMatMul';

type MatMulCall = (aId: number, aShape: Uint8Array, aRank: number, bId: number, bShape: Uint8Array, bRank: number, ta: boolean, tb: boolean, outId: number) => void;
const calls = new WeakMap<object, MatMulCall>();
const shapeBytes = (s: number[]) => new Uint8Array(new Int32Array(s).buffer);

function kernel({ inputs, backend }: { inputs: tf.NamedTensorInfoMap; backend: unknown }): tf.TensorInfo {
  const be = backend as WasmBackend;
  const a = inputs.a!;
  const b = inputs.b!;
  const [n, m, k] = a.shape;
  const p = b.shape[2];
  let call = calls.get(be);
  if (!call) {
    call = be.wasm.cwrap('BatchMatMul', null, ['number', 'array', 'number', 'number', 'array', 'number', 'number', 'number', 'number']) as unknown as MatMulCall;
    calls.set(be, call);
  }
  const out = be.makeOutput([n, m, p], 'float32');
  const aOff = be.dataIdMap.get(a.dataId)!.memoryOffset;
  const bOff = be.dataIdMap.get(b.dataId)!.memoryOffset;
  const oOff = be.dataIdMap.get(out.dataId)!.memoryOffset;
  const aShape = shapeBytes([1, m, k]);
  const bShape = shapeBytes([1, k, p]);
  const reg = be.wasm.tfjs;
  for (let i = 0; i < n; i++) {
    const ai = be.dataIdNextNumber++;
    const bi = be.dataIdNextNumber++;
    const oi = be.dataIdNextNumber++;
    reg.registerTensor(ai, m * k, aOff + 4 * i * m * k);
    reg.registerTensor(bi, k * p, bOff + 4 * i * k * p);
    reg.registerTensor(oi, m * p, oOff + 4 * i * m * p);
    call(ai, aShape, 3, bi, bShape, 3, false, false, oi);
    reg.disposeData(ai);
    reg.disposeData(bi); // also deletes the XNNPACK operator built for this view
    reg.disposeData(oi);
  }
  return out;
}

let registered = false;

/** A[i]·B[i] for rank-3 float32 A [n,m,k], B [n,k,p] (no transpose flags: transpose first). */
export function batchedMatMul(a: tf.Tensor3D, b: tf.Tensor3D): tf.Tensor3D {
  if (tf.getBackend() !== 'wasm' || a.shape[0] === 1) return tf.matMul(a, b);
  if (a.shape[0] !== b.shape[0] || a.shape[2] !== b.shape[1]) {
    throw new Error(`batchedMatMul: shapes [${a.shape}] and [${b.shape}] do not chain`);
  }
  if (!registered) {
    tf.registerKernel({ kernelName: XNN_BATCHED_MATMUL, backendName: 'wasm', kernelFunc: kernel as unknown as tf.KernelFunc });
    registered = true;
  }
  return tf.engine().runKernel(XNN_BATCHED_MATMUL, { a, b }, {}) as tf.Tensor3D;
}

const swap = (t: tf.Tensor3D) => tf.transpose(t, [0, 2, 1]) as tf.Tensor3D;
const onWasm = () => tf.getBackend() === 'wasm';

/** A[i]·B[i]ᵀ: on WASM a materialised transpose (cheap) then the XNNPACK loop; elsewhere the transpose flag. */
export function batchedMatMulNT(a: tf.Tensor3D, b: tf.Tensor3D): tf.Tensor3D {
  return onWasm() ? tf.tidy(() => batchedMatMul(a, swap(b))) : tf.matMul(a, b, false, true);
}

/** A[i]ᵀ·B[i], likewise. */
export function batchedMatMulTN(a: tf.Tensor3D, b: tf.Tensor3D): tf.Tensor3D {
  return onWasm() ? tf.tidy(() => batchedMatMul(swap(a), b)) : tf.matMul(a, b, true, false);
}
