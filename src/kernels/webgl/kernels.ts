/**
 * The fused kernels (model/fused.ts) for tfjs's webgl backend. Registering them needs no WebGL:
 * they are looked up only when the webgl backend is active.
 */
import * as tf from '@tensorflow/tfjs';
import { type GPGPUProgram, type MathBackendWebGL, webgl_util } from '@tensorflow/tfjs-backend-webgl';
import {
  batchedMatMulProgram,
  softmaxGradProgram,
  softmaxProgram,
  softmaxRowDotProgram,
  softmaxStatsProgram,
} from './attention';
import {
  columnSumProgram,
  layerNormInputGradProgram,
  layerNormProgram,
  layerNormRowGradProgram,
  layerNormStatsProgram,
} from './layernorm';
import { adamMomentProgram, adamUpdateProgram, geluGradProgram, geluProgram } from './pointwise';

type Info = tf.TensorInfo;

function register(
  kernelName: string,
  run: (backend: MathBackendWebGL, inputs: Record<string, Info>, attrs: Record<string, unknown>) => Info,
): void {
  tf.registerKernel({
    kernelName,
    backendName: 'webgl',
    kernelFunc: ({ inputs, backend, attrs }) =>
      run(
        backend as MathBackendWebGL,
        inputs as Record<string, Info>,
        (attrs ?? {}) as Record<string, unknown>,
      ),
  });
}

const compile = (backend: MathBackendWebGL, program: GPGPUProgram, inputs: Info[], uniforms?: number[][]) =>
  backend.compileAndRun(program, inputs, 'float32', uniforms);

register('TinyGPTGelu', (be, { x }) => compile(be, geluProgram(x.shape), [x]));

register('TinyGPTGeluGrad', (be, { dy, x }) => compile(be, geluGradProgram(x.shape), [dy, x]));

register('TinyGPTAdamMoment', (be, { m, g, coef }, { beta, squared }) =>
  compile(be, adamMomentProgram(m.shape, beta as number, squared as boolean), [m, g, coef]),
);

register('TinyGPTAdamUpdate', (be, { p, m, v }, { decay, stepSize, sqrtBc2, eps }) =>
  compile(
    be,
    adamUpdateProgram(p.shape, eps as number),
    [p, m, v],
    [[decay as number], [stepSize as number], [sqrtBc2 as number]],
  ),
);

register('TinyGPTLayerNormStats', (be, { x }, { eps }) =>
  compile(be, layerNormStatsProgram(x.shape[0], x.shape[1], eps as number), [x]),
);

register('TinyGPTLayerNorm', (be, { x, stats, g, b }) =>
  compile(be, layerNormProgram(x.shape[0], x.shape[1]), [x, stats, g, b]),
);

register('TinyGPTLayerNormRowGrad', (be, { dy, x, stats, g }) =>
  compile(be, layerNormRowGradProgram(x.shape[0], x.shape[1]), [dy, x, stats, g]),
);

register('TinyGPTLayerNormInputGrad', (be, { dy, x, stats, g, rows }) =>
  compile(be, layerNormInputGradProgram(x.shape[0], x.shape[1]), [dy, x, stats, g, rows]),
);

register('TinyGPTColumnSum', (be, { dy, x, stats }) => {
  const [N, C] = dy.shape;
  if (N % 2 === 0) return compile(be, columnSumProgram(N, C, !!x), x ? [dy, x, stats] : [dy]);
  if (x) throw new Error('TinyGPTColumnSum with x̂ needs an even number of rows');
  // Odd rows: the packed loop would read a padding row.
  return tf
    .getKernel('Sum', 'webgl')!
    .kernelFunc({ inputs: { x: dy }, backend: be, attrs: { axis: [0], keepDims: false } }) as Info;
});

register('TinyGPTMaskedSoftmax', (be, { s, mask }, { scale }) => {
  const [P, T] = s.shape;
  const stats = compile(be, softmaxStatsProgram(P, T, scale as number), [s, mask]);
  const att = compile(be, softmaxProgram(P, T, scale as number), [s, mask, stats]);
  be.disposeIntermediateTensorInfo(stats);
  return att;
});

register('TinyGPTMaskedSoftmaxGrad', (be, { att, datt }, { scale }) => {
  const [P, T] = att.shape;
  const dots = compile(be, softmaxRowDotProgram(P, T), [att, datt]);
  const ds = compile(be, softmaxGradProgram(P, T, scale as number), [att, datt, dots]);
  be.disposeIntermediateTensorInfo(dots);
  return ds;
});

/** How often a batched product fell back to tfjs's own kernel (odd sizes, other texture layouts). */
export const fallbacks = { batchedMatMul: 0 };

register('TinyGPTBatchedMatMul', (be, { a, b }, attrs) => {
  const [ta, tb] = [!!attrs.transposeA, !!attrs.transposeB];
  const [P, M, K] = ta ? [a.shape[0], a.shape[2], a.shape[1]] : a.shape;
  const N = tb ? b.shape[1] : b.shape[2];
  const even = (M % 2) + (K % 2) + (N % 2) === 0;
  if (
    even &&
    inStandardLayout(be, a, [P * a.shape[1], a.shape[2]]) &&
    inStandardLayout(be, b, [P * b.shape[1], b.shape[2]])
  ) {
    return compile(be, batchedMatMulProgram(P, M, K, N, ta, tb), [a, b]);
  }
  // Elsewhere tfjs's own product, on explicitly transposed operands (as the composed path does).
  fallbacks.batchedMatMul += 1;
  const transpose = (t: Info) =>
    tf
      .getKernel('Transpose', 'webgl')!
      .kernelFunc({ inputs: { x: t }, backend: be, attrs: { perm: [0, 2, 1] } }) as Info;
  const [A, B] = [ta ? transpose(a) : a, tb ? transpose(b) : b];
  const out = tf.getKernel('BatchMatMul', 'webgl')!.kernelFunc({
    inputs: { a: A, b: B },
    backend: be,
    attrs: { transposeA: false, transposeB: false },
  }) as Info;
  if (ta) be.disposeIntermediateTensorInfo(A);
  if (tb) be.disposeIntermediateTensorInfo(B);
  return out;
});

/**
 * Whether a packed program will read t from a texture of (unpacked) shape `want` — rows laid one
 * after another. True for tensors the backend has not packed yet when a fresh texture gets that shape.
 */
function inStandardLayout(be: MathBackendWebGL, t: Info, want: number[]): boolean {
  const data = be.texData.get(t.dataId);
  const same = (s: number[] | null | undefined) => !!s && s[0] === want[0] && s[1] === want[1];
  if (data?.texture && data.isPacked) return same(data.texShape);
  return same(webgl_util.getTextureShapeFromLogicalShape(t.shape, true));
}
