/**
 * Kernels for tfjs's wasm backend where its own are slow for a reason of layout, not arithmetic
 * (node, baby shapes; bench/NOTES.md tries 16 and 18); the SIMD ones are in simd-kernels.ts:
 * - a sum over rows (fused.ts's columnSum): tfjs-wasm's Sum transposes first (1.7 ms for (768, 512));
 *   in SIMD, or else as ones (1, N)·x on XNNPACK (0.04 ms);
 * - splitting columns and its gradient: tfjs-wasm's Slice copies its whole input out of the heap per
 *   output (4.2 ms to split qkv (768, 384) in three), its Concat copies per element; copying rows
 *   between heap views takes a few hundred µs;
 * and tfjs-wasm's own kernels replaced where theirs copy or loop needlessly (replacements.ts).
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import * as loops from '../js/loops';
import './replacements';
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
