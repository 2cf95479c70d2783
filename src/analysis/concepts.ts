/**
 * The textbook concepts, on the live model: one token's input embedding (wte row + wpe row),
 * and for one attention cell (layer, head, query position, key position) the q and k vectors
 * behind it, their dot product, the 1/√hs scaling and the softmax weight; plus the logits at
 * the query position. Same weights and math as gpt.ts: the residual entering the block comes
 * from the model's own traced forward pass, then ln_1 → c_attn (stored (in, out), output
 * columns [q | k | v], each C wide and split into n_head heads of hs).
 */
import * as tf from '@tensorflow/tfjs';
import { type GPT, headMaskTensor } from '../model/gpt';
import type { Concepts } from './types';

export type { Concepts };

import { layerNorm } from '../model/layernorm';
import { contextIds } from './inspect';

export interface ConceptsQuery {
  ids: ArrayLike<number>;
  /** Query position within the (cropped) context. */
  position: number;
  layer: number;
  head: number;
  /** Key position ≤ position; omitted = the key the query attends to most. */
  keyPosition?: number;
  /** (n_layer·n_head) head multipliers as in inspect(); omitted = all heads on. */
  headMask?: number[];
}

function check(name: string, v: number, lo: number, hi: number): void {
  if (!Number.isInteger(v) || v < lo || v > hi)
    throw new RangeError(`${name} must be a whole number in [${lo}, ${hi}]`);
}

function dotProduct(a: ArrayLike<number>, b: ArrayLike<number>, offset = 0): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[offset + i];
  return s;
}

export async function concepts(model: GPT, query: ConceptsQuery): Promise<Concepts> {
  const ctx = contextIds(model, query.ids);
  const T = ctx.length;
  const { n_layer, n_head: nh, n_embd: C, bias } = model.config;
  const hs = C / nh;
  const { position, layer, head } = query;
  check('position', position, 0, T - 1);
  check('layer', layer, 0, n_layer - 1);
  check('head', head, 0, nh - 1);
  if (query.keyPosition !== undefined) check('key position', query.keyPosition, 0, position);
  const P = position + 1; // keys the query may see

  const param = (name: string) => {
    const p = model.params.get(name);
    if (!p) throw new Error(`no parameter ${name}`);
    return p;
  };
  const h = `transformer.h.${layer}`;
  const tensors = tf.tidy(() => {
    const idx = tf.tensor2d(ctx, [1, T], 'int32');
    const { logits, trace } = model.forward(idx, {
      trace: true,
      headMask: headMaskTensor(model, query.headMask),
    });
    const wte = tf.reshape(tf.slice(param('transformer.wte.weight'), [ctx[position], 0], [1, C]), [C]); // (C,)
    const wpe = tf.reshape(tf.slice(param('transformer.wpe.weight'), [position, 0], [1, C]), [C]); // (C,)
    const x = tf.reshape(tf.slice(trace!.residual[layer], [0, 0, 0], [1, P, C]), [P, C]); // (P, C): block input
    const xn = layerNorm(x, param(`${h}.ln_1.weight`), bias ? param(`${h}.ln_1.bias`) : undefined);
    let qkv = tf.matMul(xn, param(`${h}.attn.c_attn.weight`)); // (P, 3C) = [q | k | v]
    if (bias) qkv = tf.add(qkv, param(`${h}.attn.c_attn.bias`));
    const q = tf.reshape(tf.slice(qkv, [position, head * hs], [1, hs]), [hs]); // (hs,)
    const keys = tf.slice(qkv, [0, C + head * hs], [P, hs]); // (P, hs): this head's keys 0..position
    const row = tf.reshape(tf.slice(logits, [0, position, 0], [1, 1, -1]), [-1]); // (V,)
    return [wte, wpe, q, keys, row];
  });
  const [wte, wpe, q, keys, logits] = (await Promise.all(tensors.map((t) => t.data()))) as Float32Array[];
  tf.dispose(tensors);

  // The attention row in float64: scaled scores for keys 0..position, then a stable softmax.
  const scale = 1 / Math.sqrt(hs);
  const scores = new Float32Array(P);
  const raw = Array.from({ length: P }, (_, j) => dotProduct(q, keys, j * hs));
  const max = Math.max(...raw.map((d) => d * scale));
  const exps = raw.map((d) => Math.exp(d * scale - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  const weights = Float32Array.from(exps, (e) => e / sum);
  raw.forEach((d, j) => {
    scores[j] = d * scale;
  });
  let keyPosition = query.keyPosition ?? 0;
  if (query.keyPosition === undefined)
    for (let j = 1; j < P; j++) if (exps[j] > exps[keyPosition]) keyPosition = j;

  const embedding = new Float32Array(C);
  for (let c = 0; c < C; c++) embedding[c] = wte[c] + wpe[c];
  return {
    position,
    layer,
    head,
    keyPosition,
    token: ctx[position],
    tokenEmbedding: wte,
    positionEmbedding: wpe,
    embedding,
    q,
    k: keys.slice(keyPosition * hs, (keyPosition + 1) * hs),
    dot: raw[keyPosition],
    scaled: raw[keyPosition] * scale,
    weight: exps[keyPosition] / sum,
    scores,
    weights,
    logits,
  };
}
