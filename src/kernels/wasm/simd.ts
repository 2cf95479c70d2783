/**
 * The kernels of simd.wat, instantiated on tfjs-wasm's own memory: they read and write tensors in
 * place by their heap offsets, so a call costs no copy. One instance per tfjs-wasm module (its
 * memory). Registered only where the engine runs SIMD; elsewhere the model keeps tfjs's composed ops.
 */
import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { SIMD_WASM } from './simd-binary';

export interface SimdKernels {
  /** y[i] = GELU(x[i]) and d[i] = GELU'(x[i]), i < n (byte offsets) */
  geluWithDerivative(x: number, y: number, d: number, n: number): void;
  /** out (C, R) = xᵀ for x (R, C), R and C multiples of 4 */
  transpose4(x: number, out: number, R: number, C: number): void;
  /** LayerNorm over rows of C (a multiple of 4): see simd.wat for each pass */
  lnStats(x: number, out: number, N: number, C: number, eps: number): void;
  lnApply(x: number, stats: number, g: number, b: number, out: number, N: number, C: number): void;
  lnRowGrad(dy: number, x: number, stats: number, g: number, out: number, N: number, C: number): void;
  lnInputGrad(
    dy: number,
    x: number,
    stats: number,
    g: number,
    rows: number,
    out: number,
    N: number,
    C: number,
  ): void;
  /** column sums of dy·x̂, or of dy when stats is 0 */
  columnSum(dy: number, x: number, stats: number, out: number, N: number, C: number): void;
  /** AdamW's moments and update (fused.ts), coef the heap offset of the clip coefficient */
  adamMoment(m: number, g: number, coef: number, out: number, n: number, beta: number, squared: number): void;
  adamUpdate(
    p: number,
    m: number,
    v: number,
    out: number,
    n: number,
    decay: number,
    stepSize: number,
    sqrtBc2: number,
    eps: number,
  ): void;
  /** causal attention from qkv (B·T, 3C) → y (B·T, C), att (B, nh, T, T); hs a multiple of 4 */
  attentionForward(
    qkv: number,
    y: number,
    att: number,
    B: number,
    T: number,
    nh: number,
    hs: number,
    scale: number,
  ): void;
  /** its gradient dqkv (B·T, 3C) from dy (B·T, C), qkv and att; scratch holds T floats */
  attentionBackward(
    dy: number,
    qkv: number,
    att: number,
    dqkv: number,
    scratch: number,
    B: number,
    T: number,
    nh: number,
    hs: number,
    scale: number,
  ): void;
}

const instances = new WeakMap<object, SimdKernels>();

function bytes(b64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

/** Whether this engine runs WebAssembly SIMD (register the kernels only then). */
export const simdSupported: boolean =
  typeof WebAssembly === 'object' && WebAssembly.validate(bytes(SIMD_WASM.plain));

/** The memory tfjs-wasm's module keeps its heap in: the threaded build names it, the other exports it. */
function heapMemory(be: BackendWasm): WebAssembly.Memory | null {
  const mod = be.wasm as unknown as {
    wasmMemory?: WebAssembly.Memory;
    asm?: { memory?: WebAssembly.Memory };
  };
  return mod.wasmMemory ?? mod.asm?.memory ?? null;
}

function instantiate(be: BackendWasm): SimdKernels {
  const memory = heapMemory(be);
  if (!memory) throw new Error('tfjs-wasm keeps its heap where the SIMD kernels cannot reach it');
  const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
  const code = bytes(shared ? SIMD_WASM.shared : SIMD_WASM.plain);
  // Synchronous: the module is ~1 KB and kernels run synchronously (fine in a worker and in node).
  const instance = new WebAssembly.Instance(new WebAssembly.Module(code), { env: { memory } });
  return instance.exports as unknown as SimdKernels;
}

/** The kernels on this backend's memory. */
export function simdKernels(be: BackendWasm): SimdKernels {
  const known = instances.get(be.wasm);
  if (known) return known;
  const made = instantiate(be);
  instances.set(be.wasm, made);
  return made;
}

/** A float32 tensor's byte offset in the heap. */
export function heapOffset(be: BackendWasm, t: tf.TensorInfo): number {
  return be.dataIdMap.get(t.dataId)!.memoryOffset;
}
