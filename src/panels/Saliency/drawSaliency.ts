/**
 * Saliency bars, drawn by D3 into an svg React owns: one signed bar per context token around
 * a zero line (orange pushes toward the prediction, purple against: sign is both colour and
 * direction), the output position shaded, later tokens greyed as "future (0 by causality)".
 */
import { axisLeft, interrupt, scaleLinear } from 'd3';
import { fixed, formatNumber, t } from '../../i18n/i18n';
import { axisTitle, diverging, INK, layer, OKABE_ITO, type SvgSelection, styleAxis } from '../../viz';
import type { SaliencyBar, SaliencyView } from './saliencyBars';

export interface BarsLayout {
  margin: { top: number; right: number; bottom: number; left: number };
  band: number;
  plotW: number;
  plotH: number;
  width: number;
  height: number;
  /** Characters of a 13px monospace label that fit in a band. */
  labelChars: number;
}

export const MIN_BAND = 18;
const MAX_BAND = 48;

export function barsLayout(T: number, available: number, height = 250): BarsLayout {
  const margin = { top: 34, right: 12, bottom: 48, left: 62 };
  const n = Math.max(1, T);
  const band = Math.max(
    MIN_BAND,
    Math.min(MAX_BAND, Math.floor((available - margin.left - margin.right) / n)),
  );
  const plotW = band * n;
  return {
    margin,
    band,
    plotW,
    plotH: height - margin.top - margin.bottom,
    width: Math.max(available, plotW + margin.left + margin.right),
    height,
    labelChars: Math.max(1, Math.floor((band - 3) / 7.9)),
  };
}

const sign = diverging([-1, 0, 1]);
/** Bar colours: the diverging scale's ends at a strength that reads on white. */
export const POSITIVE = sign(0.8);
export const NEGATIVE = sign(-0.8);
const MONO = 'var(--mono, ui-monospace, monospace)';

/**
 * Cancel a running transition on a node. Importing d3's `interrupt` also keeps d3-transition
 * (which adds selection.transition) in the bundle: d3 is marked side-effect free.
 */
function stop(this: Element) {
  interrupt(this);
}

export interface BarsDrawOptions {
  duration: number;
  focused: boolean;
  onSelect(pos: number): void;
}

export function drawSaliency(svg: SvgSelection, v: SaliencyView, L: BarsLayout, opts: BarsDrawOptions): void {
  const { band, plotW, plotH, margin } = L;
  const m = v.maxAbs > 0 ? v.maxAbs : 1;
  const y = scaleLinear().domain([-m, m]).nice().range([plotH, 0]);
  const x = (pos: number) => pos * band;
  const plot = layer(svg, 'g', 'plot').attr('transform', `translate(${margin.left},${margin.top})`);
  const out = v.prediction.position;

  // Future region: shaded and labelled once.
  const futureW = plotW - x(out + 1);
  const fut = layer(plot, 'g', 'future');
  fut
    .selectAll('rect')
    .data(futureW > 0 ? [0] : [])
    .join('rect')
    .attr('x', x(out + 1))
    .attr('y', 0)
    .attr('width', futureW)
    .attr('height', plotH)
    .attr('fill', '#eceff3');
  const future = t('saliency.future');
  const futureText = futureW > 180 ? [t('saliency.futureZero')] : [future, t('saliency.zeroByCausality')];
  fut
    .selectAll('text')
    .data(futureW > 120 ? futureText : futureW > 56 ? [future] : [])
    .join('text')
    .attr('x', x(out + 1) + 8)
    .attr('y', (_, i) => 16 + i * 16)
    .style('font-size', '13px')
    .style('fill', INK.muted)
    .text((d) => d);

  // The output position's band.
  layer(plot, 'rect', 'output')
    .attr('x', x(out))
    .attr('y', 0)
    .attr('width', band)
    .attr('height', plotH)
    .attr('fill', '#000')
    .attr('fill-opacity', 0.06)
    .attr('stroke', opts.focused ? OKABE_ITO.vermillion : 'none')
    .attr('stroke-width', 2);

  // Axis and zero line.
  const ax = layer(plot, 'g', 'y-axis');
  if (ax.attr('data-styled') === null) styleAxis(ax).attr('data-styled', '1');
  ax.call(
    axisLeft(y)
      .ticks(Math.max(2, Math.round(plotH / 40)))
      .tickFormat((d) => formatTick(Number(d))),
  );
  axisTitle(plot, 'y-title', t('saliency.axis'), -48, plotH / 2, true);
  layer(plot, 'line', 'zero')
    .attr('x1', 0)
    .attr('x2', plotW)
    .attr('y1', y(0))
    .attr('y2', y(0))
    .attr('stroke', INK.fg)
    .attr('stroke-width', 1.5);

  // Bars, keyed by position.
  const bars = layer(plot, 'g', 'bars')
    .selectAll<SVGRectElement, SaliencyBar>('rect')
    .data(v.bars, (b) => b.pos)
    .join((enter) => enter.append('rect').attr('y', y(0)).attr('height', 0))
    .attr('data-pos', (b) => b.pos)
    .attr('x', (b) => x(b.pos) + 2)
    .attr('width', Math.max(1, band - 4))
    .attr('fill', (b) => (b.score >= 0 ? POSITIVE : NEGATIVE))
    .attr('fill-opacity', (b) => (b.future ? 0.3 : 1));
  const top = (b: SaliencyBar) => Math.min(y(0), y(b.score));
  const len = (b: SaliencyBar) => Math.abs(y(b.score) - y(0));
  if (opts.duration > 0) bars.transition().duration(opts.duration).attr('y', top).attr('height', len);
  else bars.each(stop).attr('y', top).attr('height', len);

  // Token labels and positions under the plot; future ones greyed.
  const labels = layer(plot, 'g', 'labels')
    .selectAll<SVGGElement, SaliencyBar>('g')
    .data(v.bars, (b) => b.pos)
    .join((enter) => {
      const g = enter.append('g');
      g.append('text').attr('class', 'tok').attr('translate', 'no').attr('text-anchor', 'middle');
      g.append('text').attr('class', 'idx').attr('text-anchor', 'middle');
      return g;
    })
    .attr('transform', (b) => `translate(${x(b.pos) + band / 2},${plotH})`)
    .style('fill', (b) => (b.output ? OKABE_ITO.vermillion : b.future ? INK.muted : INK.fg))
    .style('opacity', (b) => (b.future ? 0.6 : 1));
  labels
    .select('text.tok')
    .attr('y', 18)
    .style('font-family', MONO)
    .style('font-size', '13px')
    .style('font-weight', (b) => (b.output ? '700' : '400'))
    .text((b) => clip(b.label, L.labelChars));
  labels
    .select('text.idx')
    .attr('y', 36)
    .style('font-size', '12px')
    .style('font-variant-numeric', 'tabular-nums')
    .text((b) => (band >= 22 || b.pos % 2 === 0 || b.output ? b.pos : ''));

  // Click targets: a whole band selects that position.
  layer(plot, 'g', 'hits')
    .selectAll<SVGRectElement, SaliencyBar>('rect')
    .data(v.bars, (b) => b.pos)
    .join('rect')
    .attr('x', (b) => x(b.pos))
    .attr('y', 0)
    .attr('width', band)
    .attr('height', plotH + margin.bottom - 6)
    .attr('fill', 'transparent')
    .style('cursor', 'pointer')
    .on('click', (_, b) => opts.onSelect(b.pos))
    .selectAll('title')
    .data((b) => [b])
    .join('title')
    .text((b) =>
      t('saliency.tokenTitle', {
        pos: b.pos,
        token: JSON.stringify(b.raw),
        score: b.future ? t('saliency.futureZero') : fixed(b.score, 4),
      }),
    );

  drawKey(svg, v.prediction.text);
}

/** The sign key above the plot. */
function drawKey(svg: SvgSelection, predicted: string): void {
  const key = layer(svg, 'g', 'key').attr('transform', 'translate(62,8)');
  const items = [
    { color: POSITIVE, text: t('saliency.pushesToward', { token: predicted }) },
    { color: NEGATIVE, text: t('saliency.pushesAgainst') },
  ];
  const g = key
    .selectAll<SVGGElement, (typeof items)[number]>('g')
    .data(items)
    .join((enter) => {
      const e = enter.append('g');
      e.append('rect').attr('width', 14).attr('height', 14).attr('rx', 2);
      e.append('text').attr('x', 20).attr('y', 12);
      return e;
    })
    .attr('transform', (_, i) => `translate(${i * 200},0)`);
  g.select('rect').attr('fill', (d) => d.color);
  g.select('text')
    .style('font-size', '13px')
    .style('fill', INK.fg)
    .text((d) => clip(d.text, 24));
}

function formatTick(v: number): string {
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a >= 100 || a < 0.01) return v.toExponential(0);
  return formatNumber(Number(v.toPrecision(2)), { maximumFractionDigits: 3 });
}

function clip(text: string, n: number): string {
  const chars = [...text];
  return chars.length <= n ? text : n <= 1 ? '…' : `${chars.slice(0, n - 1).join('')}…`;
}
