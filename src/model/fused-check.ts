/**
 * Each fused kernel against the composed ops it replaces, on the active backend: fused.test.ts runs
 * it on cpu and wasm in node, e2e/kernels.spec.ts on webgl in Chromium. Returns the largest absolute
 * difference per check, and which fused kernels were really used.
 */
import * as tf from '@tensorflow/tfjs';
import { fallbacks } from '../kernels/webgl/kernels';
import { AdamW } from './adamw';
import { causalAttention, maskedSoftmax } from './attention';
import { makeConfig } from './config';
import { canFuse, FUSED, setFusedKernels, splitColumns } from './fused';
import { GPT } from './gpt';
import { layerNorm } from './layernorm';
import { gelu, linear, mm, mmNT, sumRows, swapLast, variableFrom } from './ops';
import { Trainer, trainSteps } from './trainer';

export interface KernelCheck {
  backend: string;
  fused: Record<string, boolean>;
  /** max |fused − composed| per check */
  diff: Record<string, number>;
  /** batched products that fell back to tfjs's kernel (the check has one, of odd sizes, with its gradients: 3) */
  fallbacks: number;
  /** the losses of a few training steps, fused and composed */
  losses: { fused: number[]; composed: number[] };
}

async function maxDiff(a: tf.Tensor, b: tf.Tensor): Promise<number> {
  const d = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))));
  const v = (await d.data())[0];
  d.dispose();
  return v;
}

/** The same function run with the fused kernels on and off. */
async function bothWays(f: () => tf.Tensor[] | Promise<tf.Tensor[]>): Promise<number> {
  setFusedKernels(true);
  const fused = await f();
  setFusedKernels(false);
  const composed = await f();
  setFusedKernels(true);
  let worst = 0;
  for (let i = 0; i < fused.length; i++) worst = Math.max(worst, await maxDiff(fused[i], composed[i]));
  tf.dispose([...fused, ...composed]);
  return worst;
}

const normal = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 1, 'float32', seed);

export async function checkFusedKernels(): Promise<KernelCheck> {
  const diff: Record<string, number> = {};
  const fallbacksBefore = fallbacks.batchedMatMul;
  for (const shape of [
    [64, 96],
    [33, 65],
  ]) {
    diff[`gelu ${shape}`] = await bothWays(() =>
      tf.tidy(() => {
        const x = tf.mul(normal(shape, 1), 3); // into both tails, where Φ and φ saturate
        const dy = normal(shape, 2);
        const { grads } = tf.valueAndGrads((t: tf.Tensor) => tf.sum(tf.mul(gelu(t), dy)))([x]);
        return [tf.keep(gelu(x)), tf.keep(grads[0])]; // element by element (a sum's rounding would hide the kernel's)
      }),
    );
  }
  for (const [P, M, K, N] of [
    [6, 8, 4, 10],
    [3, 5, 7, 9],
  ]) {
    diff[`batched matMul ${[P, M, K, N]}`] = await bothWays(() =>
      tf.tidy(() => {
        const a = normal([P, M, K], 3);
        const b = tf.transpose(normal([P, N, K], 4), [0, 2, 1]); // made by a transpose, as in attention
        const dy = normal([P, M, N], 5);
        const { value, grads } = tf.valueAndGrads((x: tf.Tensor, y: tf.Tensor) =>
          tf.sum(tf.mul(mm(x, y), dy)),
        )([a, b]);
        return [value, ...grads].map((t) => tf.keep(t));
      }),
    );
  }
  diff['batched a·bᵀ 6,8,4,10'] = await bothWays(() =>
    tf.tidy(() => {
      const [a, b, dy] = [normal([6, 8, 4], 30), normal([6, 10, 4], 31), normal([6, 8, 10], 32)];
      const f = (x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(mmNT(x, y), dy));
      const { value, grads } = tf.valueAndGrads(f)([a, b]);
      return [value, ...grads].map((t) => tf.keep(t));
    }),
  );
  for (const [N, K, C] of [
    [24, 10, 12],
    [7, 5, 9],
  ]) {
    diff[`linear with bias ${[N, K, C]}`] = await bothWays(() =>
      tf.tidy(() => {
        const [x, w, b, dy] = [normal([N, K], 13), normal([K, C], 14), normal([C], 15), normal([N, C], 16)];
        const f = (xs: tf.Tensor, ws: tf.Tensor, bs: tf.Tensor) =>
          tf.sum(tf.mul(linear(xs as tf.Tensor2D, ws, bs), dy));
        const { value, grads } = tf.valueAndGrads(f)([x, w, b]);
        return [value, ...grads].map((t) => tf.keep(t));
      }),
    );
  }
  // Passes nothing differentiates take their own paths (ops.ts `recording`): the fused matMul kernel
  // called directly, and embeddings gathered instead of one-hot · wte.
  {
    const [direct, composed] = tf.tidy(() => {
      const [x, w, b] = [normal([24, 10], 17), normal([10, 12], 18), normal([12], 19)];
      return [linear(x as tf.Tensor2D, w, b), tf.add(tf.matMul(x, w), b)].map((t) => tf.keep(t));
    });
    diff['linear with bias, no gradient tape'] = await maxDiff(direct, composed);
    tf.dispose([direct, composed]);
  }
  {
    const model = GPT.create(makeConfig({ n_layer: 1, n_head: 2, n_embd: 8, block_size: 8 }, 11), 20);
    const [looked, product] = tf.tidy(() => {
      const idx = tf.tensor2d([[3, 1, 4, 1, 5, 9, 2, 6]], [1, 8], 'int32');
      const wte = model.params.get('transformer.wte.weight')!;
      const oneHot = tf.cast(tf.oneHot(tf.tensor1d([3, 1, 4, 1, 5, 9, 2, 6], 'int32'), 11), 'float32');
      return [model.embed(idx), tf.reshape(tf.matMul(oneHot, wte), [1, 8, 8])].map((t) => tf.keep(t));
    });
    diff['embedding lookup, no gradient tape'] = await maxDiff(looked, product);
    tf.dispose([looked, product]);
    model.dispose();
  }
  for (const shape of [
    [12, 8],
    [6, 10],
    [3, 8, 12],
    [2, 6, 10],
  ]) {
    diff[`transpose ${shape}`] = await bothWays(() =>
      tf.tidy(() => {
        const x = normal(shape, 16);
        const dy = normal([...shape.slice(0, -2), shape.at(-1)!, shape.at(-2)!], 17);
        const { value, grads } = tf.valueAndGrads((t: tf.Tensor) => tf.sum(tf.mul(swapLast(t), dy)))([x]);
        return [tf.keep(swapLast(x)), tf.keep(value), tf.keep(grads[0])];
      }),
    );
  }
  diff['split columns'] = await bothWays(() =>
    tf.tidy(() => {
      const x = normal([6, 12], 17) as tf.Tensor2D;
      const dys = [0, 1, 2].map((i) => normal([6, 4], 18 + i));
      const parts = splitColumns(x, 3);
      const f = (xs: tf.Tensor) =>
        tf.addN(splitColumns(xs as tf.Tensor2D, 3).map((p, i) => tf.sum(tf.mul(p, dys[i]))));
      const { value, grads } = tf.valueAndGrads(f)([x]);
      return [...parts, value, ...grads].map((t) => tf.keep(t));
    }),
  );
  for (const [P, T] of [
    [6, 8],
    [3, 7],
  ]) {
    diff[`masked softmax ${[P, T]}`] = await bothWays(() =>
      tf.tidy(() => {
        const s = tf.mul(normal([P, T, T], 23), 4);
        const mask = tf.mul(tf.sub(1, tf.linalg.bandPart(tf.ones([T, T]), -1, 0)), -1e9) as tf.Tensor2D;
        const dy = normal([P, T, T], 24);
        const f = (x: tf.Tensor) => tf.sum(tf.mul(maskedSoftmax(x, mask, 0.35), dy));
        const { value, grads } = tf.valueAndGrads(f)([s]);
        return [maskedSoftmax(s, mask, 0.35), value, ...grads].map((t) => tf.keep(t));
      }),
    );
  }
  diff['sum of rows'] = await bothWays(() =>
    tf.tidy(() => [
      sumRows(normal([10, 6], 21)),
      sumRows(normal([12, 8], 23)), // rows of a multiple of 4: wasm's SIMD loop
      sumRows(normal([2, 3, 5], 22)),
    ]),
  );
  for (const [N, C] of [
    [24, 16],
    [6, 10], // wasm: rows not a multiple of 4 take the js loops
    [7, 10],
  ]) {
    diff[`layerNorm ${[N, C]}`] = await bothWays(() =>
      tf.tidy(() => {
        const x = tf.add(tf.mul(normal([N, C], 9), 3), 1);
        const g = normal([C], 10);
        const b = normal([C], 11);
        const dy = normal([N, C], 12);
        const f = (xs: tf.Tensor, gs: tf.Tensor, bs: tf.Tensor) => tf.sum(tf.mul(layerNorm(xs, gs, bs), dy));
        const { value, grads } = tf.valueAndGrads(f)([x, g, b]);
        return [value, ...grads].map((t) => tf.keep(t));
      }),
    );
  }
  const batchedFallbacks = fallbacks.batchedMatMul - fallbacksBefore;
  // After the count: on WebGL attention's odd-sized products fall back, as they may.
  for (const [B, T, nh, hs] of [
    [2, 7, 2, 8], // 7 keys: the softmax's vector loop and its scalar tail
    [1, 13, 3, 4],
  ]) {
    diff[`causal attention ${[B, T, nh, hs]}`] = await bothWays(() =>
      tf.tidy(() => {
        const qkv = tf.mul(normal([B * T, 3 * nh * hs], 25), 2) as tf.Tensor2D;
        const mask = tf.mul(tf.sub(1, tf.linalg.bandPart(tf.ones([T, T]), -1, 0)), -1e9) as tf.Tensor2D;
        const headMask = tf.tensor1d(Array.from({ length: nh }, (_, h) => [1, 0, 0.5][h % 3]));
        const dy = normal([B * T, nh * hs], 26);
        const shape = { B, T, nh, hs };
        const kept: tf.Tensor[] = [];
        const y = causalAttention(qkv, shape, { mask, keep: (a) => kept.push(a) });
        const f = (x: tf.Tensor) =>
          tf.sum(tf.mul(causalAttention(x as tf.Tensor2D, shape, { mask, headMask }), dy));
        const { value, grads } = tf.valueAndGrads(f)([qkv]);
        return [y, ...kept, value, ...grads].map((t) => tf.keep(t));
      }),
    );
  }
  diff.adamw = await bothWays(() => adamSteps());
  const losses = { fused: await trainLosses(true), composed: await trainLosses(false) };
  setFusedKernels(true);
  const fused = Object.fromEntries(Object.entries(FUSED).map(([k, name]) => [k, canFuse(name)]));
  return { backend: tf.getBackend(), fused, diff, fallbacks: batchedFallbacks, losses };
}

/** Three AdamW steps on two parameters (one decayed) with clipping; returns params and moments. */
async function adamSteps(): Promise<tf.Tensor[]> {
  const params = new Map([
    ['w', variableFrom(normal([12, 10], 6), true, 'check.w')],
    ['b', variableFrom(normal([10], 7), true, 'check.b')],
  ]);
  const opt = new AdamW(params, (n) => n === 'w');
  for (let step = 0; step < 3; step++) {
    tf.tidy(() => {
      const grads = { 'check.w': normal([12, 10], 8 + step), 'check.b': normal([10], 20 + step) };
      opt.apply(grads, 0.01);
    });
  }
  const out: tf.Tensor[] = [...params.values()].map((p) => p.clone());
  const { m, v } = await opt.readState();
  for (const moments of [m, v]) for (const t of moments.values()) out.push(tf.tensor(t));
  opt.dispose();
  for (const p of params.values()) p.dispose();
  return out;
}

/** Loss of four training steps of a small GPT (2 layers, 4 heads) on a fixed token stream. */
async function trainLosses(fused: boolean): Promise<number[]> {
  setFusedKernels(fused);
  const ids = Int32Array.from({ length: 400 }, (_, i) => (i * 7 + (i % 5)) % 23);
  const model = GPT.create(makeConfig({ n_layer: 2, n_head: 4, n_embd: 32, block_size: 16 }, 23), 3);
  const trainer = new Trainer(
    model,
    { train: ids, val: ids },
    { batchSize: 4, seed: 5, schedule: { learningRate: 1e-2, minLr: 1e-3, warmupIters: 0, decayIters: 10 } },
  );
  const losses = await trainSteps(trainer, 4);
  trainer.dispose();
  model.dispose();
  return losses;
}
