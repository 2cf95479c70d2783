/**
 * Fused kernels (model/fused.ts) on tfjs's wasm backend as the WebAssembly SIMD code of simd.wat,
 * reading and writing tensors in place on tfjs-wasm's heap: GELU with its derivative in one pass
 * (tfjs-wasm's Erf and Exp are scalar libm loops; the gradient is then one product), a transpose in
 * 4×4 register blocks (its Transpose walks a generic n-d index per element), LayerNorm's passes
 * (composed, ~9 kernels forward and ~15 backward), AdamW's (~11 kernels a parameter, 3 here) and
 * causal attention straight from the qkv projection (~12 kernels a layer forward, ~25 backward).
 * The vector loops take rows of a multiple of 4 floats; other shapes run tfjs's kernel or the
 * js/loops.ts loops on the same heap. Registered only where the engine runs SIMD.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import * as loops from '../js/loops';
import { heapOffset, simdKernels, simdSupported } from './simd';

type Info = tf.TensorInfo;
type Inputs = Record<string, Info>;
type Attrs = Record<string, number>;

function register(
  kernelName: string,
  run: (inputs: Inputs, be: BackendWasm, attrs: Attrs) => Info | Info[],
): void {
  tf.registerKernel({
    kernelName,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) =>
      run(inputs as Inputs, backend as BackendWasm, (attrs ?? {}) as Attrs),
  });
}

/** The float32 views of tensors on the heap (after every allocation: growing the heap detaches views). */
const views = (be: BackendWasm, ...ts: Info[]) => ts.map((t) => be.typedArrayFromHeap(t) as Float32Array);

if (simdSupported) {
  register('TinyGPTGeluWithDerivative', ({ x }, be) => {
    const [y, d] = [be.makeOutput(x.shape, 'float32'), be.makeOutput(x.shape, 'float32')];
    const n = tf.util.sizeFromShape(x.shape);
    simdKernels(be).geluWithDerivative(heapOffset(be, x), heapOffset(be, y), heapOffset(be, d), n);
    return [y, d];
  });

  register('TinyGPTTranspose', ({ x }, be) => {
    const [R, C] = x.shape.slice(-2);
    const P = x.shape.length === 3 ? x.shape[0] : 1;
    const swapped = x.shape.length === 3 ? [P, C, R] : [C, R];
    if (R % 4 !== 0 || C % 4 !== 0)
      return tf.getKernel('Transpose', 'wasm')!.kernelFunc({
        inputs: { x },
        backend: be,
        attrs: { perm: x.shape.length === 3 ? [0, 2, 1] : [1, 0] },
      }) as Info;
    const out = be.makeOutput(swapped, 'float32');
    const [px, po, bytes] = [heapOffset(be, x), heapOffset(be, out), 4 * R * C];
    for (let p = 0; p < P; p++) simdKernels(be).transpose4(px + p * bytes, po + p * bytes, R, C);
    return out;
  });
  tf.registerGradient({
    kernelName: 'TinyGPTTranspose',
    gradFunc: (dy: tf.Tensor | tf.Tensor[]) => ({
      x: () => tf.engine().runKernel('TinyGPTTranspose', { x: dy as tf.Tensor }) as tf.Tensor,
    }),
  });

  register('TinyGPTAdamMoment', ({ m, g, coef }, be, { beta, squared }) => {
    const out = be.makeOutput(m.shape, 'float32');
    const n = tf.util.sizeFromShape(m.shape);
    const [pm, pg, pc, po] = [m, g, coef, out].map((t) => heapOffset(be, t));
    simdKernels(be).adamMoment(pm, pg, pc, po, n, beta, squared ? 1 : 0);
    return out;
  });
  register('TinyGPTAdamUpdate', ({ p, m, v }, be, { decay, stepSize, sqrtBc2, eps }) => {
    const out = be.makeOutput(p.shape, 'float32');
    const n = tf.util.sizeFromShape(p.shape);
    const [pp, pm, pv, po] = [p, m, v, out].map((t) => heapOffset(be, t));
    simdKernels(be).adamUpdate(pp, pm, pv, po, n, decay, stepSize, sqrtBc2, eps);
    return out;
  });

  // Causal attention on qkv (B·T, 3C), heads of hs = C/nh floats (a multiple of 4: fused.ts checks).
  register('TinyGPTCausalAttention', ({ qkv }, be, { B, T, nh, scale }) => {
    const C = qkv.shape[1] / 3;
    const [y, att] = [be.makeOutput([B * T, C], 'float32'), be.makeOutput([B, nh, T, T], 'float32')];
    const [pq, py, pa] = [qkv, y, att].map((t) => heapOffset(be, t));
    simdKernels(be).attentionForward(pq, py, pa, B, T, nh, C / nh, scale);
    return [y, att];
  });
  register('TinyGPTCausalAttentionGrad', ({ dy, qkv, att }, be, { B, T, nh, scale }) => {
    const C = qkv.shape[1] / 3;
    const [dqkv, scratch] = [be.makeOutput(qkv.shape, 'float32'), be.makeOutput([T, T], 'float32')];
    const [pd, pq, pa, po, ps] = [dy, qkv, att, dqkv, scratch].map((t) => heapOffset(be, t));
    simdKernels(be).attentionBackward(pd, pq, pa, po, ps, B, T, nh, C / nh, scale);
    be.disposeData(scratch.dataId);
    return dqkv;
  });
  // att is an output to read (the trace), not to differentiate: its dy (zeros) is not used.
  tf.registerGradient({
    kernelName: 'TinyGPTCausalAttention',
    inputsToSave: ['qkv'],
    outputsToSave: [false, true],
    gradFunc: (dys: tf.Tensor | tf.Tensor[], [qkv, att]: tf.Tensor[], attrs) => ({
      qkv: () =>
        tf.engine().runKernel(
          'TinyGPTCausalAttentionGrad',
          {
            dy: (dys as tf.Tensor[])[0],
            qkv,
            att,
          },
          attrs as unknown as tf.NamedAttrMap,
        ) as tf.Tensor,
    }),
  });

  // LayerNorm on x (N, C): stats (N, 2) = each row's mean and rstd, rows (N, 2) = mean(dy·g), mean(dy·g·x̂).
  register('TinyGPTLayerNormStats', ({ x }, be, { eps }) => {
    const [N, C] = x.shape;
    const out = be.makeOutput([N, 2], 'float32');
    if (C % 4 === 0) simdKernels(be).lnStats(heapOffset(be, x), heapOffset(be, out), N, C, eps);
    else {
      const [vx, vo] = views(be, x, out);
      loops.layerNormStats(vx, N, C, eps, vo);
    }
    return out;
  });
  register('TinyGPTLayerNorm', ({ x, stats, g, b }, be) => {
    const [N, C] = x.shape;
    const out = be.makeOutput([N, C], 'float32');
    if (C % 4 === 0) {
      const [px, ps, pg, pb, po] = [x, stats, g, b, out].map((t) => heapOffset(be, t));
      simdKernels(be).lnApply(px, ps, pg, pb, po, N, C);
    } else {
      const [vx, vs, vg, vb, vo] = views(be, x, stats, g, b, out);
      loops.layerNorm(vx, vs, vg, vb, C, vo);
    }
    return out;
  });
  register('TinyGPTLayerNormRowGrad', ({ dy, x, stats, g }, be) => {
    const [N, C] = x.shape;
    const out = be.makeOutput([N, 2], 'float32');
    if (C % 4 === 0) {
      const [pd, px, ps, pg, po] = [dy, x, stats, g, out].map((t) => heapOffset(be, t));
      simdKernels(be).lnRowGrad(pd, px, ps, pg, po, N, C);
    } else {
      const [vd, vx, vs, vg, vo] = views(be, dy, x, stats, g, out);
      loops.layerNormRowGrad(vd, vx, vs, vg, N, C, vo);
    }
    return out;
  });
  register('TinyGPTLayerNormInputGrad', ({ dy, x, stats, g, rows }, be) => {
    const [N, C] = x.shape;
    const out = be.makeOutput([N, C], 'float32');
    if (C % 4 === 0) {
      const [pd, px, ps, pg, pr, po] = [dy, x, stats, g, rows, out].map((t) => heapOffset(be, t));
      simdKernels(be).lnInputGrad(pd, px, ps, pg, pr, po, N, C);
    } else {
      const [vd, vx, vs, vg, vr, vo] = views(be, dy, x, stats, g, rows, out);
      loops.layerNormInputGrad(vd, vx, vs, vg, vr, C, vo);
    }
    return out;
  });
}

/** Column sums (C,) of dy·x̂ (given x and stats) or of dy (N, C) in SIMD, or null where C is not a multiple of 4. */
export function simdColumnSum(be: BackendWasm, dy: Info, x?: Info, stats?: Info): Info | null {
  const [N, C] = dy.shape;
  if (!simdSupported || C % 4 !== 0) return null;
  const out = be.makeOutput([C], 'float32');
  const [px, ps] = x && stats ? [heapOffset(be, x), heapOffset(be, stats)] : [0, 0];
  simdKernels(be).columnSum(heapOffset(be, dy), px, ps, heapOffset(be, out), N, C);
  return out;
}
