/**
 * The arrows view's geometry: the tokens in a row and, from the selected query, one curve
 * back to each key it attends to, stroke width and opacity growing with the weight.
 * Causal attention only looks back, so every arc ends at or before its query.
 */

export interface StripLayout {
  T: number;
  /** Width of one token slot. */
  cell: number;
  pad: number;
  width: number;
  height: number;
  /** Where arcs start and end: the top edge of the token boxes. */
  baseline: number;
  /** Height of the token boxes. */
  tokenH: number;
}

export interface Arc {
  /** Join key "query:key". */
  id: string;
  query: number;
  key: number;
  weight: number;
  /** SVG path from the query back to the key (a loop above the token for key = query). */
  d: string;
  /** The arc's highest point, where its weight label goes. */
  apex: { x: number; y: number };
  width: number;
  opacity: number;
}

export interface ArcOptions {
  baseline: number;
  /** Tallest arc, in px (arcs between distant tokens rise higher, up to this). */
  maxHeight: number;
  /** Stroke width of the heaviest arc, in px. */
  maxWidth?: number;
  /** Arcs lighter than this are left out (the heaviest one is always kept). */
  minWeight?: number;
  /** The weight drawn at full width and opacity (default: the row's largest); pass the head's
   * maximum so a flat row (every weight 1/T) draws faint, as it should. */
  scaleMax?: number;
}

const PAD = 8;

/** Token slots at least `minCell` wide; wider than the container when T is large (it scrolls). */
export function stripLayout(T: number, containerWidth: number, minCell = 18, arcSpace = 110): StripLayout {
  const inner = Math.max(0, containerWidth - 2 * PAD);
  const cell = T > 0 ? Math.max(minCell, Math.min(44, inner / T)) : minCell;
  const tokenH = 26;
  const baseline = arcSpace;
  return {
    T,
    cell,
    pad: PAD,
    width: Math.ceil(T * cell + 2 * PAD),
    height: baseline + tokenH + 22,
    baseline,
    tokenH,
  };
}

/** Centre of token slot i. */
export function tokenX(layout: StripLayout, i: number): number {
  return layout.pad + (i + 0.5) * layout.cell;
}

/**
 * Arcs from `query` back to every key k ≤ query whose weight is at least `minWeight`,
 * lightest first (so the heaviest draw on top). `row` is the query's row of the head's matrix.
 */
export function attentionArcs(
  row: ArrayLike<number>,
  query: number,
  x: (i: number) => number,
  opts: ArcOptions,
): Arc[] {
  if (query < 0) return [];
  const maxWidth = opts.maxWidth ?? 10;
  const minWeight = opts.minWeight ?? 0.02;
  let top = 0;
  for (let k = 0; k <= query && k < row.length; k++) if (row[k] > row[top]) top = k;
  const max = Math.max(opts.scaleMax ?? row[top] ?? 0, 1e-9);
  // Arcs rise with distance; the longest one from this query reaches maxHeight.
  const xq = x(query);
  const span = Math.max(1, Math.abs(xq - x(0)));
  const arcs: Arc[] = [];
  const b = opts.baseline;
  for (let k = 0; k <= query && k < row.length; k++) {
    const w = row[k];
    if (!Number.isFinite(w) || (w < minWeight && k !== top)) continue;
    const xk = x(k);
    let d: string;
    let apex: Arc['apex'];
    if (k === query) {
      const r = 9;
      d = `M${xq - 4},${b}C${xq - r * 1.6},${b - r * 2.6} ${xq + r * 1.6},${b - r * 2.6} ${xq + 4},${b}`;
      apex = { x: xq, y: b - r * 2.6 * 0.75 };
    } else {
      const h = 12 + (opts.maxHeight - 12) * Math.sqrt(Math.min(1, Math.abs(xq - xk) / span));
      d = `M${xq},${b}C${xq},${b - h} ${xk},${b - h} ${xk},${b}`;
      apex = { x: (xq + xk) / 2, y: b - h * 0.75 };
    }
    const t = Math.max(0, Math.min(1, w / max));
    arcs.push({
      id: `${query}:${k}`,
      query,
      key: k,
      weight: w,
      d,
      apex,
      width: 0.75 + (maxWidth - 0.75) * t,
      opacity: 0.2 + 0.8 * t,
    });
  }
  return arcs.sort((a, c) => a.weight - c.weight);
}

/** The arcs worth a number: the `n` heaviest, skipping any whose label would sit within `gap` px of one kept. */
export function labelledArcs(arcs: Arc[], n = 3, gap = 34): Arc[] {
  const kept: Arc[] = [];
  for (const a of [...arcs].sort((p, q) => q.weight - p.weight)) {
    if (kept.length >= n) break;
    if (kept.every((k) => Math.hypot(k.apex.x - a.apex.x, k.apex.y - a.apex.y) >= gap)) kept.push(a);
  }
  return kept;
}
