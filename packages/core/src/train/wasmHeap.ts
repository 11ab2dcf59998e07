/**
 * Direct access to the memory of tensors on the WASM backend (tfjs-backend-wasm
 * 4.22 keeps every tensor in its module's heap): float32 views without copies,
 * in-place writes, and the bookkeeping an in-place write needs.
 *
 * Why: on WASM every tfjs op costs ~15–40 µs of dispatch, and reading a tensor
 * (`dataSync`) copies it; the optimizer and the fused kernels in this folder
 * work on the heap directly instead. Used only when `tf.getBackend()` is
 * `wasm`; callers keep a plain-tfjs path for every other backend.
 */
import * as tf from '@tensorflow/tfjs-core';

/** The parts of tfjs-backend-wasm's BackendWasm used here (4.22). */
export interface WasmBackend {
  wasm: {
    HEAPU8: Uint8Array;
    cwrap(name: string, ret: null, args: string[]): (...args: unknown[]) => void;
    tfjs: { registerTensor(id: number, size: number, offset: number): void; disposeData(id: number): void };
  };
  dataIdMap: { get(dataId: object): { id: number; memoryOffset: number } | undefined };
  dataIdNextNumber: number;
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  refCount(dataId: object): number;
}

/** The active backend if it is WASM, else null. */
export function activeWasm(): WasmBackend | null {
  return tf.getBackend() === 'wasm' ? (tf.backend() as unknown as WasmBackend) : null;
}

/** A float32 view of a tensor's memory (valid until the next allocation may grow the heap). */
export function heapView(be: WasmBackend, t: tf.TensorInfo): Float32Array {
  const d = be.dataIdMap.get(t.dataId);
  if (!d) throw new Error('heapView: tensor is not on the WASM backend');
  let n = 1;
  for (const s of t.shape) n *= s;
  return new Float32Array(be.wasm.HEAPU8.buffer, d.memoryOffset, n);
}

/**
 * Tells the backend a tensor's memory changed in place: re-registers its id, which
 * drops any XNNPACK operator cached with its old values (the backend packs a
 * matmul's right operand and bias once per tensor id and reuses them).
 */
export function markWritten(be: WasmBackend, t: tf.TensorInfo): void {
  const d = be.dataIdMap.get(t.dataId)!;
  let n = 1;
  for (const s of t.shape) n *= s;
  be.wasm.tfjs.disposeData(d.id);
  be.wasm.tfjs.registerTensor(d.id, n, d.memoryOffset);
}
