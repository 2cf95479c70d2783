/**
 * tfjs-wasm's own kernels replaced where they copy or loop for no reason of arithmetic; each
 * replacement takes the common case and hands anything else back to tfjs's kernel:
 * - Identity shares its input instead of copying it;
 * - Slice of a contiguous run copies heap to heap (tfjs's reads its whole input out of the heap
 *   into a fresh array first);
 * - GatherV2 of whole rows copies rows heap to heap (tfjs's walks a generic strided index);
 * - TopK, sorted, of float32 rows is an insertion into k slots per row (the logit lens's top 5).
 * Checked against the cpu backend in replacements.test.ts.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-wasm'; // its kernels first: these replace some of them
import * as loops from '../js/loops';

type Info = tf.TensorInfo;
type Args = Parameters<tf.KernelFunc>[0];

/**
 * `run` in place of tfjs-wasm's kernel `name`; where it returns null, tfjs's runs. tfjs's setup
 * (binding the C++ function its kernel calls) is kept.
 */
function replace(name: string, run: (args: Args, be: BackendWasm) => Info | Info[] | null): void {
  const own = tf.getKernel(name, 'wasm');
  if (!own) return;
  tf.unregisterKernel(name, 'wasm');
  tf.registerKernel({
    kernelName: name,
    backendName: 'wasm',
    setupFunc: own.setupFunc,
    kernelFunc: (args) => run(args, args.backend as BackendWasm) ?? own.kernelFunc(args),
  });
}

const numeric = (t: Info) => t.dtype === 'float32' || t.dtype === 'int32';

// Identity without a copy, as tfjs's cpu and webgl backends do it (tfjs-wasm copies the whole tensor:
// ~60 copies of activations a baby step, from tfjs's gradient bookkeeping). The output shares the
// input's heap block; tfjs tensors are never written in place, and a shared block lives until its
// last tensor is disposed (refcounted, as for Reshape).
replace('Identity', ({ inputs }, be) => {
  const { x } = inputs as { x: Info };
  if (x.dtype === 'string') return null;
  be.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
});

// ~0.1 ms for a (64, 128) input in tfjs's, on this VM's slow first touch of new pages, where the
// part alone is a µs memcpy (bench/NOTES.md try 29; a token at full context ran 7 of them).
replace('Slice', ({ inputs, attrs }, be) => {
  const { x } = inputs as { x: Info };
  const { begin, size } = attrs as unknown as { begin: number | number[]; size?: number | number[] };
  const [b, s] = tf.slice_util.parseSliceParams(x as tf.Tensor, begin, size);
  if (!numeric(x) || !tf.slice_util.isSliceContinous(x.shape, b, s)) return null;
  const out = be.makeOutput(s, x.dtype);
  const start = tf.slice_util.computeFlatOffset(b, tf.util.computeStrides(x.shape));
  // Views after the allocation: a growing heap detaches earlier ones.
  be.typedArrayFromHeap(out).set(be.typedArrayFromHeap(x).subarray(start, start + tf.util.sizeFromShape(s)));
  return out;
});

// ~0.3 ms in tfjs's to look up 64 embedding rows of 128 in the browser (try 29).
replace('GatherV2', ({ inputs, attrs }, be) => {
  const { x, indices } = inputs as { x: Info; indices: Info };
  const { axis, batchDims } = attrs as unknown as { axis: number; batchDims: number };
  const rows = tf.util.parseAxisParam(axis, x.shape)[0] === 0 && !batchDims;
  if (!rows || !numeric(x) || indices.dtype !== 'int32') return null;
  const ids = Int32Array.from(be.typedArrayFromHeap(indices) as Int32Array); // a copy: views detach
  const R = x.shape[0];
  for (const id of ids)
    if (!(id >= 0 && id < R)) throw new RangeError(`GatherV2: the index value ${id} is not in [0, ${R - 1}]`);
  const row = tf.util.sizeFromShape(x.shape.slice(1));
  const out = be.makeOutput([...indices.shape, ...x.shape.slice(1)], x.dtype);
  const [src, dst] = [be.typedArrayFromHeap(x), be.typedArrayFromHeap(out)];
  ids.forEach((id, i) => {
    dst.set(src.subarray(id * row, (id + 1) * row), i * row);
  });
  return out;
});

// ~0.3 ms in tfjs's for the logit lens's (320, 65) → top 5 in the browser, ~1 µs a row (try 29).
// Ties keep the lower index first, as tfjs's.
replace('TopK', ({ inputs, attrs }, be) => {
  const { x } = inputs as { x: Info };
  const { k, sorted } = attrs as unknown as { k: number; sorted: boolean };
  if (x.dtype !== 'float32' || !sorted) return null;
  const shape = [...x.shape.slice(0, -1), k];
  const [values, indices] = [be.makeOutput(shape, 'float32'), be.makeOutput(shape, 'int32')];
  const [src, vals] = [be.typedArrayFromHeap(x), be.typedArrayFromHeap(values)] as Float32Array[];
  loops.topKRows(src, x.shape[x.shape.length - 1], k, vals, be.typedArrayFromHeap(indices) as Int32Array);
  return [values, indices];
});
