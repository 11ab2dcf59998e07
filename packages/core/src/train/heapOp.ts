/**
 * A fused elementwise/row-wise kernel written in plain JavaScript over the WASM
 * backend's memory: `heapOp(inputs, outShapes, compute)` allocates the outputs,
 * hands `compute` views of every input and output (no copies), and returns the
 * outputs as tensors — one tfjs op where the composed version takes 5–15.
 *
 * Why by hand: tfjs has no fused GELU, layer norm or softmax-gradient kernel on
 * WASM, and each of the ops they are composed of costs ~15–40 µs of dispatch plus
 * a pass over memory; the sweep-sized model's step is mostly that dispatch. Only
 * for the WASM backend (callers keep the composed tfjs version for the others),
 * and only inside tf.customGrad (no gradient is registered for it).
 * Arithmetic in double precision, rounded to float32 on store: results differ
 * from the composed float32 ops by round-off only (fused.test.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { WasmBackend } from './wasmHeap.js';

export const HEAP_OP = 'ScalingLabHeapOp';
export type HeapArray = Float32Array | Int32Array;
export type HeapCompute = (ins: HeapArray[], outs: Float32Array[]) => void;

interface HeapOpAttrs {
  outShapes: number[][];
  compute: HeapCompute;
  [k: string]: unknown;
}

function view(be: WasmBackend, t: tf.TensorInfo): HeapArray {
  let n = 1;
  for (const s of t.shape) n *= s;
  const off = be.dataIdMap.get(t.dataId)!.memoryOffset;
  return t.dtype === 'int32' ? new Int32Array(be.wasm.HEAPU8.buffer, off, n) : new Float32Array(be.wasm.HEAPU8.buffer, off, n);
}

function kernel({ inputs, backend, attrs }: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs: HeapOpAttrs }): tf.TensorInfo[] {
  const be = backend as WasmBackend;
  const outs = attrs.outShapes.map((s) => be.makeOutput(s, 'float32'));
  // views only after every allocation: an allocation may grow (and so move) the heap
  const ins: HeapArray[] = [];
  for (let i = 0; inputs[`x${i}`] !== undefined; i++) ins.push(view(be, inputs[`x${i}`]!));
  attrs.compute(ins, outs.map((o) => view(be, o) as Float32Array));
  return outs;
}

let registered = false;

/** Runs `compute` over the inputs' and new outputs' memory (WASM backend only). */
export function heapOp(inputs: tf.Tensor[], outShapes: number[][], compute: HeapCompute): tf.Tensor[] {
  if (!registered) {
    tf.registerKernel({ kernelName: HEAP_OP, backendName: 'wasm', kernelFunc: kernel as unknown as tf.KernelFunc });
    registered = true;
  }
  const named: tf.NamedTensorMap = {};
  inputs.forEach((t, i) => { named[`x${i}`] = t; });
  const attrs: HeapOpAttrs = { outShapes, compute };
  return tf.engine().runKernel(HEAP_OP, named, attrs as unknown as tf.NamedAttrMap) as unknown as tf.Tensor[];
}
