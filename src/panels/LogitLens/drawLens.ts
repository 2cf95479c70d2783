/**
 * The logit lens grid's marks, drawn by D3 into an svg React owns: one keyed cell per
 * (layer, position) filled by its top token's probability (cividis), the top token's text on
 * it, a corner mark where that guess is the actual next token; column labels above, the
 * selected column and the focused cell outlined, and a legend below.
 */
import { interrupt, range, type Selection, select } from 'd3';
import { formatNumber, t } from '../../i18n/i18n';
import { INK, layer, OKABE_ITO, type SvgSelection, sequential, textOn } from '../../viz';
import { clipText, type LensCell, type LensGrid } from './lensCells';
import type { LensLayout } from './lensLayout';

export interface LensDrawState {
  selected: number | null;
  /** The keyboard-focused cell's row, or null when the grid is not focused. */
  focusRow: number | null;
  /** Transition length (0 = jump). */
  duration: number;
  /** How far the grid is scrolled sideways: the legend stays under the visible part. */
  scrollLeft: number;
  onHover(cell: LensCell | null): void;
  onClick(cell: LensCell): void;
}

export const lensColor = sequential([0, 1]);
const SELECT = OKABE_ITO.vermillion;
const MONO = 'var(--mono, ui-monospace, monospace)';

/**
 * Cancel a running transition on a node. Importing d3's `interrupt` also keeps d3-transition
 * (which adds selection.transition) in the bundle: d3 is marked side-effect free.
 */
function stop(this: Element) {
  interrupt(this);
}

/** The datum of the element matching `selector` that an event happened in (delegated listeners). */
function datumOf<D>(e: Event, selector: string): D | undefined {
  const el = (e.target as Element | null)?.closest(selector);
  return el ? (select(el).datum() as D) : undefined;
}

export function drawLens(svg: SvgSelection, grid: LensGrid, L: LensLayout, st: LensDrawState): void {
  const { cellW, cellH, labelW, headerH } = L;
  const x = (pos: number) => L.gridX + pos * cellW;
  const y = (row: number) => headerH + row * cellH;
  const gridH = grid.rows.length * cellH;

  // Row labels (the page shows sticky copies over these; the svg keeps them for export).
  layer(svg, 'g', 'rows')
    .selectAll<SVGTextElement, LensGrid['rows'][number]>('text')
    .data(grid.rows, (r) => r.layer)
    .join('text')
    .attr('x', labelW - 10)
    .attr('y', (r) => y(r.layer) + cellH / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'end')
    .style('font-size', '13px')
    .style('font-weight', (r) => (r.output ? '700' : '400'))
    .style('fill', INK.fg)
    .text((r) => r.label);

  // Column labels: position index (small) over the token text. One listener for all of them.
  const colsG = layer(svg, 'g', 'cols').on('click', (e: MouseEvent) => {
    const c = datumOf<LensGrid['cols'][number]>(e, 'g.col');
    if (c) st.onClick(grid.cells[(grid.rows.length - 1) * grid.T + c.pos]);
  });
  const cols = colsG
    .selectAll<SVGGElement, LensGrid['cols'][number]>('g.col')
    .data(grid.cols, (c) => c.pos)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'col');
      g.append('text').attr('class', 'idx').attr('text-anchor', 'middle').attr('y', 14);
      g.append('text')
        .attr('class', 'tok')
        .attr('translate', 'no')
        .attr('text-anchor', 'middle')
        .attr('y', headerH - 10);
      g.append('title');
      return g;
    });
  // Marks are placed by x/y, never by a transform per group: each SVG transform is a paint
  // property node of its own, and ~400 of them made every frame's layerization cost ~6 ms.
  cols.selectAll<SVGTextElement, LensGrid['cols'][number]>('text').attr('x', (c) => x(c.pos) + cellW / 2);
  cols
    .select('text.idx')
    .style('font-size', '12px')
    .style('fill', INK.muted)
    .style('font-variant-numeric', 'tabular-nums')
    .text((c) => (cellW >= 34 || c.pos % 2 === 0 || c.pos === st.selected ? c.pos : ''));
  cols
    .select('text.tok')
    .style('font-family', MONO)
    .style('font-size', '14px')
    .style('font-weight', (c) => (c.pos === st.selected ? '700' : '400'))
    .style('fill', (c) => (c.pos === st.selected ? SELECT : INK.fg))
    .text((c) => clipText(c.label, L.headChars));
  cols.select('title').text((c) => t('logitLens.columnTitle', { pos: c.pos, token: JSON.stringify(c.raw) }));

  // Cells, with one listener for all of them (not two per cell, re-bound at every token).
  const cellsG = layer(svg, 'g', 'cells')
    .on('pointerover', (e: PointerEvent) => {
      const c = datumOf<LensCell>(e, 'g.cell');
      if (c) st.onHover(c);
    })
    .on('click', (e: MouseEvent) => {
      const c = datumOf<LensCell>(e, 'g.cell');
      if (c) st.onClick(c);
    });
  const cells = cellsG
    .selectAll<SVGGElement, LensCell>('g.cell')
    .data(grid.cells, (c) => `${c.layer}:${c.pos}`)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'cell').style('cursor', 'pointer');
      g.append('rect').attr('class', 'bg');
      g.append('text')
        .attr('class', 'top')
        .attr('translate', 'no')
        .attr('text-anchor', 'middle')
        .attr('dy', '0.35em');
      g.append('path').attr('class', 'hit');
      return g;
    })
    .attr('transform', null);
  // Only cells whose look changed are restyled: a new token leaves every earlier column as it was
  // (causal attention: a position's lens never depends on later tokens).
  const look = (c: LensCell) =>
    `${c.text}|${c.prob}|${c.correct}|${c.prediction}|${cellW}|${cellH}|${L.cellChars}`;
  const changed = cells.filter(function (c) {
    const node = this as SVGGElement & { __look?: string };
    const now = look(c);
    if (node.__look === now) return false;
    node.__look = now;
    return true;
  });
  const bg = changed
    .select<SVGRectElement>('rect.bg')
    .attr('x', (c) => x(c.pos))
    .attr('y', (c) => y(c.layer))
    .attr('width', cellW - 1)
    .attr('height', cellH - 1)
    .attr('rx', 2);
  const fill = (c: LensCell) => lensColor(c.prob);
  if (st.duration > 0) bg.transition().duration(st.duration).attr('fill', fill);
  else bg.each(stop).attr('fill', fill);
  changed
    .select('text.top')
    .attr('x', (c) => x(c.pos) + (cellW - 1) / 2)
    .attr('y', (c) => y(c.layer) + (cellH - 1) / 2)
    .style('font-family', MONO)
    .style('font-size', '13px')
    .style('font-weight', (c) => (c.correct || c.prediction ? '700' : '400'))
    .style('fill', (c) => textOn(lensColor(c.prob)))
    .style('pointer-events', 'none')
    .text((c) => clipText(c.text, L.cellChars));
  changed
    .select('path.hit')
    .attr('d', (c) => (c.correct ? `M${x(c.pos) + cellW - 11},${y(c.layer)}h10v10Z` : ''))
    .attr('fill', (c) => textOn(lensColor(c.prob)))
    .style('pointer-events', 'none');

  // The model's own prediction (final row, last column): a dashed frame.
  const pred = grid.cells.filter((c) => c.prediction);
  layer(svg, 'g', 'pred')
    .selectAll('rect')
    .data(pred)
    .join('rect')
    .attr('x', (c) => x(c.pos) - 2)
    .attr('y', (c) => y(c.layer) - 2)
    .attr('width', cellW + 3)
    .attr('height', cellH + 3)
    .attr('fill', 'none')
    .attr('stroke', INK.fg)
    .attr('stroke-width', 2)
    .attr('stroke-dasharray', '4 3')
    .style('pointer-events', 'none');

  // The linked selection: the whole column, header included.
  const sel = st.selected !== null && st.selected < grid.T ? [st.selected] : [];
  const selRect = layer(svg, 'g', 'sel')
    .selectAll<SVGRectElement, number>('rect')
    .data(sel)
    .join('rect')
    .attr('y', headerH - 28)
    .attr('width', cellW + 1)
    .attr('height', gridH + 29)
    .attr('rx', 3)
    .attr('fill', 'none')
    .attr('stroke', SELECT)
    .attr('stroke-width', 3)
    .style('pointer-events', 'none');
  const selX = (p: number) => x(p) - 1.5;
  if (st.duration > 0) selRect.transition().duration(st.duration).attr('x', selX);
  else selRect.each(stop).attr('x', selX);

  // Keyboard focus: the focused cell in the selected column, black on white so it shows on any fill.
  const focus = st.focusRow !== null && sel.length ? [{ row: st.focusRow, pos: sel[0] }] : [];
  const f = layer(svg, 'g', 'focus').style('pointer-events', 'none');
  for (const [cls, stroke, w] of [
    ['halo', '#ffffff', 5],
    ['ring', '#000000', 2],
  ] as const) {
    f.selectAll(`rect.${cls}`)
      .data(focus)
      .join('rect')
      .attr('class', cls)
      .attr('x', (d) => x(d.pos) + 2)
      .attr('y', (d) => y(d.row) + 2)
      .attr('width', cellW - 5)
      .attr('height', cellH - 5)
      .attr('rx', 2)
      .attr('fill', 'none')
      .attr('stroke', stroke)
      .attr('stroke-width', w);
  }

  drawLegend(layer(svg, 'g', 'legend'), L.legendWraps);
  placeLegend(svg, L, st.scrollLeft);
}

/** Keep the legend under the visible part of a sideways-scrolled grid (cheap: call on scroll). */
export function placeLegend(svg: SvgSelection, L: LensLayout, scrollLeft: number): void {
  svg.select('g.legend').attr('transform', `translate(${8 + Math.max(0, scrollLeft)},${L.legendY})`);
}

type G = Selection<SVGGElement, unknown, null, undefined>;

/** Colour ramp (0–100 %) and what the marks mean; drawn once per redraw, cheap (and in the current language). */
function drawLegend(g: G, wraps: boolean): void {
  const w = wraps ? 150 : 200;
  const id = 'lens-ramp';
  const grad = layer(layer(g, 'defs', 'defs'), 'linearGradient', 'ramp').attr('id', id);
  grad
    .selectAll('stop')
    .data(range(0, 1.0001, 0.1))
    .join('stop')
    .attr('offset', (p) => `${p * 100}%`)
    .attr('stop-color', (p) => lensColor(p));
  layer(g, 'text', 'title')
    .attr('y', 10)
    .style('font-size', '13px')
    .style('fill', INK.fg)
    .text(t('logitLens.legendTitle'));
  layer(g, 'rect', 'ramp')
    .attr('x', 170)
    .attr('y', 0)
    .attr('width', w)
    .attr('height', 14)
    .attr('fill', `url(#${id})`)
    .attr('stroke', INK.border);
  g.selectAll('text.tick')
    .data([0, 0.5, 1])
    .join('text')
    .attr('class', 'tick')
    .attr('x', (p) => 170 + p * w)
    .attr('y', 30)
    .attr('text-anchor', (p) => (p === 0 ? 'start' : p === 1 ? 'end' : 'middle'))
    .style('font-size', '12px')
    .style('fill', INK.muted)
    .text((p) => formatNumber(p, { style: 'percent' }));

  const keys = layer(g, 'g', 'keys').attr('transform', 'translate(0,48)');
  layer(keys, 'rect', 'k-hit').attr('width', 18).attr('height', 18).attr('fill', lensColor(0.2));
  layer(keys, 'path', 'k-hit-mark').attr('d', 'M8,0H18V10Z').attr('fill', '#ffffff');
  layer(keys, 'text', 'k-hit-t').attr('x', 24).attr('y', 13).text(t('logitLens.legendCorrect'));
  // Narrow: the second and third keys take a second line.
  const [predX, selX, keysY] = wraps ? [0, 170, 26] : [212, 376, 0];
  layer(keys, 'rect', 'k-pred')
    .attr('x', predX)
    .attr('y', keysY)
    .attr('width', 18)
    .attr('height', 18)
    .attr('fill', 'none')
    .attr('stroke', INK.fg)
    .attr('stroke-width', 2)
    .attr('stroke-dasharray', '4 3');
  layer(keys, 'text', 'k-pred-t')
    .attr('x', predX + 24)
    .attr('y', keysY + 13)
    .text(t('logitLens.legendPrediction'));
  layer(keys, 'rect', 'k-sel')
    .attr('x', selX)
    .attr('y', keysY)
    .attr('width', 18)
    .attr('height', 18)
    .attr('fill', 'none')
    .attr('stroke', SELECT)
    .attr('stroke-width', 3);
  layer(keys, 'text', 'k-sel-t')
    .attr('x', selX + 24)
    .attr('y', keysY + 13)
    .text(t('logitLens.legendSelected'));
  keys.selectAll('text').style('font-size', '13px').style('fill', INK.fg);
}
