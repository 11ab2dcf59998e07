/**
 * Chooses the TensorFlow.js backend at run time. `auto` tries, in order:
 * `@tensorflow/tfjs-node-gpu` (only if installed and a CUDA GPU is visible),
 * `@tensorflow/tfjs-node` (if installed), WASM (`@tensorflow/tfjs-backend-wasm`,
 * a dependency, works offline), then the pure-JS `cpu` backend. Naming a
 * backend forces it, and fails with an InputError if it cannot start.
 *
 * The trainer imports `@tensorflow/tfjs-core`; the `@tensorflow/tfjs` bundle
 * (its gradients and the cpu backend) is loaded here with `require`, not
 * `import`: an ES-module import of the bundle makes Node scan every CommonJS
 * file in it for named exports, ~0.9 s CPU against ~0.25 s for `require` —
 * paid by every sweep worker and every CLI start.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '../errors.js';

createRequire(import.meta.url)('@tensorflow/tfjs');

export type BackendName = 'wasm' | 'cpu' | 'tensorflow' | 'tensorflow-gpu';
export type BackendChoice = 'auto' | BackendName;
export const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', 'wasm', 'cpu', 'tensorflow', 'tensorflow-gpu'];

export interface BackendInfo {
  /** What we selected (`tensorflow-gpu` when tfjs-node-gpu drives a GPU). */
  name: BackendName;
  /** tf.getBackend() after selection. */
  tfBackend: string;
  /** CPU threads the backend computes on (WASM and cpu: 1; tfjs-node: all cores). */
  threads: number;
}

/**
 * Whether an NVIDIA CUDA device is visible to this process: false when
 * `CUDA_VISIBLE_DEVICES` is empty or -1, else true when the driver lists a GPU under
 * /proc/driver/nvidia/gpus (Linux), or /dev/nvidia0 exists. `auto` backend selection
 * tries tfjs-node-gpu only then.
 *
 * @returns true when a CUDA GPU is visible
 * @example
 * ```ts
 * import { cudaGpuVisible } from '@scaling-lab/core/node';
 * typeof cudaGpuVisible(); // → 'boolean'
 * ```
 */
export function cudaGpuVisible(): boolean {
  try {
    if (process.env.CUDA_VISIBLE_DEVICES === '' || process.env.CUDA_VISIBLE_DEVICES === '-1') return false;
    if (existsSync('/proc/driver/nvidia/gpus')) return readdirSync('/proc/driver/nvidia/gpus').length > 0;
    return existsSync('/dev/nvidia0');
  } catch {
    return false;
  }
}

async function tryImport(name: string): Promise<boolean> {
  try {
    await import(name);
    return true;
  } catch {
    return false;
  }
}

async function activate(name: BackendName): Promise<boolean> {
  if (name === 'tensorflow-gpu') {
    if (!cudaGpuVisible() || !(await tryImport('@tensorflow/tfjs-node-gpu'))) return false;
    return tf.setBackend('tensorflow');
  }
  if (name === 'tensorflow') {
    if (!(await tryImport('@tensorflow/tfjs-node'))) return false;
    return tf.setBackend('tensorflow');
  }
  if (name === 'wasm') {
    if (!(await tryImport('@tensorflow/tfjs-backend-wasm'))) return false;
    try {
      return await tf.setBackend('wasm');
    } catch {
      return false;
    }
  }
  return tf.setBackend('cpu');
}

let current: BackendInfo | undefined;

/**
 * Selects and readies a TensorFlow.js backend, once per process (again only when the choice
 * changes). `auto` tries tfjs-node-gpu (installed and a CUDA GPU visible), tfjs-node
 * (installed), WASM, then the pure-JS cpu backend; a named backend is forced.
 *
 * @param choice - `auto` (default), `wasm`, `cpu`, `tensorflow` or `tensorflow-gpu`
 * @returns what was selected: `name`, `tfBackend` (tf.getBackend()) and the compute `threads`
 * @throws InputError for an unknown choice, or a named backend that cannot start here
 * @example
 * ```ts
 * import { selectBackend } from '@scaling-lab/core/node';
 * const backend = await selectBackend('cpu');
 * backend.tfBackend; // → 'cpu'
 * backend.threads; // → 1
 * await selectBackend('tpu' as never); // → throws InputError
 * ```
 */
export async function selectBackend(choice: BackendChoice = 'auto'): Promise<BackendInfo> {
  if (!BACKEND_CHOICES.includes(choice)) {
    throw new InputError('backend', `unknown backend ${JSON.stringify(choice)}`, `use one of ${BACKEND_CHOICES.join(', ')}`);
  }
  if (current && (choice === 'auto' || choice === current.name)) return current;
  const order: BackendName[] = choice === 'auto' ? ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] : [choice];
  for (const name of order) {
    if (await activate(name)) {
      await tf.ready();
      current = { name, tfBackend: tf.getBackend(), threads: name === 'wasm' || name === 'cpu' ? 1 : cpus().length };
      return current;
    }
  }
  const hint =
    choice === 'tensorflow' ? 'install it with `npm install @tensorflow/tfjs-node`, or use --backend wasm'
    : choice === 'tensorflow-gpu' ? 'needs @tensorflow/tfjs-node-gpu and a visible CUDA GPU; or use --backend wasm'
    : 'use --backend cpu';
  throw new InputError('backend', `${choice} is not available here`, hint);
}
