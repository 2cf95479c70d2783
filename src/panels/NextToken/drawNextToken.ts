/**
 * Small multiples of the next-token distribution: one column per rule (model, greedy,
 * temperature, top-k, top-p, your settings), one row per candidate token, and under each
 * column its cumulative distribution with the shared draw u marked.
 */
import { scaleLinear, select, transition } from 'd3';
import { fixed, t as msg } from '../../i18n/i18n';
import {
  AXIS_FONT_SIZE,
  INK,
  LABEL_FONT_SIZE,
  layer,
  OKABE_ITO,
  type SharedTransition,
  type SvgSelection,
  settle,
  tint,
} from '../../viz';
import { formatProb, type NextTokenView, type RuleView, type Segment } from './nextTokenData';

export const ROW_H = 24;
const LABEL_W = 64;
/** Where the candidate rows start (below the column headers). */
export const ROWS_TOP = 44;
const GAP = 8;
const STRIP_H = 16;
const VALUE_W = 40;
const PICK = OKABE_ITO.vermillion;
const BAR = OKABE_ITO.blue;
const OTHER = '#c9ced6';

export interface NextTokenLayout {
  height: number;
  rowsTop: number;
}

export function layoutHeight(rows: number): number {
  return ROWS_TOP + rows * ROW_H + 22 + STRIP_H + 30;
}

export function drawNextToken(
  svg: SvgSelection,
  view: NextTokenView,
  width: number,
  opts: { focusRow: number | null; duration: number },
): NextTokenLayout {
  const colW = (width - LABEL_W - GAP * 6) / 6.4; // the model column is 1.4 wide
  const cols = view.rules.map((r, i) => ({
    r,
    x: LABEL_W + GAP + (i === 0 ? 0 : colW * 1.4 + GAP + (i - 1) * (colW + GAP)),
    w: i === 0 ? colW * 1.4 : colW,
  }));
  const rowsTop = ROWS_TOP;
  const stripY = rowsTop + view.rows.length * ROW_H + 22;
  const height = layoutHeight(view.rows.length);
  const rowIndex = new Map(view.rows.map((row, i) => [row.id, i]));
  // A named import of d3's transition keeps d3-transition (and its selection methods) in the bundle.
  // Live data (duration 0) is written at once; elements are keyed by row, not token, so a new
  // token's candidates reuse the previous token's bars instead of replacing them.
  const t = opts.duration > 0 ? transition('next-token').duration(opts.duration) : null;

  // Row bands: the token Step will append, and the keyboard's row.
  layer(svg, 'g', 'bands')
    .selectAll('rect')
    .data(view.rows)
    .join('rect')
    .attr('x', 0)
    .attr('width', width)
    .attr('height', ROW_H)
    .attr('rx', 4)
    .attr('y', (_, i) => rowsTop + i * ROW_H)
    .style('fill', (d) => (d.id === view.pick ? tint(PICK, 0.12) : 'transparent'))
    .style('stroke', (d) => (d.id === opts.focusRow ? INK.fg : 'none'))
    .attr('stroke-dasharray', '4 3');

  layer(svg, 'g', 'labels')
    .selectAll<SVGTextElement, { id: number; text: string }>('text')
    .data(view.rows)
    .join('text')
    .attr('x', LABEL_W - 6)
    .attr('y', (_, i) => rowsTop + i * ROW_H + ROW_H / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'end')
    .style('font-family', 'var(--mono, monospace)')
    .style('font-size', `${LABEL_FONT_SIZE}px`)
    .style('font-weight', (d) => (d.id === view.pick ? 700 : 400))
    .style('fill', INK.fg)
    .attr('translate', 'no') // a token
    .text((d) => (d.text.length > 6 ? `${d.text.slice(0, 5)}…` : d.text));

  layer(svg, 'text', 'strip-title')
    .attr('x', LABEL_W - 6)
    .attr('y', stripY + STRIP_H / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'end')
    .style('font-size', `${AXIS_FONT_SIZE}px`)
    .style('fill', INK.muted)
    .text(msg('nextToken.stripTitle', { u: fixed(view.u, 2) }));

  layer(svg, 'g', 'cols')
    .selectAll<SVGGElement, (typeof cols)[number]>('g.col')
    .data(cols, (d) => d.r.id)
    .join((enter) => enter.append('g').attr('class', 'col'))
    .attr('transform', (d) => `translate(${d.x},0)`)
    .each(function (d) {
      drawColumn(this, d.r, d.w, view, rowIndex, rowsTop, stripY, t);
    });
  return { height, rowsTop };
}

function drawColumn(
  el: SVGGElement,
  rule: RuleView,
  w: number,
  view: NextTokenView,
  rowIndex: Map<number, number>,
  rowsTop: number,
  stripY: number,
  t: SharedTransition | null,
): void {
  const g = select(el);
  const barW = scaleLinear()
    .domain([0, 1])
    .range([0, Math.max(4, w - VALUE_W)]);
  const ri = view.rules.indexOf(rule);
  layer(g, 'text', 'name')
    .attr('y', 16)
    .style('font-size', `${AXIS_FONT_SIZE}px`)
    .style('font-weight', 700)
    .style('fill', INK.fg)
    .text(rule.label);
  layer(g, 'text', 'detail')
    .attr('y', 34)
    .style('font-size', '12px')
    .style('fill', INK.muted)
    .text(rule.detail);

  const rows = view.rows.map((row) => ({ id: row.id, p: row.probs[ri], cut: row.probs[ri] === 0 }));
  const y = (id: number) => rowsTop + (rowIndex.get(id) ?? 0) * ROW_H;
  const bars = layer(g, 'g', 'bars')
    .selectAll<SVGRectElement, (typeof rows)[number]>('rect')
    .data(rows)
    .join((enter) => enter.append('rect').attr('width', 0))
    .attr('x', 0)
    .attr('height', ROW_H - 8)
    .style('fill', (d) => (d.id === rule.pick ? PICK : BAR));
  settle(bars, t)
    .attr('y', (d) => y(d.id) + 4)
    .attr('width', (d) => barW(d.p));
  layer(g, 'g', 'values')
    .selectAll<SVGTextElement, (typeof rows)[number]>('text')
    .data(rows)
    .join('text')
    .attr('x', w)
    .attr('y', (d) => y(d.id) + ROW_H / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'end')
    .style('font-size', '12px')
    .style('font-variant-numeric', 'tabular-nums')
    .style('font-weight', (d) => (d.id === rule.pick ? 700 : 400))
    .style('fill', (d) => (d.cut ? INK.muted : INK.fg))
    .text((d) => (d.cut ? msg('nextToken.cut') : `${d.id === rule.pick ? '● ' : ''}${formatProb(d.p)}`));

  // The cumulative distribution in vocab-id order, as drawWithUniform walks it; u marks the pick.
  const sx = scaleLinear().domain([0, 1]).range([0, w]);
  const segments = layer(g, 'g', 'strip')
    .selectAll<SVGRectElement, Segment>('rect')
    .data(rule.segments)
    .join('rect')
    .attr('y', stripY)
    .attr('height', STRIP_H)
    .style('stroke', INK.bg)
    .attr('stroke-width', 0.75)
    .style('fill', (s) =>
      s.id === rule.pick
        ? PICK
        : s.id === null
          ? OTHER
          : (rowIndex.get(s.id) ?? 0) % 2
            ? OKABE_ITO.skyBlue
            : BAR,
    );
  settle(segments, t)
    .attr('x', (s) => sx(s.start))
    .attr('width', (s) => Math.max(0, sx(s.end) - sx(s.start)));
  const ux = sx(view.u);
  layer(g, 'path', 'u-mark')
    .attr('d', `M${ux},${stripY - 2} l-5,-7 h10 z M${ux - 1},${stripY - 2} h2 v${STRIP_H + 6} h-2 z`)
    .style('fill', INK.fg);
  const pickText = view.rows.find((r) => r.id === rule.pick)?.text ?? String(rule.pick);
  layer(g, 'text', 'pick')
    .attr('y', stripY + STRIP_H + 20)
    .style('font-size', `${AXIS_FONT_SIZE}px`)
    .style('fill', INK.fg)
    .attr('translate', 'no') // the token the rule picks
    .text(`→ ${pickText}`);
}
