/**
 * The fused kernels (model/fused.ts) for tfjs's cpu backend, as loops of js/loops.ts: 12% off a
 * baby step there (bench/fused.ts --backend cpu), and the fused code paths run in node's unit tests.
 * Not registered for wasm, though the same loops could read its heap: there, tfjs's native kernels
 * beat them (a baby step 259 ms composed, 358 ms with these loops; bench/NOTES.md try 15).
 */
import * as tf from '@tensorflow/tfjs';
import * as loops from './loops';

type Info = tf.TensorInfo;
type Attrs = Record<string, number | boolean>;

interface JsKernel {
  /** input names, in the order `run` receives their arrays */
  inputs: string[];
  /** the optional trailing inputs may be absent */
  optional?: number;
  outShape: (shapes: number[][], attrs: Attrs) => number[];
  run: (arrays: Float32Array[], out: Float32Array, shapes: number[][], attrs: Attrs) => void;
}

const same = (shapes: number[][]) => shapes[0];
const rowPairs = (shapes: number[][]) => [shapes[0][0], 2];
const nc = (shapes: number[][]) => [shapes[0][0], shapes[0][1]] as const;

const KERNELS: Record<string, JsKernel> = {
  TinyGPTGelu: { inputs: ['x'], outShape: same, run: ([x], out) => loops.gelu(x, out) },
  TinyGPTGeluGrad: {
    inputs: ['dy', 'x'],
    outShape: same,
    run: ([dy, x], out) => loops.geluGrad(dy, x, out),
  },
  TinyGPTAdamMoment: {
    inputs: ['m', 'g', 'coef'],
    outShape: same,
    run: ([m, g, coef], out, _, a) => loops.adamMoment(m, g, coef[0], a.beta as number, !!a.squared, out),
  },
  TinyGPTAdamUpdate: {
    inputs: ['p', 'm', 'v'],
    outShape: same,
    run: ([p, m, v], out, _, a) =>
      loops.adamUpdate(
        p,
        m,
        v,
        {
          decay: a.decay as number,
          stepSize: a.stepSize as number,
          sqrtBc2: a.sqrtBc2 as number,
          eps: a.eps as number,
        },
        out,
      ),
  },
  TinyGPTLayerNormStats: {
    inputs: ['x'],
    outShape: rowPairs,
    run: ([x], out, s, a) => loops.layerNormStats(x, ...nc(s), a.eps as number, out),
  },
  TinyGPTLayerNorm: {
    inputs: ['x', 'stats', 'g', 'b'],
    outShape: same,
    run: ([x, stats, g, b], out, s) => loops.layerNorm(x, stats, g, b, nc(s)[1], out),
  },
  TinyGPTLayerNormRowGrad: {
    inputs: ['dy', 'x', 'stats', 'g'],
    outShape: rowPairs,
    run: ([dy, x, stats, g], out, s) => loops.layerNormRowGrad(dy, x, stats, g, ...nc(s), out),
  },
  TinyGPTLayerNormInputGrad: {
    inputs: ['dy', 'x', 'stats', 'g', 'rows'],
    outShape: same,
    run: ([dy, x, stats, g, rows], out, s) => loops.layerNormInputGrad(dy, x, stats, g, rows, nc(s)[1], out),
  },
  TinyGPTColumnSum: {
    inputs: ['dy', 'x', 'stats'],
    optional: 2,
    outShape: (s) => [s[0][1]],
    run: ([dy, x, stats], out, s) => loops.columnSum(dy, x, stats, ...nc(s), out),
  },
};

interface CpuBackend {
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): Info;
}

for (const [kernelName, k] of Object.entries(KERNELS)) {
  tf.registerKernel({
    kernelName,
    backendName: 'cpu',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const be = backend as tf.KernelBackend;
      const given = k.inputs.map((n) => (inputs as Record<string, Info | undefined>)[n]);
      const present = given.filter((t): t is Info => !!t);
      if (present.length < k.inputs.length - (k.optional ?? 0))
        throw new Error(`${kernelName}: missing input`);
      const shapes = present.map((t) => t.shape);
      const a = (attrs ?? {}) as Attrs;
      const shape = k.outShape(shapes, a);
      const out = new Float32Array(tf.util.sizeFromShape(shape));
      const arrays = given.map((t) =>
        t ? (be.readSync(t.dataId) as Float32Array) : undefined,
      ) as Float32Array[];
      k.run(arrays, out, shapes, a);
      return (be as unknown as CpuBackend).makeTensorInfo(shape, 'float32', out);
    },
  });
}
