/**
 * The selected head, large: React owns the svg and its size, drawHeatmap owns the marks.
 * Hover reads a cell out; click picks its query row; ↑/↓ move the query, ←/→ cycle heads.
 */
import { select } from 'd3';
import { type KeyboardEvent, type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store/store';
import { useFrame, useSize } from '../../viz';
import { slot, withData } from '../shared/withData';
import styles from './Attention.module.css';
import {
  type AttentionSource,
  attentionCells,
  cellText,
  clamp,
  formatWeight,
  headMatrix,
  maxWeight,
  showToken,
  strongestKey,
} from './attentionData';
import { drawHeatmap, drawHover } from './drawHeatmap';
import { paintCells } from './heatmapCells';
import { cellAt, heatmapLayout } from './heatmapLayout';

let nextId = 0;

interface Props {
  svgRef: RefObject<SVGSVGElement | null>;
  src: AttentionSource;
  layer: number;
  head: number;
  query: number;
  title: string;
  onQuery(q: number): void;
  onCycleHead(delta: number): void;
  onDrawn?(ms: number): void;
}

export function HeatmapView({
  svgRef,
  src,
  layer,
  head,
  query,
  title,
  onQuery,
  onCycleHead,
  onDrawn,
}: Props) {
  const t = useT();
  const lang = useStore((s) => s.lang); // the axis titles, legend and numbers are drawn in it
  const boxRef = useRef<HTMLDivElement>(null);
  const { width } = useSize(boxRef);
  const [ids] = useState(() => {
    nextId += 1;
    return { hatch: `attn-hatch-${nextId}`, gradient: `attn-ramp-${nextId}` };
  });
  const matrix = useMemo(() => headMatrix(src, layer, head), [src, layer, head]);
  const cells = useMemo(() => attentionCells(src, layer, head), [src, layer, head]);
  const max = useMemo(() => maxWeight(matrix, src.T), [matrix, src.T]);
  const L = useMemo(() => heatmapLayout(src.T, width, src.tokens), [src.T, width, src.tokens]);
  const [hover, setHover] = useState<{ q: number; k: number; x: number; y: number } | null>(null);

  const canvasRef = useRef<HTMLCanvasElement>(null);
  const draw = useFrame(() => {
    const svg = svgRef.current;
    const canvas = canvasRef.current;
    if (!svg || !canvas || width === 0) return;
    const t0 = performance.now();
    const colour = drawHeatmap(select(svg), { cells, tokens: src.tokens, max, query, title }, L, { ids });
    paintCells(canvas, svg, { cells, L, colour, matrix, max });
    onDrawn?.(performance.now() - t0);
  }, svgRef);
  // biome-ignore lint/correctness/useExhaustiveDependencies: redraw when what is drawn changes.
  useEffect(draw, [cells, max, query, title, L, lang]);

  useEffect(() => {
    const svg = svgRef.current;
    if (svg) drawHover(select(svg), L, hover && hover.q < L.T && hover.k < L.T ? hover : null);
  }, [hover, L, svgRef]);

  const pointAt = (e: { clientX: number; clientY: number }) => {
    const box = svgRef.current?.getBoundingClientRect();
    if (!box) return null;
    const x = e.clientX - box.left;
    const y = e.clientY - box.top;
    const c = cellAt(L, x, y);
    return c ? { ...c, x, y } : null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const last = src.T - 1;
    switch (e.key) {
      case 'ArrowUp':
        onQuery(clamp(query - 1, 0, last));
        break;
      case 'ArrowDown':
        onQuery(clamp(query + 1, 0, last));
        break;
      case 'Home':
        onQuery(0);
        break;
      case 'End':
        onQuery(last);
        break;
      case 'ArrowLeft':
        onCycleHead(-1);
        break;
      case 'ArrowRight':
        onCycleHead(1);
        break;
      case 'Escape':
        break;
      default:
        return;
    }
    e.preventDefault();
    setHover(null);
  };

  const best = strongestKey(matrix, src.T, query);
  const names = { query: showToken(src.tokens[query] ?? ''), key: showToken(src.tokens[best] ?? '') };
  const readoutOf = (n: { query: string; key: string }) =>
    t('attention.readout', {
      ...n,
      queryPos: query,
      keyPos: best,
      weight: formatWeight(matrix[query * src.T + best]),
    });
  const readout = readoutOf(names);
  return (
    <>
      <div
        ref={boxRef}
        className={styles.chart}
        role="application"
        aria-roledescription={t('attention.heatmapRole')}
        aria-label={t('attention.heatmapLabel', { title, readout })}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: role=application, a 2-D keyboard widget (↑↓ query, ←→ head).
        tabIndex={0}
        data-testid="attention-heatmap"
        onPointerMove={(e) => setHover(pointAt(e))}
        onPointerLeave={() => setHover(null)}
        onClick={(e) => {
          const c = pointAt(e);
          if (c) onQuery(c.q);
        }}
        onKeyDown={onKeyDown}
      >
        {/* The plot's square, which clips the cells' bitmap (paintCells). */}
        <div
          className={styles.cells}
          style={{ left: L.margin.left, top: L.margin.top, width: L.plot, height: L.plot }}
        >
          <canvas ref={canvasRef} data-testid="attention-cells" />
        </div>
        <svg ref={svgRef} width={L.width} height={L.height} className={styles.svg} aria-hidden="true" />
        {hover && hover.q < src.T && (
          <div
            className={styles.tooltip}
            style={{ left: hover.x, top: hover.y }}
            data-testid="attention-tooltip"
          >
            {withData(
              cellText(src.tokens, hover.q, hover.k, matrix[hover.q * src.T + hover.k], (i) =>
                slot(i === hover.q ? 'query' : 'key'),
              ),
              { query: showToken(src.tokens[hover.q] ?? ''), key: showToken(src.tokens[hover.k] ?? '') },
            )}
          </div>
        )}
      </div>
      <p className={styles.readout} aria-live="polite" data-testid="attention-readout">
        {withData(readoutOf({ query: slot('query'), key: slot('key') }), names)}
      </p>
      <p className={styles.hint}>{t('attention.heatmapHint')}</p>
    </>
  );
}
