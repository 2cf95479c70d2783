/**
 * Two live figures for the guided lesson that no panel computes: one real step of gradient
 * descent on a real batch (loss before and after, and the weight that moved most), and a token's
 * embedding beside the tokens whose embeddings point the same way. The step is taken on the
 * model's own weights and undone before returning: the lesson shows training, it does not train.
 */
import * as tf from '@tensorflow/tfjs';
import type { GPT } from '../model/gpt';
import type { EmbeddingNeighbours, StepDemo } from './types';

export type { EmbeddingNeighbours, StepDemo };

/** Up to `maxRows` windows of block_size+1 tokens from `ids`, side by side: x (B, T) and y = x shifted by one. */
export function passageBatch(ids: ArrayLike<number>, blockSize: number, maxRows = 4) {
  const T = Math.min(blockSize, ids.length - 1);
  if (T < 1) throw new RangeError('the passage needs at least two tokens');
  const B = Math.max(1, Math.min(maxRows, Math.floor((ids.length - 1) / T)));
  const x: number[] = [];
  const y: number[] = [];
  for (let b = 0; b < B; b++)
    for (let t = 0; t < T; t++) {
      x.push(ids[b * T + t]);
      y.push(ids[b * T + t + 1]);
    }
  return { x, y, B, T };
}

/** The (row, column) of a flat index in PyTorch's layout of that parameter (Linear weights are stored transposed). */
function torchIndex(model: GPT, name: string, flat: number): number[] {
  const spec = model.specs.find((s) => s.name === name)!;
  const shape = spec.linear ? [spec.torchShape[1], spec.torchShape[0]] : spec.torchShape;
  if (shape.length === 1) return [flat];
  const [r, c] = [Math.floor(flat / shape[1]), flat % shape[1]];
  return spec.linear ? [c, r] : [r, c];
}

/**
 * w ← w − η·∂L/∂w on every weight at once, for the batch `passageBatch(ids)`: the loss before and
 * after on that same batch, the gradient's norm, and the single weight with the largest |∂L/∂w|.
 */
export async function stepDemo(model: GPT, ids: ArrayLike<number>, learningRate: number): Promise<StepDemo> {
  const { x, y, B, T } = passageBatch(ids, model.config.block_size);
  const xs = tf.tensor2d(x, [B, T], 'int32');
  const ys = tf.tensor2d(y, [B, T], 'int32');
  const saved = new Map([...model.params].map(([name, v]) => [name, tf.clone(v)]));
  try {
    const { value, grads } = tf.variableGrads(() => model.loss(xs, ys), model.trainable);
    const byVariable = new Map([...model.params].map(([name, v]) => [v.name, name]));
    // Per parameter: where its largest |g| is, that |g|, and Σg² (three scalars read back each).
    const peaks = tf.tidy(() =>
      Object.entries(grads).map(([vname, g]) => {
        const abs = tf.reshape(tf.abs(g), [-1]);
        return {
          name: byVariable.get(vname)!,
          scalars: tf.stack([tf.cast(tf.argMax(abs), 'float32'), tf.max(abs), tf.sum(tf.square(g))]),
        };
      }),
    );
    let best = { name: '', flat: 0, abs: -1 };
    let squared = 0;
    for (const p of peaks) {
      const [flat, abs, sum] = await p.scalars.data();
      squared += sum;
      if (abs > best.abs) best = { name: p.name, flat, abs };
    }
    tf.dispose(peaks.map((p) => p.scalars));
    const bestVar = model.params.get(best.name)!;
    const read = async (v: tf.Tensor) => {
      const one = tf.tidy(() => tf.slice(tf.reshape(v, [-1]), best.flat, 1));
      const [n] = await one.data();
      one.dispose();
      return n;
    };
    const before = await read(bestVar);
    const grad = await read(grads[bestVar.name]);
    tf.tidy(() => {
      for (const v of model.trainable) v.assign(tf.sub(v, tf.mul(grads[v.name], learningRate)));
    });
    const after = await read(bestVar);
    const lossAfter = tf.tidy(() => model.loss(xs, ys));
    const result: StepDemo = {
      B,
      T,
      lossBefore: (await value.data())[0],
      lossAfter: (await lossAfter.data())[0],
      learningRate,
      gradNorm: Math.sqrt(squared),
      weight: { name: best.name, index: torchIndex(model, best.name, best.flat), before, after, grad },
    };
    tf.dispose([value, lossAfter, ...Object.values(grads)]);
    return result;
  } finally {
    for (const [name, v] of model.params) v.assign(saved.get(name)!);
    tf.dispose([xs, ys, ...saved.values()]);
  }
}

/** wte row `id` (C,) and the `k` other tokens whose rows have the largest cosine similarity with it. */
export async function embeddingNeighbours(model: GPT, id: number, k: number): Promise<EmbeddingNeighbours> {
  const V = model.config.vocab_size;
  if (!(Number.isInteger(id) && id >= 0 && id < V))
    throw new RangeError(`token id ${id} is outside 0…${V - 1}`);
  const [row, cosines] = tf.tidy(() => {
    const wte = model.params.get('transformer.wte.weight')!; // (V, C)
    const unit = tf.div(wte, tf.add(tf.norm(wte, 'euclidean', 1, true), 1e-12)); // rows of length 1
    const me = tf.slice(unit, [id, 0], [1, -1]); // (1, C)
    return [
      tf.reshape(tf.slice(wte, [id, 0], [1, -1]), [-1]),
      tf.reshape(tf.matMul(unit, me, false, true), [-1]),
    ];
  });
  const [vector, cos] = (await Promise.all([row.data(), cosines.data()])) as Float32Array[];
  tf.dispose([row, cosines]);
  const order = Array.from({ length: V }, (_, i) => i)
    .filter((i) => i !== id)
    .sort((a, b) => cos[b] - cos[a]);
  return { id, vector, neighbours: order.slice(0, k).map((i) => ({ id: i, cosine: cos[i] })) };
}
