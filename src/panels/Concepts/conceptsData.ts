/**
 * The Concepts panel's numbers, from the worker's read-out (embedding, q, k, logits at one
 * position) and the inspection it explains: heat strips, the q·k → weight chain, softmax at
 * a temperature, and the cross-entropy against the true next token.
 */
// src/model/sample.ts is pure JS (no tfjs): the same softmax the sampler uses.
import { softmax } from '../../model/sample';
import type { ConceptsResult, InspectResult } from '../../worker/api';

export type Stage = 'text' | 'tokens' | 'embeddings' | 'layers' | 'softmax' | 'loss' | 'update';
export const STAGES: Stage[] = ['text', 'tokens', 'embeddings', 'layers', 'softmax', 'loss', 'update'];

export interface Strip {
  id: string;
  label: string;
  values: Float32Array;
  min: number;
  max: number;
}

export interface Bar {
  id: number;
  text: string;
  p: number;
  isTrue: boolean;
}

export interface LossView {
  trueId: number;
  trueText: string;
  p: number;
  nats: number;
  bits: number;
  /** 1 = the model's top guess. */
  rank: number;
}

export interface ConceptsView {
  position: number;
  tokenId: number;
  tokenText: string;
  layer: number;
  head: number;
  keyPosition: number;
  keyText: string;
  hs: number;
  embedding: Strip[];
  attention: Strip[];
  dot: number;
  scaled: number;
  weight: number;
  /** The same cell in the inspection's attention map (null when the inspection moved on). */
  mapWeight: number | null;
  /** The softmax row the weight comes from: keys 0..position. */
  row: { key: number; text: string; weight: number }[];
  temperature: number;
  bars: Bar[];
  loss: LossView | null;
}

export function strip(id: string, label: string, values: Float32Array): Strip {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return { id, label, values, min, max };
}

/** attention[layer][head][query][key] of an inspection, or null when out of range. */
export function attentionAt(
  r: InspectResult,
  layer: number,
  head: number,
  q: number,
  k: number,
): number | null {
  const T = r.ids.length;
  if (layer >= r.n_layer || head >= r.n_head || q >= T || k > q) return null;
  return r.attention[((layer * r.n_head + head) * T + q) * T + k];
}

/** Top-k tokens of softmax(logits / T), plus the true next token (marked) when it is not among them. */
export function temperatureBars(
  logits: ArrayLike<number>,
  vocab: string[],
  T: number,
  k: number,
  trueId = -1,
) {
  const p = softmax(logits, Math.max(T, 1e-3));
  const order = Array.from(p.keys()).sort((a, b) => p[b] - p[a] || a - b);
  const ids = order.slice(0, k);
  if (trueId >= 0 && !ids.includes(trueId)) ids.push(trueId); // the true next token always has its bar
  return ids.map((id) => ({ id, text: vocab[id] ?? String(id), p: p[id], isTrue: id === trueId }));
}

/** −log p(true next token) at temperature 1, in nats and bits, and where it ranks. */
export function crossEntropy(logits: ArrayLike<number>, trueId: number): Omit<LossView, 'trueText'> {
  const p = softmax(logits);
  let rank = 1;
  for (let i = 0; i < p.length; i++) if (p[i] > p[trueId]) rank++;
  const nats = -Math.log(p[trueId]);
  return { trueId, p: p[trueId], nats, bits: nats / Math.LN2, rank };
}

export function buildConceptsView(
  c: ConceptsResult,
  r: InspectResult,
  tokens: string[],
  temperature: number,
  k = 8,
): ConceptsView {
  const T = r.ids.length;
  const sameContext = c.position < T && r.ids[c.position] === c.token;
  const next = sameContext && c.position < T - 1 ? r.ids[c.position + 1] : -1;
  const products = c.q.map((v, i) => v * c.k[i]);
  const label = (i: number) => tokens[i] ?? '?';
  return {
    position: c.position,
    tokenId: c.token,
    tokenText: r.vocab[c.token] ?? String(c.token),
    layer: c.layer,
    head: c.head,
    keyPosition: c.keyPosition,
    keyText: label(c.keyPosition),
    hs: c.q.length,
    embedding: [
      strip('wte', `wte[${c.token}]`, c.tokenEmbedding),
      strip('wpe', `wpe[${c.position}]`, c.positionEmbedding),
      strip('x', 'x = sum', c.embedding),
    ],
    attention: [
      strip('q', `q @${c.position}`, c.q),
      strip('k', `k @${c.keyPosition}`, c.k),
      strip('qk', 'q ⊙ k', products),
    ],
    dot: c.dot,
    scaled: c.scaled,
    weight: c.weight,
    mapWeight: sameContext ? attentionAt(r, c.layer, c.head, c.position, c.keyPosition) : null,
    row: Array.from(c.weights, (weight, key) => ({ key, text: label(key), weight })),
    temperature,
    bars: temperatureBars(c.logits, r.vocab, temperature, k, next),
    loss: next < 0 ? null : { ...crossEntropy(c.logits, next), trueText: r.vocab[next] ?? String(next) },
  };
}

const f = (v: number, d = 4) => Number(v.toFixed(d));

/** CSV rows: quantity, index, label, value. */
export function csvRows(v: ConceptsView): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const s of [...v.embedding, ...v.attention]) {
    for (let i = 0; i < s.values.length; i++) rows.push([s.id, i, s.label, f(s.values[i], 6)]);
  }
  rows.push(
    ['dot', v.keyPosition, 'q·k', f(v.dot, 6)],
    ['scaled', v.keyPosition, `q·k/√${v.hs}`, f(v.scaled, 6)],
  );
  rows.push(['weight', v.keyPosition, 'softmax', f(v.weight, 6)]);
  if (v.mapWeight !== null) rows.push(['attention_map', v.keyPosition, 'inspection', f(v.mapWeight, 6)]);
  for (const r of v.row) rows.push(['row_weight', r.key, r.text, f(r.weight, 6)]);
  for (const b of v.bars) rows.push([`softmax_T=${v.temperature}`, b.id, b.text, f(b.p, 6)]);
  if (v.loss) rows.push(['loss_nats', v.loss.trueId, v.loss.trueText, f(v.loss.nats, 6)]);
  if (v.loss) rows.push(['loss_bits', v.loss.trueId, v.loss.trueText, f(v.loss.bits, 6)]);
  return rows;
}

/** A context token's text with whitespace made visible. */
export function visible(text: string): string {
  return text.replace(/ /g, '␣').replace(/\n/g, '↵').replace(/\t/g, '⇥');
}
