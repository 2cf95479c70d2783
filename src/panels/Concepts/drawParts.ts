/** The Concepts chart's building blocks: a labelled heat strip of a vector, and labelled probability bars. */
import { type Selection, scaleLinear } from 'd3';
import { fixed, formatNumber, t as tr } from '../../i18n/i18n';
import {
  AXIS_FONT_SIZE,
  diverging,
  INK,
  LABEL_FONT_SIZE,
  layer,
  OKABE_ITO,
  type SharedTransition,
  settle,
} from '../../viz';
import type { Bar, Strip } from './conceptsData';
import { stripCells } from './stripCanvas';

export type G = Selection<SVGGElement, unknown, null, undefined>;
export type T = SharedTransition | null;

export const LABEL_W = 92;
export const RIGHT_W = 168;
export const STRIP_H = 18;
export const BAR_H = 22;

const fmt = (v: number) => fixed(v, Math.abs(v) >= 100 ? 0 : 2).replace('-', '−');

/**
 * What a strip is called on the chart and in the table: the embedding sum in words, the others in
 * notation (wte[id], wpe[pos], q @pos, k @pos, q ⊙ k), the same in every language.
 */
export function stripName(s: Strip): { text: string; notation: boolean } {
  return s.id === 'x'
    ? { text: tr('concepts.stripSum'), notation: false }
    : { text: s.label, notation: true };
}

function label(
  g: G,
  cls: string,
  x: number,
  y: number,
  anchor: 'start' | 'end',
  text: string,
  size = AXIS_FONT_SIZE,
) {
  return layer(g, 'text', cls)
    .attr('x', x)
    .attr('y', y)
    .attr('dy', '0.35em')
    .attr('text-anchor', anchor)
    .style('font-size', `${size}px`)
    .style('fill', INK.fg)
    .text(text);
}

/** One row of C coloured cells (PuOr, symmetric about 0 at ±range), its name on the left, min/max on the right. */
export function heatStrip(parent: G, s: Strip, y: number, width: number, range: number): void {
  const g = layer(parent, 'g', `strip-${s.id}`).attr('transform', `translate(0,${y})`) as unknown as G;
  const w = Math.max(10, width - LABEL_W - RIGHT_W);
  const cell = w / Math.max(1, s.values.length);
  const color = diverging([-range, 0, range]);
  const name = stripName(s);
  label(g, 'name', LABEL_W - 8, STRIP_H / 2, 'end', name.text)
    .attr('translate', name.notation ? 'no' : null)
    .style('font-family', 'var(--mono, monospace)');
  stripCells(g, LABEL_W, { values: s.values, colour: color, w, h: STRIP_H, cell });
  layer(g, 'rect', 'frame')
    .attr('x', LABEL_W - 0.5)
    .attr('y', -0.5)
    .attr('width', w + 1)
    .attr('height', STRIP_H + 1)
    .style('fill', 'none')
    .style('stroke', INK.border);
  label(
    g,
    'range',
    LABEL_W + w + 8,
    STRIP_H / 2,
    'start',
    tr('concepts.stripRange', { min: fmt(s.min), max: fmt(s.max) }),
  ).style('fill', INK.muted);
}

/** The largest |value| over some strips: one colour scale for vectors that are compared or added. */
export function absMax(strips: Strip[]): number {
  return Math.max(1e-9, ...strips.map((s) => Math.max(Math.abs(s.min), Math.abs(s.max))));
}

/** Horizontal probability bars, one row per token; the true next token is outlined and marked. */
export function probBars(parent: G, bars: Bar[], width: number, t: T): void {
  const w = Math.max(10, width - LABEL_W - RIGHT_W);
  const x = scaleLinear().domain([0, 1]).range([0, w]);
  const rows = layer(parent, 'g', 'bars')
    .selectAll<SVGGElement, Bar>('g.bar')
    .data(bars) // by rank: a new token's bars reuse the last token's
    .join((enter) => {
      const r = enter.append('g').attr('class', 'bar');
      r.append('text').attr('class', 'tok').attr('translate', 'no');
      r.append('rect').attr('class', 'fill').attr('x', LABEL_W).attr('width', 0);
      r.append('text').attr('class', 'val');
      return r;
    });
  settle(rows, t).attr('transform', (_, i) => `translate(0,${i * BAR_H})`);
  rows
    .select('text.tok')
    .attr('x', LABEL_W - 8)
    .attr('y', BAR_H / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'end')
    .style('font-family', 'var(--mono, monospace)')
    .style('font-size', `${LABEL_FONT_SIZE}px`)
    .style('fill', INK.fg)
    .text((b) => b.text);
  rows
    .select<SVGRectElement>('rect.fill')
    .attr('y', 3)
    .attr('height', BAR_H - 6)
    .style('fill', (b) => (b.isTrue ? OKABE_ITO.bluishGreen : OKABE_ITO.blue))
    .style('stroke', (b) => (b.isTrue ? INK.fg : 'none'))
    .attr('stroke-width', 1.5)
    .call((s) => settle(s, t).attr('width', (b) => x(b.p)));
  rows
    .select('text.val')
    .attr('y', BAR_H / 2)
    .attr('dy', '0.35em')
    .style('font-size', `${AXIS_FONT_SIZE}px`)
    .style('font-variant-numeric', 'tabular-nums')
    .style('fill', INK.fg)
    .style('font-weight', (b) => (b.isTrue ? 700 : 400))
    .text(
      (b) =>
        `${formatNumber(b.p, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })}${b.isTrue ? tr('concepts.trueNext') : ''}`,
    )
    .call((s) => settle(s, t).attr('x', (b) => LABEL_W + x(b.p) + 6));
}
