/**
 * The training engine's WebAssembly kernels (packages/core/assembly/engine.ts),
 * instantiated over the WASM backend's own memory so they read and write tensors
 * in place. One instance per backend memory; `null` where they cannot run (not
 * the WASM backend, a shared-memory (threaded) build, or a runtime without
 * WebAssembly SIMD), and the model then keeps its TensorFlow.js path.
 *
 * Compiled synchronously: fine in Node and in Web Workers (where the site trains);
 * browsers refuse synchronous compiles of modules over 4 KB only on the main thread.
 */
import { ENGINE_WASM_BASE64 } from './kernels.generated.js';
import type { WasmBackend } from '../wasmHeap.js';

type Ptr = number;

/** The exports of engine.ts; every pointer is a byte offset into the backend's memory. */
export interface EngineKernels {
  gemm(a: Ptr, sai: number, sak: number, b: Ptr, ldb: number, c: Ptr, ldc: number, M: number, N: number, K: number, accumulate: number, pack: Ptr): void;
  transpose(src: Ptr, rows: number, cols: number, lds: number, dst: Ptr): void;
  addBias(c: Ptr, bias: Ptr, M: number, N: number): void;
  colSum(src: Ptr, M: number, N: number, dst: Ptr, accumulate: number): void;
  add(a: Ptr, b: Ptr, out: Ptr, n: number): void;
  mul(a: Ptr, b: Ptr, out: Ptr, n: number): void;
  geluForward(u: Ptr, s: Ptr, y: Ptr, n: number): void;
  geluBackward(dy: Ptr, u: Ptr, s: Ptr, du: Ptr, n: number): void;
  layerNormForward(x: Ptr, g: Ptr, b: Ptr, y: Ptr, xhat: Ptr, rstd: Ptr, M: number, d: number, eps: number): void;
  layerNormBackward(dy: Ptr, xhat: Ptr, rstd: Ptr, g: Ptr, dx: Ptr, dg: Ptr, db: Ptr, M: number, d: number, accumulate: number): void;
  causalSoftmax(S: Ptr, P: Ptr, T: number, scale: number): void;
  softmaxBackward(P: Ptr, dP: Ptr, T: number, scale: number): void;
  embedForward(ids: Ptr, wte: Ptr, wpe: Ptr, h: Ptr, R: number, T: number, d: number): void;
  embedBackward(dh: Ptr, ids: Ptr, dwte: Ptr, dwpe: Ptr, R: number, T: number, d: number): void;
  crossEntropy(z: Ptr, y: Ptr, N: number, V: number, G: Ptr): number;
  sumSquares(g: Ptr, n: number, acc: number): number;
  adamwUpdate(theta: Ptr, g: Ptr, m: Ptr, v: Ptr, n: number, scale: number, b1: number, omb1: number, b2: number, omb2: number, lr: number, c1: number, c2: number, eps: number, keep: number): void;
}

let compiled: WebAssembly.Module | null | undefined;
let profiler: ((kernel: string, ms: number, args: number[]) => void) | null = null;

/**
 * Times every kernel call (for `npm run bench train --profile`): `record` gets the
 * kernel's name, its milliseconds and its arguments. Pass null to stop. Off by
 * default: the wrapper costs a clock read per call.
 */
export function profileEngineKernels(record: ((kernel: string, ms: number, args: number[]) => void) | null): void {
  profiler = record;
}

function timed(k: EngineKernels): EngineKernels {
  const out: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(k)) {
    if (typeof f !== 'function') continue;
    out[name] = (...args: number[]) => {
      const t0 = performance.now();
      const r = (f as (...a: number[]) => number)(...args);
      profiler?.(name, performance.now() - t0, args);
      return r;
    };
  }
  return out as unknown as EngineKernels;
}
const instances = new WeakMap<WebAssembly.Memory, EngineKernels | null>();

function module(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    const bin = atob(ENGINE_WASM_BASE64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    compiled = new WebAssembly.Module(bytes);
  } catch {
    compiled = null; // no WebAssembly SIMD here
  }
  return compiled;
}

/** The kernels bound to this WASM backend's memory, or null if they cannot run there. */
export function engineKernels(be: WasmBackend): EngineKernels | null {
  const k = plainKernels(be);
  return k && profiler ? timed(k) : k;
}

function plainKernels(be: WasmBackend): EngineKernels | null {
  const memory = (be.wasm as unknown as { asm?: { memory?: unknown } }).asm?.memory;
  if (!(memory instanceof WebAssembly.Memory)) return null;
  if (instances.has(memory)) return instances.get(memory)!;
  const mod = module();
  let k: EngineKernels | null = null;
  if (mod) {
    try {
      k = new WebAssembly.Instance(mod, { env: { memory } }).exports as unknown as EngineKernels;
    } catch {
      k = null; // e.g. the threaded build's shared memory: this module imports an unshared one
    }
  }
  instances.set(memory, k);
  return k;
}
