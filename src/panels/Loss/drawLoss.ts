/**
 * The loss chart's marks, drawn by D3 into an svg React owns. Pure: the picture depends only
 * on (data, size, options). Lines are single paths (thousands of points stay cheap); eval
 * markers are keyed by step so new ones grow in and old ones stay put. Compared models'
 * validation curves sit under the current model's lines, one `g.compare-series` each.
 */
import {
  axisBottom,
  axisLeft,
  type BaseType,
  line,
  type NumberValue,
  type ScaleContinuousNumeric,
  type ScaleLinear,
  type Selection,
  scaleLinear,
  scaleLog,
  symbol,
  symbolCircle,
  symbolDiamond,
} from 'd3';
import { fixed, formatNumber, t } from '../../i18n/i18n';
import { axisTitle, INK, layer, type Size, type SvgSelection, styleAxis, styleGrid } from '../../viz';
import type { CompareLine } from './compareSeries';
import { type LossChartData, type Pt, type SeriesVisibility, unitLabel } from './lossSeries';
import { SERIES, type SeriesId, type SeriesStyle } from './series';

export interface LossDrawOptions {
  log: boolean;
  visible: SeriesVisibility;
  /** Transition length in ms for this redraw (0 = jump: live data arrives every frame). */
  duration: number;
}

export interface LossLayout {
  x: ScaleLinear<number, number>;
  y: ScaleContinuousNumeric<number, number>;
  margin: { top: number; right: number; bottom: number; left: number };
  /** The plot area, inside the margins. */
  width: number;
  height: number;
}

export const LOSS_MARGIN = { top: 14, right: 20, bottom: 48, left: 66 };

export function lossLayout(data: LossChartData, size: Size, log: boolean): LossLayout {
  const margin = LOSS_MARGIN;
  const width = Math.max(10, size.width - margin.left - margin.right);
  const height = Math.max(10, size.height - margin.top - margin.bottom);
  const x = scaleLinear().domain(data.xDomain).nice().range([0, width]);
  const y = log
    ? scaleLog().domain(data.yDomain).range([height, 0])
    : scaleLinear().domain(data.yDomain).nice().range([height, 0]);
  return { x, y, margin, width, height };
}

type AnySel<E extends BaseType, D> = Selection<E, D, BaseType, unknown>;
type AttrValue<E extends BaseType, D> = (this: E, d: D, i: number) => string | number;

/** Set an attribute now, or ease it there when this redraw is animated. */
function move<E extends BaseType, D>(
  sel: AnySel<E, D>,
  duration: number,
  name: string,
  value: AttrValue<E, D>,
) {
  if (duration > 0) sel.transition('move').duration(duration).attr(name, value);
  else sel.interrupt('move').attr(name, value);
}

const MARKER_AREA = 64;
const markerPath = (s: SeriesStyle, area = MARKER_AREA) =>
  s.marker === 'none' ? '' : (symbol(s.marker === 'circle' ? symbolCircle : symbolDiamond, area)() ?? '');

export function drawLoss(
  svg: SvgSelection,
  data: LossChartData,
  size: Size,
  opts: LossDrawOptions,
): LossLayout {
  const L = lossLayout(data, size, opts.log);
  const { x, y, width, height, duration } = { ...L, duration: opts.duration };
  const plot = layer(svg, 'g', 'plot').attr('transform', `translate(${L.margin.left},${L.margin.top})`);

  // Grid and axes.
  const yTicks = Math.max(2, Math.round(height / 45));
  const xTicks = Math.max(2, Math.round(width / 90));
  const gridY = layer(plot, 'g', 'grid-y');
  gridY.call(
    axisLeft(y)
      .ticks(yTicks)
      .tickSize(-width)
      .tickFormat(() => ''),
  );
  styleGrid(gridY);
  const xAxis = axisBottom(x).ticks(xTicks).tickFormat(formatStepTick).tickSizeOuter(0);
  // D3 picks which ticks to label (a log scale labels only some); the label itself is in the person's locale.
  const yLabelled = y.tickFormat(yTicks, '.3~g');
  const yAxis = axisLeft(y)
    .ticks(yTicks)
    .tickFormat((v) => (yLabelled(v) === '' ? '' : formatNumber(+v, { maximumSignificantDigits: 3 })))
    .tickSizeOuter(0);
  const gx = layer(plot, 'g', 'axis-x').attr('transform', `translate(0,${height})`);
  const gy = layer(plot, 'g', 'axis-y');
  if (gx.attr('data-styled') === null) styleAxis(gx).attr('data-styled', '1');
  if (gy.attr('data-styled') === null) styleAxis(gy).attr('data-styled', '1');
  if (duration > 0) {
    gx.transition('move').duration(duration).call(xAxis);
    gy.transition('move').duration(duration).call(yAxis);
  } else {
    gx.interrupt('move').call(xAxis);
    gy.interrupt('move').call(yAxis);
  }
  axisTitle(plot, 'title-x', t('loss.step'), width / 2, height + 40);
  axisTitle(plot, 'title-y', unitLabel(data.units), -L.margin.left + 16, height / 2, true);

  // Overlays first, so the current model's lines and markers draw over them.
  drawCompare(layer(plot, 'g', 'compare'), data.compare, L, opts.log, duration);

  // Lines: one path per series, keyed by series id.
  const lines = (['raw', 'smooth', 'val'] as SeriesId[])
    .filter((id) => opts.visible[id] && SERIES[id].width > 0)
    .map((id) => ({ style: SERIES[id], points: data[id] }));
  const path = line<Pt>()
    .defined((p) => Number.isFinite(p.value) && (!opts.log || p.value > 0))
    .x((p) => x(p.step))
    .y((p) => y(p.value));
  const linesG = layer(plot, 'g', 'lines').attr('fill', 'none').attr('stroke-linejoin', 'round');
  const paths = linesG
    .selectAll<SVGPathElement, (typeof lines)[number]>('path')
    .data(lines, (d) => d.style.id)
    .join(
      (enter) =>
        enter
          .append('path')
          .attr('stroke-opacity', 0)
          .call((e) =>
            e
              .transition('fade')
              .duration(250)
              .attr('stroke-opacity', (d) => d.style.opacity),
          ),
      (update) => update,
      (exit) => exit.transition('fade').duration(200).attr('stroke-opacity', 0).remove(),
    )
    .attr('class', (d) => `line-${d.style.id}`)
    .attr('stroke', (d) => d.style.color)
    .attr('stroke-width', (d) => d.style.width)
    .attr('stroke-dasharray', (d) => d.style.dash ?? null);
  move(paths, duration, 'd', (d) => path(d.points) ?? '');

  // Evaluation markers, keyed by step: new evaluations grow in; dense ones shrink so they do not pile up.
  const spacing =
    data.evals.length > 1
      ? (x(data.evals[data.evals.length - 1].step) - x(data.evals[0].step)) / (data.evals.length - 1)
      : width;
  const area = Math.max(14, Math.min(MARKER_AREA, (spacing * 0.9) ** 2));
  for (const id of ['trainEst', 'val'] as SeriesId[]) {
    const style = SERIES[id];
    const pts = opts.visible[id] ? data[id].filter((p) => !opts.log || p.value > 0) : [];
    const g = layer(plot, 'g', `markers-${id}`)
      .style('fill', style.marker === 'diamond' ? INK.bg : style.color)
      .attr('stroke', style.color)
      .attr('stroke-width', style.marker === 'diamond' ? 2 : 1.5);
    const marks = g
      .selectAll<SVGPathElement, Pt>('path')
      .data(pts, (p) => p.step)
      .join(
        (enter) =>
          enter
            .append('path')
            .attr('transform', (p) => `translate(${x(p.step)},${y(p.value)})`)
            .attr('d', markerPath(style, 1))
            .attr('data-area', area)
            .call((e) => e.transition('grow').duration(300).attr('d', markerPath(style, area))),
        (update) =>
          update.call((u) =>
            u
              .filter(function () {
                return this.getAttribute('data-area') !== String(area);
              })
              .interrupt('grow')
              .attr('d', markerPath(style, area)),
          ),
        (exit) => exit.remove(),
      );
    marks.attr('data-area', area);
    move(marks, duration, 'transform', (p) => `translate(${x(p.step)},${y(p.value)})`);
  }
  return L;
}

type Overlay = Selection<SVGGElement, unknown, null, undefined>;
interface OverlayMark extends Pt {
  color: string;
}

/**
 * One group per compared model, keyed by id: a solid (or, past the palette, dashed) line with
 * `class="compare-line"` and `data-compare-id`, and a small filled circle at each evaluation.
 */
function drawCompare(root: Overlay, lines: CompareLine[], L: LossLayout, log: boolean, duration: number) {
  const { x, y } = L;
  const path = line<Pt>()
    .defined((p) => Number.isFinite(p.value) && (!log || p.value > 0))
    .x((p) => x(p.step))
    .y((p) => y(p.value));
  const groups = root
    .selectAll<SVGGElement, CompareLine>('g.compare-series')
    .data(lines, (d) => d.id)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'compare-series');
      g.append('path')
        .attr('class', 'compare-line')
        .attr('fill', 'none')
        .attr('stroke-width', 2)
        .attr('stroke-linejoin', 'round')
        .attr('stroke-opacity', 0)
        .call((e) => e.transition('fade').duration(250).attr('stroke-opacity', 0.95));
      return g;
    })
    .attr('data-compare-id', (d) => d.id);
  const paths = groups
    .select<SVGPathElement>('path.compare-line')
    .attr('data-compare-id', (d) => d.id)
    .attr('stroke', (d) => d.color)
    .attr('stroke-dasharray', (d) => d.dash ?? null);
  move(paths, duration, 'd', (d) => path(d.points) ?? '');
  const marks = groups
    .selectAll<SVGCircleElement, OverlayMark>('circle.compare-marker')
    .data(
      (d) => d.points.filter((p) => !log || p.value > 0).map((p) => ({ ...p, color: d.color })),
      (p) => p.step,
    )
    .join((enter) =>
      enter
        .append('circle')
        .attr('class', 'compare-marker')
        .attr('r', 3.5)
        .attr('transform', (p) => `translate(${x(p.step)},${y(p.value)})`)
        .style('stroke', INK.bg)
        .attr('stroke-width', 1),
    )
    .attr('fill', (p) => p.color);
  move(marks, duration, 'transform', (p) => `translate(${x(p.step)},${y(p.value)})`);
}

/** A loss in the read-out: three decimals, as the current language writes them. */
export const formatLoss = (v: number) => fixed(v, 3);
export const formatStep = (v: number) => formatNumber(v);
/** Steps on the x axis: 10K, 1.5M past ten thousand (10.000, 1,5 Mio. in German). */
const formatStepTick = (v: NumberValue) =>
  +v >= 10_000 ? formatNumber(+v, { notation: 'compact', maximumSignificantDigits: 3 }) : formatStep(+v);
