/**
 * The logit lens grid, prepared away from the DOM: one row per residual-stream layer (the
 * embeddings, then after each block; the last row is the model's own output), one column per
 * context position, each cell holding the top-k guesses for the next token there.
 */
import { formatNumber, t } from '../../i18n/i18n';
import type { InspectResult } from '../../worker/api';

export type LensSource = Pick<
  InspectResult,
  'ids' | 'tokens' | 'vocab' | 'n_layer' | 'lensIds' | 'lensProbs' | 'lensK'
>;

export interface Candidate {
  id: number;
  text: string;
  prob: number;
}

export interface LensCell {
  /** 0 = embeddings, n_layer = after the last block (the model's output). */
  layer: number;
  pos: number;
  /** The top guess. */
  id: number;
  text: string;
  prob: number;
  /** Top-k guesses, most probable first. */
  top: Candidate[];
  /** The actual next token in the context, or null at the last position. */
  next: number | null;
  /** The top guess equals the actual next token. */
  correct: boolean;
  /** The final row's last column: the model's next-token prediction. */
  prediction: boolean;
}

export interface LensRow {
  layer: number;
  label: string;
  output: boolean;
}

export interface LensCol {
  pos: number;
  id: number;
  /** The token's text with whitespace made visible. */
  label: string;
  /** The raw token text. */
  raw: string;
}

export interface LensGrid {
  rows: LensRow[];
  cols: LensCol[];
  /** Row-major: cells[layer * T + pos]. */
  cells: LensCell[];
  T: number;
  k: number;
}

/** "embed", "after block 3", and for the last layer "after block L = output". */
export function rowLabel(layer: number, nLayer: number): string {
  if (layer === 0) return t('logitLens.rowEmbed');
  return t(layer === nLayer ? 'logitLens.rowOutput' : 'logitLens.rowBlock', { k: layer });
}

/** Whitespace and invisibles as visible stand-ins (vocab text already is; raw tokens may not be). */
export function visibleText(text: string): string {
  return text.replace(/ /g, '␣').replace(/\n/g, '↵').replace(/\t/g, '⇥').replace(/\r/g, '␍');
}

export function lensCells(r: LensSource): LensGrid {
  const T = r.ids.length;
  const k = r.lensK;
  const L = r.n_layer;
  const text = (id: number) => r.vocab[id] ?? `#${id}`;
  const rows: LensRow[] = Array.from({ length: L + 1 }, (_, layer) => ({
    layer,
    label: rowLabel(layer, L),
    output: layer === L,
  }));
  const cols: LensCol[] = r.ids.map((id, pos) => ({
    pos,
    id,
    label: r.vocab[id] ?? visibleText(r.tokens[pos] ?? ''),
    raw: r.tokens[pos] ?? '',
  }));
  const cells: LensCell[] = [];
  for (let layer = 0; layer <= L; layer++) {
    for (let pos = 0; pos < T; pos++) {
      const base = (layer * T + pos) * k;
      const top: Candidate[] = [];
      for (let j = 0; j < k; j++) {
        const id = r.lensIds[base + j];
        top.push({ id, text: text(id), prob: r.lensProbs[base + j] });
      }
      const next = pos + 1 < T ? r.ids[pos + 1] : null;
      cells.push({
        layer,
        pos,
        id: top[0].id,
        text: top[0].text,
        prob: top[0].prob,
        top,
        next,
        correct: next !== null && top[0].id === next,
        prediction: layer === L && pos === T - 1,
      });
    }
  }
  return { rows, cols, cells, T, k };
}

export function cellAt(grid: LensGrid, layer: number, pos: number): LensCell | undefined {
  if (layer < 0 || layer >= grid.rows.length || pos < 0 || pos >= grid.T) return undefined;
  return grid.cells[layer * grid.T + pos];
}

/** CSV: one row per (layer, position, rank), every one of the k candidates. */
export function lensCsv(grid: LensGrid): { header: string[]; rows: (string | number)[][] } {
  const rows: (string | number)[][] = [];
  for (const c of grid.cells) {
    c.top.forEach((cand, j) => {
      rows.push([c.layer, c.pos, grid.cols[c.pos].raw, j + 1, cand.text, Number(cand.prob.toFixed(6))]);
    });
  }
  return { header: ['layer', 'position', 'token', 'rank', 'candidate', 'probability'], rows };
}

/** How many positions each layer gets right (its top guess is the actual next token). */
export function accuracyByLayer(grid: LensGrid): number[] {
  return grid.rows.map((row) => {
    let n = 0;
    for (let pos = 0; pos < grid.T; pos++) if (grid.cells[row.layer * grid.T + pos].correct) n++;
    return n;
  });
}

/** One sentence for screen readers. */
export function lensSummary(grid: LensGrid): string {
  if (grid.T === 0) return t('logitLens.summaryEmpty');
  const acc = accuracyByLayer(grid);
  const checkable = Math.max(0, grid.T - 1);
  const pred = grid.cells[grid.cells.length - 1];
  const parts = grid.rows.map((r, i) =>
    t('logitLens.summaryLayer', { row: r.label, correct: acc[i], checkable }),
  );
  return t('logitLens.summary', {
    T: grid.T,
    layers: grid.rows.length,
    parts: parts.join(t('logitLens.summarySeparator')),
    token: pred.text,
    prob: pct(pred.prob),
  });
}

/** A probability as a percentage: one decimal, none near 0 or 1 ("12.3%", "100%"). */
export function pct(p: number): string {
  const digits = p >= 0.995 || p < 0.001 ? 0 : 1;
  return formatNumber(p, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export type LensKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

/**
 * Keyboard moves: ←/→ (Home/End) move the selected position, ↑/↓ the focused layer row.
 * Rows are drawn embeddings first, so ↓ goes deeper. Returns null for keys it does not handle.
 */
export function lensMove(
  key: string,
  at: { pos: number | null; row: number },
  T: number,
  rows: number,
): { pos: number; row: number } | null {
  const pos = at.pos ?? T - 1;
  const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));
  switch (key) {
    case 'ArrowLeft':
      return { pos: clamp(at.pos === null ? T - 1 : pos - 1, T), row: at.row };
    case 'ArrowRight':
      return { pos: clamp(at.pos === null ? T - 1 : pos + 1, T), row: at.row };
    case 'Home':
      return { pos: 0, row: at.row };
    case 'End':
      return { pos: T - 1, row: at.row };
    case 'ArrowUp':
      return { pos, row: clamp(at.row - 1, rows) };
    case 'ArrowDown':
      return { pos, row: clamp(at.row + 1, rows) };
    default:
      return null;
  }
}

/** The text shortened to fit in `maxChars` characters, with an ellipsis when cut. */
export function clipText(text: string, maxChars: number): string {
  const chars = [...text];
  if (chars.length <= maxChars) return text;
  if (maxChars <= 1) return '…';
  return `${chars.slice(0, maxChars - 1).join('')}…`;
}
