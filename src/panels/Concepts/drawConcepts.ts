/**
 * The Concepts chart, one band per idea: ① the input embedding x = wte + wpe, ② one
 * attention cell's q·k → ÷√hs → softmax, with the whole softmax row, ③ softmax at a
 * temperature, ④ the cross-entropy against the true next token. Hovering a band tells the
 * panel which lifecycle stage it explains.
 */
import { select, transition } from 'd3';
import { fixed, t as tr } from '../../i18n/i18n';
import { AXIS_FONT_SIZE, INK, LABEL_FONT_SIZE, layer, OKABE_ITO, type SvgSelection, tint } from '../../viz';
import type { ConceptsView, Stage } from './conceptsData';
import { absMax, BAR_H, type G, heatStrip, LABEL_W, probBars, RIGHT_W, STRIP_H, type T } from './drawParts';

const TITLE_H = 30;
const ROW_GAP = 6;
const KEYS_H = 40;

interface Band {
  id: 'embed' | 'attn' | 'softmax' | 'loss';
  stage: Stage;
  title: string;
  height: number;
}

function bands(v: ConceptsView): Band[] {
  const strips = 3 * (STRIP_H + ROW_GAP);
  return [
    {
      id: 'embed',
      stage: 'embeddings',
      title: tr('concepts.embedTitle', { token: v.tokenText, pos: v.position }),
      height: TITLE_H + strips + 8,
    },
    {
      id: 'attn',
      stage: 'layers',
      title: tr('concepts.attnTitle', {
        layer: v.layer,
        head: v.head,
        pos: v.position,
        token: v.tokenText,
        key: v.keyPosition,
        keyToken: v.keyText,
      }),
      height: TITLE_H + strips + 42 + KEYS_H + 12,
    },
    {
      id: 'softmax',
      stage: 'softmax',
      title: tr('concepts.softmaxTitle', { pos: v.position, temperature: fixed(v.temperature, 2) }),
      height: TITLE_H + v.bars.length * BAR_H + 8,
    },
    { id: 'loss', stage: 'loss', title: tr('concepts.lossTitle'), height: TITLE_H + 50 },
  ];
}

export function conceptsHeight(v: ConceptsView): number {
  return bands(v).reduce((s, b) => s + b.height, 0);
}

export interface ConceptsDrawOptions {
  stage: Stage | null;
  duration: number;
  onStage: (s: Stage | null) => void;
  onKey: (key: number) => void;
}

export function drawConcepts(
  svg: SvgSelection,
  v: ConceptsView,
  width: number,
  o: ConceptsDrawOptions,
): void {
  const t: T = o.duration > 0 ? transition('concepts').duration(o.duration) : null;
  let y = 0;
  const placed = bands(v).map((b) => {
    const at = y;
    y += b.height;
    return { ...b, y: at };
  });
  svg
    .selectAll<SVGGElement, (typeof placed)[number]>('g.band')
    .data(placed, (b) => b.id)
    .join((enter) => enter.append('g').attr('class', 'band'))
    .attr('transform', (b) => `translate(0,${b.y})`)
    .on('pointerenter', (_, b) => o.onStage(b.stage))
    .on('pointerleave', () => o.onStage(null))
    .each(function (b) {
      const g = select(this) as unknown as G;
      layer(g, 'rect', 'bg')
        .attr('width', width)
        .attr('height', b.height - 4)
        .attr('rx', 6)
        .style('fill', o.stage === b.stage ? tint(OKABE_ITO.orange, 0.12) : 'transparent');
      layer(g, 'text', 'title')
        .attr('x', 6)
        .attr('y', 19)
        .style('font-size', `${LABEL_FONT_SIZE}px`)
        .style('font-weight', 700)
        .style('fill', INK.fg)
        .text(b.title);
      const body = layer(g, 'g', 'body').attr('transform', `translate(0,${TITLE_H})`) as unknown as G;
      if (b.id === 'embed') embedBand(body, v, width);
      else if (b.id === 'attn') attnBand(body, v, width, o.onKey);
      else if (b.id === 'softmax') probBars(body, v.bars, width, t);
      else lossBand(body, v);
    });
}

function embedBand(g: G, v: ConceptsView, width: number): void {
  const range = absMax(v.embedding);
  v.embedding.forEach((s, i) => {
    heatStrip(g, s, i * (STRIP_H + ROW_GAP), width, range);
  });
}

function text(g: G, cls: string, x: number, y: number, s: string, bold = false) {
  return layer(g, 'text', cls)
    .attr('x', x)
    .attr('y', y)
    .style('font-size', `${AXIS_FONT_SIZE}px`)
    .style('font-variant-numeric', 'tabular-nums')
    .style('font-weight', bold ? 700 : 400)
    .style('fill', INK.fg)
    .text(s);
}

const n = (x: number, d = 3) => fixed(x, d).replace('-', '−');

function attnBand(g: G, v: ConceptsView, width: number, onKey: (k: number) => void): void {
  const range = absMax(v.attention.slice(0, 2));
  heatStrip(g, v.attention[0], 0, width, range);
  heatStrip(g, v.attention[1], STRIP_H + ROW_GAP, width, range);
  heatStrip(g, v.attention[2], 2 * (STRIP_H + ROW_GAP), width, absMax(v.attention.slice(2)));
  // The chain, under the strips' min/max column: q·k, ÷√hs, softmax, and the inspection's value.
  const y0 = 3 * (STRIP_H + ROW_GAP) + 14;
  const same = v.mapWeight !== null && Math.abs(v.mapWeight - v.weight) < 1e-4;
  text(
    g,
    'chain',
    6,
    y0,
    tr('concepts.chain', { dot: n(v.dot), hs: v.hs, scaled: n(v.scaled), weight: n(v.weight, 4) }),
    true,
  );
  text(
    g,
    'check',
    6,
    y0 + 18,
    tr('concepts.check', {
      count: v.row.length,
      pos: v.position,
      map:
        v.mapWeight === null
          ? tr('concepts.mapReinspecting')
          : tr(same ? 'concepts.mapSame' : 'concepts.mapDiffers', { value: n(v.mapWeight, 4) }),
    }),
  ).style('fill', INK.muted);
  // The softmax row: one bar per key 0..position; click a key to explain that cell.
  const keysY = y0 + 28;
  const w = Math.max(10, width - LABEL_W - RIGHT_W);
  const step = w / v.row.length;
  const top = Math.max(1e-9, ...v.row.map((r) => r.weight)); // bars scaled to the row's largest weight
  text(g, 'row-label', LABEL_W - 8, keysY + KEYS_H / 2, tr('concepts.rowWeights'))
    .attr('text-anchor', 'end')
    .style('fill', INK.muted);
  text(g, 'row-max', LABEL_W + w + 8, keysY + 12, tr('concepts.tallest', { value: n(top, 3) })).style(
    'fill',
    INK.muted,
  );
  layer(g, 'g', 'keys')
    .attr('transform', `translate(${LABEL_W},${keysY})`)
    .selectAll<SVGRectElement, ConceptsView['row'][number]>('rect')
    .data(v.row, (r) => r.key)
    .join('rect')
    .attr('x', (r) => r.key * step + (step > 4 ? 0.5 : 0))
    .attr('width', Math.max(1, step - (step > 4 ? 1 : 0)))
    .attr('y', (r) => KEYS_H - Math.max(1, (r.weight / top) * KEYS_H))
    .attr('height', (r) => Math.max(1, (r.weight / top) * KEYS_H))
    .style('fill', (r) => (r.key === v.keyPosition ? OKABE_ITO.vermillion : OKABE_ITO.skyBlue))
    .style('cursor', 'pointer')
    .on('click', (_, r) => onKey(r.key))
    .selectAll('title')
    .data((r) => [r])
    .join('title')
    .text((r) => tr('concepts.keyTitle', { key: r.key, token: r.text, weight: n(r.weight, 4) }));
}

function lossBand(g: G, v: ConceptsView): void {
  const l = v.loss;
  text(
    g,
    'loss',
    6,
    18,
    l
      ? tr('concepts.lossLine', { token: l.trueText, nats: n(l.nats), bits: n(l.bits) })
      : tr('concepts.lossNoNext'),
    l !== null,
  );
  text(g, 'loss-detail', 6, 38, l ? tr('concepts.lossDetail', { p: n(l.p, 4), rank: l.rank }) : '').style(
    'fill',
    INK.muted,
  );
}
