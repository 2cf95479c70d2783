/** Where the large heatmap's parts go for T tokens in a given width: pure, so it is tested. */
import { showToken } from './attentionData';

export interface HeatmapLayout {
  T: number;
  /** Side of one (query, key) cell, in px. */
  cell: number;
  margin: { top: number; right: number; bottom: number; left: number };
  /** Side of the square plot, T·cell. */
  plot: number;
  width: number;
  height: number;
  /** Label every n-th token so 12px labels never overlap (the selected one is always labelled). */
  stride: number;
  /** Most characters shown per axis label. */
  labelChars: number;
  /** Column labels are rotated when tokens are longer than one character. */
  rotateCols: boolean;
}

export const LABEL_PX = 12;
const CHAR_PX = 7.6;
const MAX_LABEL_CHARS = 8;
const TITLE_H = 22;
const LEGEND_H = 68;

export function heatmapLayout(T: number, width: number, tokens: string[]): HeatmapLayout {
  const longest = tokens.reduce((n, t) => Math.max(n, Array.from(showToken(t)).length), 1);
  const labelChars = Math.min(MAX_LABEL_CHARS, longest);
  const rotateCols = labelChars > 1;
  const colLabels = rotateCols ? labelChars * CHAR_PX + 10 : LABEL_PX + 8;
  const margin = {
    top: TITLE_H + 18 + colLabels,
    right: 12,
    bottom: LEGEND_H,
    left: 20 + labelChars * CHAR_PX + 10,
  };
  const avail = Math.max(0, width - margin.left - margin.right);
  const cell = T > 0 ? Math.max(3, Math.min(30, Math.floor(avail / T))) : 0;
  const plot = cell * T;
  return {
    T,
    cell,
    margin,
    plot,
    width: Math.max(width, margin.left + plot + margin.right),
    height: margin.top + plot + margin.bottom,
    stride: cell > 0 ? Math.max(1, Math.ceil((LABEL_PX + 1) / cell)) : 1,
    labelChars,
    rotateCols,
  };
}

/** Whether token i gets an axis label: every stride-th, the last, and the selected one. */
export function labelled(L: HeatmapLayout, i: number, selected: number | null): boolean {
  if (i === selected) return true;
  if (selected !== null && Math.abs(i - selected) < L.stride) return false;
  return i % L.stride === 0 || i === L.T - 1;
}

/** The cell under a point given in svg coordinates, or null outside the plot. */
export function cellAt(L: HeatmapLayout, x: number, y: number): { q: number; k: number } | null {
  const k = Math.floor((x - L.margin.left) / L.cell);
  const q = Math.floor((y - L.margin.top) / L.cell);
  if (L.cell <= 0 || k < 0 || q < 0 || k >= L.T || q >= L.T) return null;
  return { q, k };
}

/** One staircase polygon covering every masked cell (key > query), in plot coordinates. */
export function maskPath(T: number, cell: number): string {
  if (T < 2 || cell <= 0) return '';
  let d = `M${cell},0H${T * cell}V${(T - 1) * cell}`;
  for (let q = T - 2; q >= 0; q--) d += `H${(q + 1) * cell}V${q * cell}`;
  return `${d}Z`;
}
