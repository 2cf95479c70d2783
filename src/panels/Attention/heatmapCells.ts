/**
 * The large heatmap's cells: painted on a canvas under the svg (one element instead of up to
 * 2,080 rects: per generated token the page then lays out and paints one bitmap, bench/panels.ts),
 * and written as vector rects into an exported copy of the svg, so SVG/PNG exports stay complete.
 * On the page each cell is one pixel of a T×T bitmap that CSS scales up, unsmoothed: a fillRect
 * per cell took ~3 ms in software-rendered Chromium.
 */

import { putSquareBitmap, svgRect } from '../../viz';
import type { Cell } from './attentionData';
import type { HeatmapLayout } from './heatmapLayout';
import { CIVIDIS_LUT, thumbPixels } from './thumbPixels';

export interface PaintedCells {
  cells: Cell[];
  L: HeatmapLayout;
  /** The colour scale, cividis over [0, max] (drawHeatmap's): exports use it exactly, the page its 256-step table. */
  colour: (w: number) => string;
  /** The head's (T, T) weights, and their largest visible value. */
  matrix: ArrayLike<number>;
  max: number;
}

/** What each heatmap svg last showed, for its export. */
const painted = new WeakMap<SVGSVGElement, PaintedCells>();

/**
 * Paint the visible (unmasked) cells, (query row q, key column k) at (k·cell, q·cell): `canvas` is
 * one pixel a cell, scaled up by CSS inside its parent (the plot's square, which clips it). Drawing
 * the bitmap scaled into a plot-sized canvas instead cleared and filled ~0.5 M pixels a token on
 * the main thread where the page is composited in software (7–12 ms, bench/NOTES.md "Session 9").
 */
export function paintCells(canvas: HTMLCanvasElement, svg: SVGSVGElement, p: PaintedCells): void {
  const { L } = p;
  const px = thumbPixels(p.matrix, L.T, p.max, CIVIDIS_LUT, null); // masked cells clear: the svg hatches them
  putSquareBitmap(canvas, px, L.T);
  canvas.dataset.rows = String(L.T); // the rows shown (the bitmap's top-left rows × rows), for tests and tools
  painted.set(svg, p);
}

/** Add the cells as rects to `clone` (an export copy of `svg`), under its mask and highlight. */
export function vectorCells(svg: SVGSVGElement, clone: SVGSVGElement): void {
  const p = painted.get(svg);
  const plot = clone.querySelector('g.plot');
  if (!p || !plot) return;
  const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');
  g.setAttribute('shape-rendering', 'crispEdges');
  const { cell } = p.L;
  for (const c of p.cells)
    if (!c.masked)
      g.append(svgRect({ x: c.k * cell, y: c.q * cell, width: cell, height: cell, fill: p.colour(c.w) }));
  plot.insertBefore(g, plot.firstChild);
}
