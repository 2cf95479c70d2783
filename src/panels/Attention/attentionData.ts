/**
 * The attention panel's data, prepared away from the DOM: one head's (query × key) matrix as
 * keyed cells with the causal mask flagged, its colour range, labels, ablation state, CSV rows.
 */
import { fixed, t } from '../../i18n/i18n';
import type { AttentionSnapshot, InspectResult } from '../../worker/api';

/** What the panel draws from: a live inspection or a training snapshot. */
export interface AttentionSource {
  /** (L, nh, T, T) row-major: [layer][head][query][key]. */
  attention: Float32Array;
  tokens: string[];
  nLayer: number;
  nHead: number;
  T: number;
}

export interface Cell {
  /** Join key "q:k": a cell keeps its element while the context grows. */
  id: string;
  q: number;
  k: number;
  w: number;
  /** Key after the query: the causal mask hides it (weight 0 by construction). */
  masked: boolean;
}

export interface HeadRef {
  layer: number;
  head: number;
}

export function sourceFromResult(r: InspectResult): AttentionSource {
  return { attention: r.attention, tokens: r.tokens, nLayer: r.n_layer, nHead: r.n_head, T: r.ids.length };
}

/** A snapshot as a source, or null when its shape does not match (L, nh) (e.g. an older model's). */
export function sourceFromSnapshot(
  s: AttentionSnapshot,
  nLayer: number,
  nHead: number,
): AttentionSource | null {
  const T = s.tokens.length;
  if (T === 0 || s.attention.length !== nLayer * nHead * T * T) return null;
  return { attention: s.attention, tokens: s.tokens, nLayer, nHead, T };
}

/** Which snapshot to show: the chosen one (clamped), none for live, or the newest when there is no live inspection. */
export function shownSnapshot(count: number, chosen: number | null, hasLive: boolean): number | null {
  if (count === 0) return null;
  if (chosen !== null) return clamp(chosen, 0, count - 1);
  return hasLive ? null : count - 1;
}

/** One head's T×T block, as a view (no copy). */
export function headMatrix(src: AttentionSource, layer: number, head: number): Float32Array {
  const n = src.T * src.T;
  const start = (layer * src.nHead + head) * n;
  return src.attention.subarray(start, start + n);
}

/** Every (query, key) cell of one head, row by row; cells above the diagonal are flagged masked. */
export function attentionCells(src: AttentionSource, layer: number, head: number): Cell[] {
  const m = headMatrix(src, layer, head);
  const T = src.T;
  const cells: Cell[] = new Array(T * T);
  for (let q = 0; q < T; q++) {
    for (let k = 0; k < T; k++) {
      const masked = k > q;
      cells[q * T + k] = { id: `${q}:${k}`, q, k, w: masked ? 0 : m[q * T + k], masked };
    }
  }
  return cells;
}

/**
 * The top of the colour scale: the largest visible (unmasked, finite) weight, never below
 * `floor`. The first query row is skipped when there are others: it can only attend to
 * itself, so its weight is always 1 and would flatten every head's scale to 0…1.
 */
export function maxWeight(matrix: ArrayLike<number>, T: number, floor = 1e-6): number {
  let max = floor;
  for (let q = T > 1 ? 1 : 0; q < T; q++) {
    for (let k = 0; k <= q; k++) {
      const w = matrix[q * T + k];
      if (Number.isFinite(w) && w > max) max = w;
    }
  }
  return max;
}

/** Each query row's total weight (1 for a softmax row). */
export function rowSums(matrix: ArrayLike<number>, T: number): number[] {
  const sums: number[] = [];
  for (let q = 0; q < T; q++) {
    let s = 0;
    for (let k = 0; k < T; k++) s += matrix[q * T + k];
    sums.push(s);
  }
  return sums;
}

/** The key a query attends to most (ties: the earliest). */
export function strongestKey(matrix: ArrayLike<number>, T: number, q: number): number {
  let best = 0;
  for (let k = 1; k <= q; k++) if (matrix[q * T + k] > matrix[q * T + best]) best = k;
  return best;
}

const NAMED: Readonly<Record<string, string>> = { ' ': '␣', '\n': '↵', '\t': '⇥', '\r': '␍' };
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

/** A token's text with whitespace made visible ("␣", "↵"), shortened to `max` characters with "…". */
export function showToken(text: string, max = Number.POSITIVE_INFINITY): string {
  let out = '';
  for (const ch of text) {
    const named = NAMED[ch];
    if (named !== undefined) out += named;
    else if (INVISIBLE.test(ch))
      out += `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;
    else out += ch;
  }
  if (out.length === 0) return '∅';
  const chars = Array.from(out);
  return chars.length > max ? `${chars.slice(0, Math.max(1, max - 1)).join('')}…` : out;
}

export function formatWeight(w: number): string {
  return fixed(w, 2);
}

/**
 * The hover read-out: "query 'x' → key 'y': 0.43", or why the cell is empty. `shown(i)` is what
 * stands for token i (by default the token itself, made visible).
 */
export function cellText(
  tokens: string[],
  q: number,
  k: number,
  w: number,
  shown = (i: number) => showToken(tokens[i] ?? ''),
): string {
  const names = { query: shown(q), key: shown(k) };
  if (k > q) return t('attention.cellMasked', names);
  return t('attention.cell', { ...names, weight: formatWeight(w) });
}

export function headLabel(layer: number, head: number): string {
  return `L${layer} H${head}`;
}

/** Heads switched off in a mask (0 = ablated), in (layer, head) order. */
export function ablatedHeads(mask: number[] | null, nHead: number): HeadRef[] {
  if (!mask || nHead <= 0) return [];
  const out: HeadRef[] = [];
  mask.forEach((m, i) => {
    if (m === 0) out.push({ layer: Math.floor(i / nHead), head: i % nHead });
  });
  return out;
}

export function isAblated(mask: number[] | null, nHead: number, layer: number, head: number): boolean {
  return !!mask && mask[layer * nHead + head] === 0;
}

export function ablationNotice(count: number): string {
  if (count === 0) return '';
  return t('attention.ablationNotice', { count });
}

/** Step through heads in reading order (L0 H0, L0 H1, … L1 H0, …), wrapping at both ends. */
export function cycleHead(at: HeadRef, delta: number, nLayer: number, nHead: number): HeadRef {
  const n = nLayer * nHead;
  if (n <= 0) return at;
  const i = (((at.layer * nHead + at.head + delta) % n) + n) % n;
  return { layer: Math.floor(i / nHead), head: i % nHead };
}

export function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}

export const CSV_HEADER = ['layer', 'head', 'query_pos', 'query_token', 'key_pos', 'key_token', 'weight'];

/** CSV rows for one head, or every head: only visible (unmasked) cells, weights to 6 decimals. */
export function attentionCsv(src: AttentionSource, heads: HeadRef | 'all'): (string | number)[][] {
  const list: HeadRef[] =
    heads === 'all'
      ? Array.from({ length: src.nLayer * src.nHead }, (_, i) => ({
          layer: Math.floor(i / src.nHead),
          head: i % src.nHead,
        }))
      : [heads];
  const rows: (string | number)[][] = [];
  for (const { layer, head } of list) {
    const m = headMatrix(src, layer, head);
    for (let q = 0; q < src.T; q++) {
      for (let k = 0; k <= q; k++) {
        rows.push([layer, head, q, src.tokens[q], k, src.tokens[k], Number(m[q * src.T + k].toFixed(6))]);
      }
    }
  }
  return rows;
}
