/** wasm's replacements for tfjs-wasm's Slice, GatherV2 and TopK (replacements.ts) give what the cpu backend gives. */
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Rng } from '../../model/rng';
import { initNodeBackend } from '../../worker/backend.node';
import './replacements';

/** The same computation on cpu and on wasm: values and shapes. */
async function both(f: () => tf.Tensor): Promise<void> {
  const run = async (backend: 'cpu' | 'wasm') => {
    await initNodeBackend(backend);
    const t = f();
    const out = { shape: t.shape, dtype: t.dtype, values: Array.from(await t.data()) };
    t.dispose();
    return out;
  };
  expect(await run('wasm')).toEqual(await run('cpu'));
}

const x = () => tf.range(0, 60, 1, 'float32').reshape([5, 3, 4]);

describe('wasm kernels in place of tfjs-wasm own', () => {
  afterAll(() => initNodeBackend('cpu'));

  it('Slice: contiguous runs (rows, one row, the whole) and strided blocks, float32 and int32', async () => {
    await both(() => tf.tidy(() => tf.slice(x(), [1, 0, 0], [3, 3, 4])));
    await both(() => tf.tidy(() => tf.slice(x(), [4, 2, 0], [1, 1, 4])));
    await both(() => tf.tidy(() => tf.slice(x(), [0, 0, 0], [-1, -1, -1])));
    await both(() => tf.tidy(() => tf.slice(x(), [1, 1, 1], [2, 2, 2]))); // not contiguous: tfjs's path
    await both(() => tf.tidy(() => tf.slice(tf.cast(x(), 'int32'), [2, 1, 0], [1, 2, 4])));
  });

  it('GatherV2: rows in any order and repeated, other axes, int32', async () => {
    const ids = () => tf.tensor1d([4, 0, 2, 2], 'int32');
    await both(() => tf.tidy(() => tf.gather(x(), ids())));
    await both(() =>
      tf.tidy(() =>
        tf.gather(
          x(),
          tf.tensor2d(
            [
              [1, 3],
              [0, 0],
            ],
            [2, 2],
            'int32',
          ),
        ),
      ),
    );
    await both(() => tf.tidy(() => tf.gather(x(), tf.tensor1d([2, 0], 'int32'), 1))); // axis 1: tfjs's path
    await both(() => tf.tidy(() => tf.gather(tf.cast(x(), 'int32'), ids())));
  });

  it('TopK: the k largest of each row, largest first, ties by lower index; k = n; int32 and unsorted as tfjs', async () => {
    const rows = [
      [0.1, 0.5, 0.5, -2, 0.5, 3, 0.5],
      [7, 6, 5, 4, 3, 2, 1],
      [1, 2, 3, 4, 5, 6, 7],
      [0, 0, 0, 0, 0, 0, 0],
      [-1, -5, 2, 9, 2, -3, 0],
    ];
    for (const k of [1, 3, 7]) {
      await both(() => tf.tidy(() => tf.topk(tf.tensor2d(rows), k).values));
      await both(() => tf.tidy(() => tf.topk(tf.tensor2d(rows), k).indices));
    }
    // The logit lens's shape, the same numbers on both backends (with ties from rounding to 1/64).
    const rng = new Rng(5);
    const data = Float32Array.from({ length: 320 * 65 }, () => Math.round(rng.next() * 64) / 64);
    const lens = () => tf.tensor2d(data, [320, 65]);
    await both(() => tf.tidy(() => tf.topk(lens(), 5).indices));
    await both(() => tf.tidy(() => tf.topk(lens(), 5).values));
    await both(() => tf.tidy(() => tf.topk(tf.tensor1d([3, 9, 1, 9], 'int32'), 2).indices));
  });

  it('copy heap to heap: nothing is read out of the heap into JS arrays', async () => {
    await initNodeBackend('wasm');
    const [t, ids] = [x(), tf.tensor1d([1, 2], 'int32')];
    const read = vi.spyOn(tf.backend(), 'readSync');
    tf.dispose(tf.tidy(() => [tf.slice(t, [1, 0, 0], [2, 3, 4]), tf.gather(t, ids), tf.topk(t, 2).values]));
    expect(read).not.toHaveBeenCalled();
    read.mockRestore();
    tf.dispose([t, ids]);
  });

  it('GatherV2: an index out of range is an error, not garbage', async () => {
    await initNodeBackend('wasm');
    expect(() => tf.tidy(() => tf.gather(x(), tf.tensor1d([1, 5], 'int32')))).toThrow(/index value 5/);
  });
});
