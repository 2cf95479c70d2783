/**
 * A heat strip's cells as one canvas inside the svg (a foreignObject), not one rect per vector
 * component: every generated token recolours all of them, and ~450 SVG rects cost the Concepts
 * view's frame 6–12 ms of style and paint (bench/panels.ts). Exports get them back as vector rects.
 */
import { hiDpiContext, layer, svgRect } from '../../viz';
import type { G } from './drawParts';

interface Painted {
  values: Float32Array;
  colour: (v: number) => string;
  w: number;
  h: number;
  /** One cell's width; cells wider than 4 px keep a 1 px gap, as the rects had. */
  cell: number;
}

const XHTML = 'http://www.w3.org/1999/xhtml';
const SVG = 'http://www.w3.org/2000/svg';
const painted = new WeakMap<Element, Painted>();

const gapOf = (cell: number) => (cell > 4 ? 1 : 0);

/** Paint `values` as cells across (x, 0)–(x + w, h) of `parent`. */
export function stripCells(parent: G, x: number, p: Painted): void {
  const fo = layer(parent, 'foreignObject', 'cells')
    .attr('x', x)
    .attr('y', 0)
    .attr('width', p.w)
    .attr('height', p.h);
  const node = fo.node();
  if (!node) return;
  let canvas = node.firstElementChild as HTMLCanvasElement | null;
  if (!canvas) {
    canvas = document.createElementNS(XHTML, 'canvas') as HTMLCanvasElement;
    canvas.style.display = 'block';
    node.append(canvas);
  }
  const ctx = hiDpiContext(canvas, p.w, p.h);
  if (!ctx) return;
  const width = Math.max(0.5, p.cell - gapOf(p.cell));
  p.values.forEach((v, i) => {
    ctx.fillStyle = p.colour(v);
    ctx.fillRect(i * p.cell, 0, width, p.h);
  });
  painted.set(node, p);
}

/** Replace each painted strip in `clone` (an export copy of `svg`) by its cells as rects. */
export function vectorStrips(svg: SVGSVGElement, clone: SVGSVGElement): void {
  const live = svg.querySelectorAll('foreignObject.cells');
  const copies = clone.querySelectorAll('foreignObject.cells');
  live.forEach((fo, i) => {
    const p = painted.get(fo);
    const copy = copies[i];
    if (!p || !copy) return;
    const g = document.createElementNS(SVG, 'g');
    g.setAttribute('transform', `translate(${fo.getAttribute('x') ?? 0},0)`);
    const width = Math.max(0.5, p.cell - gapOf(p.cell));
    g.append(
      ...Array.from(p.values, (v, k) => svgRect({ x: k * p.cell, width, height: p.h, fill: p.colour(v) })),
    );
    copy.replaceWith(g);
  });
}
