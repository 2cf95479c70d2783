/**
 * Two of the fused kernels (model/fused.ts) for tfjs's wasm backend, where its own kernels are slow
 * for a reason of layout, not arithmetic (node, baby shapes; bench/NOTES.md try 16):
 * - a sum over rows: tfjs-wasm's Sum transposes first (1.7 ms for (768, 512)); as ones (1, N)·x it
 *   runs on XNNPACK in 0.04 ms;
 * - splitting columns: tfjs-wasm's Slice copies its whole input out of the heap per output (4.2 ms
 *   to split qkv (768, 384) in three); copying rows between heap views is a few hundred µs.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { heapOffset, simdKernels, simdSupported } from './simd';

type Info = tf.TensorInfo;

tf.registerKernel({
  kernelName: 'TinyGPTColumnSum',
  backendName: 'wasm',
  kernelFunc: ({ inputs, backend }) => {
    const { dy, x } = inputs as { dy: Info; x?: Info };
    if (x) throw new Error('TinyGPTColumnSum on wasm sums dy only');
    const be = backend as BackendWasm;
    const [N, C] = dy.shape;
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

tf.registerGradient({
  kernelName: 'TinyGPTSplitColumns',
  gradFunc: (dy: tf.Tensor | tf.Tensor[]) => ({ x: () => tf.concat(dy as tf.Tensor[], 1) }),
});

// In SIMD (simd.wat): GELU both ways (tfjs-wasm's Erf and Exp are scalar libm loops) and a matrix
// transpose in 4×4 register blocks (its Transpose walks a generic n-d index per element).
if (simdSupported) {
  tf.registerKernel({
    kernelName: 'TinyGPTTranspose',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend }) => {
      const { x } = inputs as { x: Info };
      const be = backend as BackendWasm;
      const [R, C] = x.shape;
      if (R % 4 !== 0 || C % 4 !== 0)
        return tf
          .getKernel('Transpose', 'wasm')!
          .kernelFunc({ inputs: { x }, backend, attrs: { perm: [1, 0] } });
      const out = be.makeOutput([C, R], 'float32');
      simdKernels(be).transpose4(heapOffset(be, x), heapOffset(be, out), R, C);
      return out;
    },
  });
  tf.registerGradient({
    kernelName: 'TinyGPTTranspose',
    gradFunc: (dy: tf.Tensor | tf.Tensor[]) => ({
      x: () => tf.engine().runKernel('TinyGPTTranspose', { x: dy as tf.Tensor }) as tf.Tensor,
    }),
  });
  tf.registerKernel({
    kernelName: 'TinyGPTGelu',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend }) => {
      const { x } = inputs as { x: Info };
      const be = backend as BackendWasm;
      const out = be.makeOutput(x.shape, 'float32');
      simdKernels(be).gelu(heapOffset(be, x), heapOffset(be, out), tf.util.sizeFromShape(x.shape));
      return out;
    },
  });
  tf.registerKernel({
    kernelName: 'TinyGPTGeluGrad',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend }) => {
      const { dy, x } = inputs as { dy: Info; x: Info };
      const be = backend as BackendWasm;
      const out = be.makeOutput(x.shape, 'float32');
      const n = tf.util.sizeFromShape(x.shape);
      simdKernels(be).geluGrad(heapOffset(be, dy), heapOffset(be, x), heapOffset(be, out), n);
      return out;
    },
  });
}
