/**
 * The selected head's (query × key) heatmap, drawn by D3 into an svg React owns: frame, causal
 * mask (one hatched staircase, not T²/2 rects), highlight, labels, legend and title. The cells
 * themselves are a canvas under the svg (heatmapCells.ts).
 */
import type { Selection } from 'd3';
import { t } from '../../i18n/i18n';
import { INK, layer, OKABE_ITO, type SvgSelection, sequential } from '../../viz';
import { type Cell, showToken } from './attentionData';
import { type DefIds, drawLegend, heatmapDefs } from './drawLegend';
import { type HeatmapLayout, LABEL_PX, labelled, maskPath } from './heatmapLayout';

export interface HeatmapData {
  cells: Cell[];
  tokens: string[];
  /** Top of the colour scale (the head's largest visible weight). */
  max: number;
  /** The highlighted query row (and the same position's key column). */
  query: number | null;
  title: string;
}

export interface HeatmapOptions {
  ids: DefIds;
}

export const HIGHLIGHT = OKABE_ITO.vermillion;

type G = Selection<SVGGElement, unknown, null, undefined>;

/** Draw everything but the cells (heatmapCells.ts paints those); returns the colour scale used. */
export function drawHeatmap(
  svg: SvgSelection,
  data: HeatmapData,
  L: HeatmapLayout,
  opts: HeatmapOptions,
): (w: number) => string {
  const colour = sequential([0, data.max]);
  heatmapDefs(svg, opts.ids, colour, data.max);
  const plot = layer(svg, 'g', 'plot').attr('transform', `translate(${L.margin.left},${L.margin.top})`);
  layer(plot, 'rect', 'frame')
    .attr('width', L.plot)
    .attr('height', L.plot)
    .attr('fill', 'none')
    .attr('stroke', INK.border);
  const mask = layer(plot, 'path', 'mask')
    .attr('d', maskPath(L.T, L.cell))
    .attr('fill', `url(#${opts.ids.hatch})`);
  layer(mask, 'title', 'tip').text(t('attention.maskTitle'));

  const q = data.query;
  const hl = layer(plot, 'g', 'highlight')
    .attr('fill', 'none')
    .attr('stroke', HIGHLIGHT)
    .attr('pointer-events', 'none');
  // The query row bold, the same position's key column thin and lighter. Not dashed: the outline
  // moves with every token, and a dashed stroke, rastered again each time, cost SwiftShader GL a
  // dropped frame a token (bench/NOTES.md, "Session 9").
  hl.selectAll('rect')
    .data(q === null || q >= L.T ? [] : ['row', 'col'])
    .join('rect')
    .attr('x', (d) => (d === 'row' ? 0 : q! * L.cell))
    .attr('y', (d) => (d === 'row' ? q! * L.cell : 0))
    .attr('width', (d) => (d === 'row' ? L.plot : L.cell))
    .attr('height', (d) => (d === 'row' ? L.cell : L.plot))
    .attr('stroke-width', (d) => (d === 'row' ? 2.5 : 1.5))
    .attr('stroke-opacity', (d) => (d === 'row' ? null : 0.7));

  // The hover outline may have been created first (it is drawn apart); keep it on top.
  layer(plot, 'rect', 'hover').raise();
  drawLabels(plot as G, data, L);
  drawLegend(plot as G, data.max, L, opts.ids);
  layer(svg, 'text', 'title')
    .attr('x', 4)
    .attr('y', 16)
    .style('fill', INK.fg)
    .style('font-size', '14px')
    .style('font-weight', '600')
    .text(data.title);
  return colour;
}

function drawLabels(plot: G, data: HeatmapData, L: HeatmapLayout) {
  const positions = data.tokens.map((_, i) => i).filter((i) => labelled(L, i, data.query));
  const text = (i: number) => showToken(data.tokens[i], L.labelChars);
  const style = (s: Selection<SVGTextElement, number, SVGGElement, unknown>) =>
    s
      .attr('translate', 'no') // a token
      .text(text)
      .style('font-size', `${LABEL_PX}px`)
      .style('font-family', 'var(--mono, monospace)')
      .style('font-weight', (i) => (i === data.query ? '700' : '400'))
      .style('fill', (i) => (i === data.query ? HIGHLIGHT : INK.fg));
  layer(plot, 'g', 'rows')
    .selectAll<SVGTextElement, number>('text')
    .data(positions, (i) => i)
    .join('text')
    .attr('x', -6)
    .attr('y', (i) => (i + 0.5) * L.cell)
    .attr('text-anchor', 'end')
    .attr('dominant-baseline', 'central')
    .call(style);
  layer(plot, 'g', 'cols')
    .selectAll<SVGTextElement, number>('text')
    .data(positions, (i) => i)
    .join('text')
    // Upright labels are placed by x/y (no transform node per label); rotated ones need the rotate.
    .attr('transform', (i) => (L.rotateCols ? `translate(${(i + 0.5) * L.cell},-6) rotate(-90)` : null))
    .attr('x', (i) => (L.rotateCols ? null : (i + 0.5) * L.cell))
    .attr('y', L.rotateCols ? null : -6)
    .attr('text-anchor', L.rotateCols ? 'start' : 'middle')
    .attr('dominant-baseline', L.rotateCols ? 'central' : 'auto')
    .call(style);
  const axis = (cls: string, label: string, x: number, y: number, rotate: boolean) =>
    layer(plot, 'text', cls)
      .attr('transform', `translate(${x},${y})${rotate ? ' rotate(-90)' : ''}`)
      .attr('text-anchor', 'middle')
      .style('fill', INK.muted)
      .style('font-size', '13px')
      .text(label);
  axis('title-q', t('attention.axisQuery'), -L.margin.left + 12, L.plot / 2, true);
  axis('title-k', t('attention.axisKey'), L.plot / 2, -L.margin.top + 36, false);
}

/** The outline under the pointer (or keyboard), drawn apart so hovering never redraws cells. */
export function drawHover(svg: SvgSelection, L: HeatmapLayout, at: { q: number; k: number } | null): void {
  const plot = layer(svg, 'g', 'plot');
  layer(plot, 'rect', 'hover')
    .attr('pointer-events', 'none')
    .attr('fill', 'none')
    .attr('stroke', INK.fg)
    .attr('stroke-width', 2)
    .attr('display', at ? null : 'none')
    .attr('x', at ? at.k * L.cell : 0)
    .attr('y', at ? at.q * L.cell : 0)
    .attr('width', L.cell)
    .attr('height', L.cell);
}
