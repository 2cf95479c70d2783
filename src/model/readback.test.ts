/** readInto gives the values data() gives, on wasm straight from the heap, into any view. */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import { initNodeBackend } from '../worker/backend.node';
import { readInto } from './readback';

describe.each(['wasm', 'cpu'] as const)('readInto on %s', (backend) => {
  it('reads float32 and int32 tensors into views of a larger buffer, leaving the rest alone', async () => {
    await initNodeBackend(backend);
    // Made after other tensors so neither sits at the heap's first byte; the int32 one from an op.
    const pad = tf.ones([37]);
    const x = tf.tidy(() => tf.mul(tf.range(0, 24, 1, 'float32').reshape([2, 3, 4]), 0.5));
    const ids = tf.tidy(() => tf.topk(tf.tensor1d([0.1, 3, -2, 7, 5]), 3).indices);
    const buffer = new ArrayBuffer(200);
    new Float32Array(buffer).fill(-9);
    const into = new Float32Array(buffer, 8, 24);
    expect(await readInto(x, into)).toBe(into);
    expect(Array.from(into)).toEqual(Array.from(await x.data()));
    expect(new Float32Array(buffer, 0, 2)).toEqual(new Float32Array([-9, -9])); // before the view
    expect(new Float32Array(buffer)[2 + 24]).toBe(-9); // after it
    const idsInto = await readInto(ids, new Int32Array(3));
    expect(Array.from(idsInto)).toEqual([3, 4, 1]);
    tf.dispose([pad, x, ids]);
  });

  it('refuses an array of the wrong type or size', async () => {
    await initNodeBackend(backend);
    const x = tf.ones([4]);
    await expect(readInto(x, new Float32Array(5))).rejects.toThrow(/cannot read a float32 tensor of 4/);
    await expect(readInto(x, new Int32Array(4))).rejects.toThrow(/into int32/);
    x.dispose();
  });
});

it('on wasm reads the heap in place: nothing goes through the backend’s read', async () => {
  await initNodeBackend('wasm');
  const x = tf.ones([64]);
  const reads = [vi.spyOn(tf.backend(), 'read'), vi.spyOn(tf.backend(), 'readSync')];
  await readInto(x, new Float32Array(64));
  for (const read of reads) expect(read).not.toHaveBeenCalled();
  for (const read of reads) read.mockRestore();
  x.dispose();
});
