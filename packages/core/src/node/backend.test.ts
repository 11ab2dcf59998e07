import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { selectBackend } from './backend.js';

describe('selectBackend', () => {
  it('wasm works offline and is recorded', async () => {
    const b = await selectBackend('wasm');
    expect(b.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(b.threads).toBe(1);
  });
  it('cpu can be forced', async () => {
    const b = await selectBackend('cpu');
    expect(b).toMatchObject({ name: 'cpu', tfBackend: 'cpu' });
  });
  it('unknown names are input errors', async () => {
    await expect(selectBackend('tpu' as never)).rejects.toThrow(/backend: unknown backend "tpu"/);
  });
});
