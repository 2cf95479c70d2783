/**
 * The hover read-out: a vertical rule at the hovered step, a dot on each line there and a
 * small card with the values (compared models' too). Drawn on its own so moving the pointer
 * never redraws the lines.
 */
import { symbol, symbolCircle, symbolDiamond } from 'd3';
import { t } from '../../i18n/i18n';
import { INK, layer, type SvgSelection } from '../../viz';
import type { LossLayout } from './drawLoss';
import { formatLoss, formatStep } from './drawLoss';
import { type HoverValues, type SeriesVisibility, type Units, unitSuffix } from './lossSeries';
import { SERIES, type SeriesId, seriesLabel } from './series';

interface Row {
  key: string;
  text: string;
  series?: SeriesId;
  /** A compared model's colour (its swatch is a filled circle). */
  color?: string;
  /** The row leads with a compared model's name, which is data: no translating it. */
  data?: boolean;
}

interface Dot {
  key: string;
  step: number;
  value: number;
  color: string;
}

const LINE_H = 20;
const PAD = 8;

export function drawCrosshair(
  svg: SvgSelection,
  L: LossLayout,
  hover: HoverValues | null,
  units: Units,
  visible: SeriesVisibility,
): void {
  const plot = layer(svg, 'g', 'plot');
  const g = layer(plot, 'g', 'crosshair').attr('pointer-events', 'none');
  if (!hover) {
    g.style('display', 'none');
    return;
  }
  g.style('display', null);
  const { x, y } = L;
  const px = x(hover.step);

  layer(g, 'line', 'rule')
    .attr('x1', px)
    .attr('x2', px)
    .attr('y1', 0)
    .attr('y2', L.height)
    .style('stroke', INK.fg)
    .attr('stroke-opacity', 0.45)
    .attr('stroke-dasharray', '3 3');

  const dots: Dot[] = [];
  const rows: Row[] = [{ key: 'step', text: t('loss.readoutStep', { step: formatStep(hover.step) }) }];
  const ok = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v) && v > 0;
  /** "label: value", and the step it was read at when that is not the hovered one. */
  const readout = (label: string, value: number, step: number) =>
    step === hover.step
      ? t('loss.readout', { label, value: formatLoss(value) })
      : t('loss.readoutAt', { label, value: formatLoss(value), step: formatStep(step) });
  if (visible.raw && ok(hover.raw)) {
    dots.push({ key: 'raw', step: hover.step, value: hover.raw, color: SERIES.raw.color });
    rows.push({ key: 'raw', text: readout(seriesLabel('raw'), hover.raw, hover.step), series: 'raw' });
  }
  if (visible.smooth && ok(hover.smooth)) {
    dots.push({ key: 'smooth', step: hover.step, value: hover.smooth, color: SERIES.smooth.color });
    rows.push({
      key: 'smooth',
      text: readout(seriesLabel('smooth'), hover.smooth, hover.step),
      series: 'smooth',
    });
  }
  const ev = hover.evalAt;
  if (ev) {
    if (visible.trainEst && ok(ev.train)) {
      dots.push({ key: 'trainEst', step: ev.step, value: ev.train, color: SERIES.trainEst.color });
      rows.push({
        key: 'trainEst',
        text: readout(seriesLabel('trainEst'), ev.train, ev.step),
        series: 'trainEst',
      });
    }
    if (visible.val && ok(ev.val)) {
      dots.push({ key: 'val', step: ev.step, value: ev.val, color: SERIES.val.color });
      rows.push({ key: 'val', text: readout(seriesLabel('val'), ev.val, ev.step), series: 'val' });
    }
  }
  for (const c of hover.compare ?? []) {
    if (!ok(c.value)) continue;
    const key = `compare-${c.id}`;
    dots.push({ key, step: c.step, value: c.value, color: c.color });
    rows.push({ key, text: readout(c.name, c.value, c.step), color: c.color, data: true });
  }
  rows.push({ key: 'unit', text: unitSuffix(units) });

  g.selectAll<SVGCircleElement, Dot>('circle.dot')
    .data(dots, (d) => d.key)
    .join('circle')
    .attr('class', 'dot')
    .attr('r', 5)
    .attr('cx', (d) => x(d.step))
    .attr('cy', (d) => y(d.value))
    .attr('fill', (d) => d.color)
    .style('stroke', INK.bg)
    .attr('stroke-width', 2);

  // The card: to the right of the rule, or to its left near the right edge.
  const card = layer(g, 'g', 'card');
  const box = layer(card, 'rect', 'box')
    .attr('rx', 6)
    .style('fill', INK.bg)
    .style('stroke', INK.border)
    .attr('fill-opacity', 0.94);
  const text = card
    .selectAll<SVGGElement, Row>('g.row')
    .data(rows, (r) => r.key)
    .join((enter) => {
      const row = enter.append('g').attr('class', 'row');
      row.append('path').attr('class', 'swatch');
      row.append('text').attr('x', 16).attr('dy', '0.35em');
      return row;
    })
    .attr('transform', (_, i) => `translate(${PAD},${PAD + LINE_H * (i + 0.5)})`);
  text
    .select('path.swatch')
    .attr('transform', 'translate(5,0)')
    .attr('d', (r) => (r.color ? CIRCLE : swatch(r.series)))
    .style(
      'fill',
      (r) =>
        r.color ??
        (r.series ? (SERIES[r.series].marker === 'diamond' ? INK.bg : SERIES[r.series].color) : 'none'),
    )
    .attr('stroke', (r) => r.color ?? (r.series ? SERIES[r.series].color : 'none'))
    .attr('stroke-width', (r) => (r.series === 'smooth' ? 3 : 2))
    .attr('stroke-opacity', (r) => (r.series === 'raw' ? 0.5 : 1));
  text
    .select('text')
    .text((r) => r.text)
    .attr('translate', (r) => (r.data ? 'no' : null))
    .style('fill', (r) => (r.key === 'unit' ? INK.muted : INK.fg))
    .style('font-size', '13px')
    .style('font-variant-numeric', 'tabular-nums')
    .style('font-weight', (r) => (r.key === 'step' ? '600' : null));

  let textWidth = 0;
  text.select<SVGTextElement>('text').each(function () {
    textWidth = Math.max(textWidth, this.getComputedTextLength?.() ?? 0);
  });
  const w = textWidth + 16 + PAD * 2;
  const h = rows.length * LINE_H + PAD * 2;
  box.attr('width', w).attr('height', h);
  const left = px + 12 + w > L.width ? px - 12 - w : px + 12;
  card.attr('transform', `translate(${Math.max(-L.margin.left, left)},4)`);
}

const CIRCLE = symbol(symbolCircle, 48)() ?? '';

function swatch(series: SeriesId | undefined): string {
  if (!series) return '';
  const s = SERIES[series];
  if (s.marker === 'none') return 'M-6,0H6';
  return symbol(s.marker === 'circle' ? symbolCircle : symbolDiamond, 48)() ?? '';
}
