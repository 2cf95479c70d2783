/**
 * The arrows view: the context as a strip of tokens, and curves from the selected query back
 * to the tokens it attends to (width and opacity by weight). Tokens are keyed by position,
 * arcs by "query:key", so moving the query fades old arcs out and new ones in.
 */
// d3's index is marked side-effect free, so a bundler may drop the module that adds .transition() to selections.
import 'd3-transition';
import type { Selection } from 'd3';
import { INK, layer, OKABE_ITO, type SvgSelection, tint } from '../../viz';
import { type Arc, labelledArcs, type StripLayout } from './arcs';
import { formatWeight, showToken } from './attentionData';

export interface ArcData {
  tokens: string[];
  arcs: Arc[];
  query: number | null;
  /** The query's row: weight of each key, for tinting the token boxes. */
  row: ArrayLike<number>;
  /** The weight drawn darkest (the head's largest, as in the heatmap's legend). */
  max: number;
}

const ARC = OKABE_ITO.blue;
const SELECT = OKABE_ITO.vermillion;

export function drawArcs(
  svg: SvgSelection,
  data: ArcData,
  L: StripLayout,
  duration: number,
  arrowId: string,
): void {
  const marker = layer(layer(svg, 'defs', 'defs'), 'marker', 'arrow')
    .attr('id', arrowId)
    .attr('viewBox', '0 0 10 10')
    .attr('refX', 8)
    .attr('refY', 5)
    .attr('markerWidth', 9)
    .attr('markerHeight', 9)
    .attr('markerUnits', 'userSpaceOnUse')
    .attr('orient', 'auto');
  layer(marker, 'path', 'tip').attr('d', 'M0,0L10,5L0,10Z').attr('fill', ARC);

  const chars = Math.max(1, Math.floor((L.cell - 4) / 8));
  const weightOf = (i: number) => (data.query !== null && i <= data.query ? (data.row[i] ?? 0) : 0);
  const tokens = layer(svg, 'g', 'tokens')
    .selectAll<SVGGElement, number>('g.tok')
    .data(
      data.tokens.map((_, i) => i),
      (i) => i,
    )
    .join((enter) => {
      // A token, its position and its weight: data, none of it for a translator.
      const g = enter.append('g').attr('class', 'tok').attr('translate', 'no').style('cursor', 'pointer');
      g.append('rect').attr('rx', 4);
      g.append('text').attr('text-anchor', 'middle').attr('dominant-baseline', 'central');
      g.append('title');
      return g;
    })
    .attr('data-pos', (i) => i);
  // Placed by x/y, not a transform per token: each SVG transform is a paint property node of its
  // own, which every frame's layerization then walks (see LogitLens/drawLens.ts).
  const left = (i: number) => L.pad + i * L.cell;
  const top = L.baseline + 4;
  tokens
    .select('rect')
    .attr('x', (i) => left(i) + 1)
    .attr('y', top)
    .attr('width', L.cell - 2)
    .attr('height', L.tokenH)
    .attr('fill', (i) =>
      i === data.query ? tint(SELECT, 0.18) : tint(ARC, Math.min(1, weightOf(i) / data.max) * 0.55),
    )
    .attr('stroke', (i) => (i === data.query ? SELECT : INK.border))
    .attr('stroke-width', (i) => (i === data.query ? 2 : 1));
  tokens
    .select('text')
    .attr('x', (i) => left(i) + L.cell / 2)
    .attr('y', top + L.tokenH / 2)
    .style('font-family', 'var(--mono, monospace)')
    .style('font-size', '13px')
    .style('font-weight', (i) => (i === data.query ? '700' : '400'))
    .style('fill', INK.fg)
    .text((i) => showToken(data.tokens[i], chars));
  tokens.select('title').text((i) => `${i}: '${showToken(data.tokens[i])}'`);

  const arcs = layer(svg, 'g', 'arcs')
    .attr('fill', 'none')
    .attr('stroke', ARC)
    .attr('stroke-linecap', 'round')
    .attr('pointer-events', 'none');
  arcs
    .selectAll<SVGPathElement, Arc>('path')
    .data(data.arcs, (a) => a.id)
    .join(
      (enter) => {
        const e = enter.append('path').attr('marker-end', `url(#${arrowId})`);
        if (duration > 0) e.attr('stroke-opacity', 0);
        return e;
      },
      (update) => update,
      (exit) =>
        duration > 0
          ? exit
              .transition()
              .duration(duration / 2)
              .attr('stroke-opacity', 0)
              .remove()
          : exit.remove(),
    )
    .attr('d', (a) => a.d)
    .attr('stroke-width', (a) => a.width)
    .call(fade(duration, (a) => a.opacity));

  layer(svg, 'g', 'weights')
    .attr('pointer-events', 'none')
    .selectAll<SVGTextElement, Arc>('text')
    .data(labelledArcs(data.arcs), (a) => a.id)
    .join('text')
    .attr('x', (a) => a.apex.x)
    .attr('y', (a) => a.apex.y - 3)
    .attr('text-anchor', 'middle')
    .style('font-size', '12px')
    .style('font-variant-numeric', 'tabular-nums')
    .style('fill', INK.fg)
    .style('paint-order', 'stroke')
    .style('stroke', INK.bg)
    .style('stroke-width', '3px')
    .text((a) => formatWeight(a.weight));
}

function fade(duration: number, value: (a: Arc) => number) {
  return (s: Selection<SVGPathElement, Arc, SVGGElement, unknown>) => {
    if (duration > 0) s.transition('fade').duration(duration).attr('stroke-opacity', value);
    else s.interrupt('fade').attr('stroke-opacity', value);
  };
}
