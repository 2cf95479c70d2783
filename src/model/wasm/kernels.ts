/**
 * Kernels for tfjs's wasm backend where its own are slow for a reason of layout, not arithmetic
 * (node, baby shapes; bench/NOTES.md tries 16 and 18); the SIMD ones are in simd-kernels.ts:
 * - a sum over rows (fused.ts's columnSum): tfjs-wasm's Sum transposes first (1.7 ms for (768, 512));
 *   in SIMD, or else as ones (1, N)·x on XNNPACK (0.04 ms);
 * - splitting columns and its gradient: tfjs-wasm's Slice copies its whole input out of the heap per
 *   output (4.2 ms to split qkv (768, 384) in three), its Concat copies per element; copying rows
 *   between heap views takes a few hundred µs;
 * - Identity, which tfjs-wasm implements as a copy;
 * - Slice, which tfjs-wasm does by reading its whole input out of the heap into a fresh array first,
 *   GatherV2 of whole rows, which it does through a generic strided index per element, and TopK
 *   (the logit lens's top 5 of each row).
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-wasm'; // its kernels first: Identity below replaces one of them
import * as loops from '../js/loops';
import { simdColumnSum } from './simd-kernels';

type Info = tf.TensorInfo;

tf.registerKernel({
  kernelName: 'TinyGPTColumnSum',
  backendName: 'wasm',
  kernelFunc: ({ inputs, backend }) => {
    const { dy, x, stats } = inputs as { dy: Info; x?: Info; stats?: Info };
    const be = backend as BackendWasm;
    const simd = simdColumnSum(be, dy, x, stats);
    if (simd) return simd;
    const [N, C] = dy.shape;
    if (x && stats) {
      const out = be.makeOutput([C], 'float32');
      const [vd, vx, vs, vo] = [dy, x, stats, out].map((t) => be.typedArrayFromHeap(t) as Float32Array);
      loops.columnSum(vd, vx, vs, N, C, vo);
      return out;
    }
    const ones = be.makeOutput([1, N], 'float32');
    (be.typedArrayFromHeap(ones) as Float32Array).fill(1);
    const product = tf.getKernel('BatchMatMul', 'wasm')!.kernelFunc({
      inputs: { a: ones, b: dy },
      backend,
      attrs: { transposeA: false, transposeB: false },
    }) as Info; // (1, C)
    be.disposeData(ones.dataId);
    return { ...product, shape: [C] };
  },
});

tf.registerKernel({
  kernelName: 'TinyGPTSplitColumns',
  backendName: 'wasm',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { x } = inputs as { x: Info };
    const parts = (attrs as { parts: number }).parts;
    const be = backend as BackendWasm;
    const [N, total] = x.shape;
    const C = total / parts;
    const outs = Array.from({ length: parts }, () => be.makeOutput([N, C], 'float32'));
    // Views after every allocation: a growing heap detaches earlier views.
    const src = be.typedArrayFromHeap(x) as Float32Array;
    outs.forEach((out, p) => {
      const dst = be.typedArrayFromHeap(out) as Float32Array;
      for (let r = 0; r < N; r++) dst.set(src.subarray(r * total + p * C, r * total + (p + 1) * C), r * C);
    });
    return outs;
  },
});

// Its gradient puts the columns back the same way (tfjs-wasm's Concat: 1.3 ms for qkv's (768, 128)s).
tf.registerKernel({
  kernelName: 'TinyGPTConcatColumns',
  backendName: 'wasm',
  kernelFunc: ({ inputs, backend }) => {
    const parts = Object.values(inputs as Record<string, Info>);
    const be = backend as BackendWasm;
    const [N, C] = parts[0].shape;
    const total = C * parts.length;
    const out = be.makeOutput([N, total], 'float32');
    const dst = be.typedArrayFromHeap(out) as Float32Array;
    parts.forEach((part, p) => {
      const src = be.typedArrayFromHeap(part) as Float32Array;
      for (let r = 0; r < N; r++) dst.set(src.subarray(r * C, (r + 1) * C), r * total + p * C);
    });
    return out;
  },
});

tf.registerGradient({
  kernelName: 'TinyGPTSplitColumns',
  gradFunc: (dy: tf.Tensor | tf.Tensor[]) => ({
    x: () => {
      const parts = dy as tf.Tensor[];
      return tf
        .engine()
        .runKernel('TinyGPTConcatColumns', Object.fromEntries(parts.map((t, i) => [i, t]))) as tf.Tensor;
    },
  }),
});

// Identity without a copy, as tfjs's cpu and webgl backends do it (tfjs-wasm copies the whole tensor:
// ~60 copies of activations a baby step, from tfjs's gradient bookkeeping). The output shares the
// input's heap block; tfjs tensors are never written in place, and a shared block lives until its
// last tensor is disposed (refcounted, as for Reshape).
const wasmIdentity = tf.getKernel('Identity', 'wasm');
if (wasmIdentity) {
  tf.unregisterKernel('Identity', 'wasm');
  tf.registerKernel({
    kernelName: 'Identity',
    backendName: 'wasm',
    kernelFunc: (args) => {
      const { x } = args.inputs as { x: Info };
      if (x.dtype === 'string') return wasmIdentity.kernelFunc(args);
      (args.backend as BackendWasm).incRef(x.dataId);
      return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
    },
  });
}

// Slice straight from heap to heap. tfjs-wasm's reads the whole input into a fresh JS array, then
// copies the part: ~0.1 ms for a (64, 128) input on this VM's slow first touch of new pages, where
// the part alone is a µs memcpy (bench/NOTES.md try 29; a token at full context ran 7 of them).
// Contiguous slices (a run of the flattened input) only; the others as tfjs does them.
const wasmSlice = tf.getKernel('Slice', 'wasm');
if (wasmSlice) {
  tf.unregisterKernel('Slice', 'wasm');
  tf.registerKernel({
    kernelName: 'Slice',
    backendName: 'wasm',
    setupFunc: wasmSlice.setupFunc,
    kernelFunc: (args) => {
      const { x } = args.inputs as { x: Info };
      const { begin, size } = args.attrs as unknown as { begin: number | number[]; size?: number | number[] };
      const [b, s] = tf.slice_util.parseSliceParams(x as tf.TensorInfo as tf.Tensor, begin, size);
      if (x.dtype !== 'float32' && x.dtype !== 'int32') return wasmSlice.kernelFunc(args);
      if (!tf.slice_util.isSliceContinous(x.shape, b, s)) return wasmSlice.kernelFunc(args);
      const be = args.backend as BackendWasm;
      const out = be.makeOutput(s, x.dtype);
      const start = tf.slice_util.computeFlatOffset(b, tf.util.computeStrides(x.shape));
      const n = tf.util.sizeFromShape(s);
      // Views after the allocation: a growing heap detaches earlier ones.
      be.typedArrayFromHeap(out).set(be.typedArrayFromHeap(x).subarray(start, start + n));
      return out;
    },
  });
}

// GatherV2 of whole rows (axis 0: the embedding lookup) as row copies from heap to heap. tfjs-wasm's
// walks a generic strided index per element: ~0.3 ms to look up 64 rows of 128 in the browser
// (bench/NOTES.md try 29). Other axes and batch dims as tfjs does them.
const wasmGather = tf.getKernel('GatherV2', 'wasm');
if (wasmGather) {
  tf.unregisterKernel('GatherV2', 'wasm');
  tf.registerKernel({
    kernelName: 'GatherV2',
    backendName: 'wasm',
    setupFunc: wasmGather.setupFunc, // binds the C++ kernel its fallback calls
    kernelFunc: (args) => {
      const { x, indices } = args.inputs as { x: Info; indices: Info };
      const { axis, batchDims } = args.attrs as unknown as { axis: number; batchDims: number };
      const rowsOnly = tf.util.parseAxisParam(axis, x.shape)[0] === 0 && !batchDims;
      const types = (x.dtype === 'float32' || x.dtype === 'int32') && indices.dtype === 'int32';
      if (!rowsOnly || !types) return wasmGather.kernelFunc(args);
      const be = args.backend as BackendWasm;
      const ids = Int32Array.from(be.typedArrayFromHeap(indices) as Int32Array); // a copy: views detach
      const R = x.shape[0];
      for (const id of ids)
        if (!(id >= 0 && id < R))
          throw new RangeError(`GatherV2: the index value ${id} is not in [0, ${R - 1}]`);
      const row = tf.util.sizeFromShape(x.shape.slice(1));
      const out = be.makeOutput([...indices.shape, ...x.shape.slice(1)], x.dtype);
      const [src, dst] = [be.typedArrayFromHeap(x), be.typedArrayFromHeap(out)];
      ids.forEach((id, i) => {
        dst.set(src.subarray(id * row, (id + 1) * row), i * row);
      });
      return out;
    },
  });
}

// TopK, sorted, of float32 rows as an insertion into k slots per row, reading the heap in place:
// tfjs-wasm's takes ~0.3 ms for the logit lens's (320, 65) → top 5 in the browser, ~1 µs a row
// (bench/NOTES.md try 29). Ties keep the lower index first, as tfjs's. Unsorted or int32 as tfjs does them.
const wasmTopK = tf.getKernel('TopK', 'wasm');
if (wasmTopK) {
  tf.unregisterKernel('TopK', 'wasm');
  tf.registerKernel({
    kernelName: 'TopK',
    backendName: 'wasm',
    setupFunc: wasmTopK.setupFunc,
    kernelFunc: (args) => {
      const { x } = args.inputs as { x: Info };
      const { k, sorted } = args.attrs as unknown as { k: number; sorted: boolean };
      if (x.dtype !== 'float32' || !sorted) return wasmTopK.kernelFunc(args);
      const be = args.backend as BackendWasm;
      const shape = [...x.shape.slice(0, -1), k];
      const [values, indices] = [be.makeOutput(shape, 'float32'), be.makeOutput(shape, 'int32')];
      const [src, vals] = [be.typedArrayFromHeap(x), be.typedArrayFromHeap(values)] as Float32Array[];
      loops.topKRows(src, x.shape[x.shape.length - 1], k, vals, be.typedArrayFromHeap(indices) as Int32Array);
      return [values, indices];
    },
  });
}
