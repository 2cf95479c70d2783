/**
 * The large heatmap's cells: painted on a canvas under the svg (one element instead of up to
 * 2,080 rects: per generated token the page then lays out and paints one bitmap, bench/panels.ts),
 * and written as vector rects into an exported copy of the svg, so SVG/PNG exports stay complete.
 */

import { hiDpiContext, svgRect } from '../../viz';
import type { Cell } from './attentionData';
import type { HeatmapLayout } from './heatmapLayout';

export interface PaintedCells {
  cells: Cell[];
  L: HeatmapLayout;
  colour: (w: number) => string;
}

/** What each heatmap svg last showed, for its export. */
const painted = new WeakMap<SVGSVGElement, PaintedCells>();

/** Paint the visible (unmasked) cells, (query row q, key column k) at (k·cell, q·cell). */
export function paintCells(canvas: HTMLCanvasElement, svg: SVGSVGElement, p: PaintedCells): void {
  const { L } = p;
  canvas.style.left = `${L.margin.left}px`;
  canvas.style.top = `${L.margin.top}px`;
  const ctx = hiDpiContext(canvas, L.plot, L.plot);
  if (!ctx) return;
  for (const c of p.cells) {
    if (c.masked) continue;
    ctx.fillStyle = p.colour(c.w);
    ctx.fillRect(c.k * L.cell, c.q * L.cell, L.cell, L.cell);
  }
  canvas.dataset.rows = String(L.T); // the rows shown, for tests and tools
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
