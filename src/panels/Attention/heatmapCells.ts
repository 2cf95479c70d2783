/**
 * The large heatmap's cells: painted on a canvas under the svg (one element instead of up to
 * 2,080 rects: per generated token the page then lays out and paints one bitmap, bench/panels.ts),
 * and written as vector rects into an exported copy of the svg, so SVG/PNG exports stay complete.
 */
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
  const dpr = typeof devicePixelRatio === 'number' ? devicePixelRatio : 1;
  const side = Math.max(1, Math.round(L.plot * dpr));
  if (canvas.width !== side) canvas.width = side;
  if (canvas.height !== side) canvas.height = side;
  canvas.style.width = `${L.plot}px`;
  canvas.style.height = `${L.plot}px`;
  canvas.style.left = `${L.margin.left}px`;
  canvas.style.top = `${L.margin.top}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, L.plot, L.plot);
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
  const NS = 'http://www.w3.org/2000/svg';
  const g = document.createElementNS(NS, 'g');
  g.setAttribute('shape-rendering', 'crispEdges');
  for (const c of p.cells) {
    if (c.masked) continue;
    const r = document.createElementNS(NS, 'rect');
    r.setAttribute('x', String(c.k * p.L.cell));
    r.setAttribute('y', String(c.q * p.L.cell));
    r.setAttribute('width', String(p.L.cell));
    r.setAttribute('height', String(p.L.cell));
    r.setAttribute('fill', p.colour(c.w));
    g.append(r);
  }
  plot.insertBefore(g, plot.firstChild);
}
