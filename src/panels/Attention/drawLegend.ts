/** The heatmap's shared defs (hatch for the causal mask, the colour ramp) and its legend. */
import type { Selection } from 'd3';
import { t } from '../../i18n/i18n';
import { INK, layer, type SvgSelection } from '../../viz';
import { formatWeight } from './attentionData';
import type { HeatmapLayout } from './heatmapLayout';

export interface DefIds {
  hatch: string;
  gradient: string;
}

const MASK_BG = '#eef0f3';
const MASK_LINE = '#c3c9d1';

type G = Selection<SVGGElement, unknown, null, undefined>;

export function heatmapDefs(
  svg: SvgSelection,
  ids: DefIds,
  colour: (v: number) => string,
  max: number,
): void {
  const d = layer(svg, 'defs', 'defs');
  const hatch = layer(d, 'pattern', 'hatch')
    .attr('id', ids.hatch)
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('width', 6)
    .attr('height', 6)
    .attr('patternTransform', 'rotate(45)');
  layer(hatch, 'rect', 'bg').attr('width', 6).attr('height', 6).attr('fill', MASK_BG);
  layer(hatch, 'line', 'ln').attr('y2', 6).attr('stroke', MASK_LINE).attr('stroke-width', 2);
  const grad = layer(d, 'linearGradient', 'ramp').attr('id', ids.gradient);
  grad
    .selectAll('stop')
    .data(Array.from({ length: 11 }, (_, i) => i / 10))
    .join('stop')
    .attr('offset', (f) => `${f * 100}%`)
    .attr('stop-color', (f) => colour(f * max));
}

export function drawLegend(plot: G, max: number, L: HeatmapLayout, ids: DefIds) {
  const g = layer(plot, 'g', 'legend').attr('transform', `translate(0,${L.plot + 14})`);
  const w = Math.max(150, Math.min(240, L.plot * 0.6));
  layer(g, 'rect', 'bar')
    .attr('width', w)
    .attr('height', 12)
    .attr('fill', `url(#${ids.gradient})`)
    .attr('stroke', INK.border);
  g.selectAll<SVGTextElement, number>('text.tick')
    .data([0, max / 2, max])
    .join('text')
    .attr('class', 'tick')
    .attr('x', (_, i) => (i * w) / 2)
    .attr('y', 28)
    .attr('text-anchor', (_, i) => (['start', 'middle', 'end'] as const)[i])
    .style('font-size', '12px')
    .style('fill', INK.muted)
    .text((v) => formatWeight(v));
  layer(g, 'text', 'caption')
    .attr('y', 44)
    .style('font-size', '12px')
    .style('fill', INK.muted)
    .text(t('attention.legendCaption'));
  layer(g, 'rect', 'mask-swatch')
    .attr('x', w + 24)
    .attr('width', 16)
    .attr('height', 16)
    .attr('fill', `url(#${ids.hatch})`)
    .attr('stroke', INK.border);
  layer(g, 'text', 'mask-label')
    .attr('x', w + 46)
    .attr('y', 13)
    .style('font-size', '12px')
    .style('fill', INK.muted)
    .text(t('attention.legendMask'));
}
