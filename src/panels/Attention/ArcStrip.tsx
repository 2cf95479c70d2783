/**
 * The arrows view: the context as a row of tokens, curves from the selected query back to
 * what it attends to in the selected head. Click a token (or focus and use ← →) to move the query.
 */
import { select } from 'd3';
import { type KeyboardEvent, type MouseEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store/store';
import { inView, useFrame, useMotion, useSize } from '../../viz';
import styles from './Attention.module.css';
import { attentionArcs, stripLayout, tokenX } from './arcs';
import { clamp, formatWeight, maxWeight, showToken } from './attentionData';
import { drawArcs } from './drawArcs';

let nextId = 0;

interface Props {
  tokens: string[];
  /** The selected head's T×T matrix (arc widths are scaled to its largest weight). */
  matrix: Float32Array;
  query: number;
  onQuery(q: number): void;
}

export function ArcStrip({ tokens, matrix, query, onQuery }: Props) {
  const t = useT();
  const lang = useStore((s) => s.lang); // the weights are written in it
  const boxRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const { width } = useSize(boxRef);
  const scrollLeft = useRef(0);
  const [arrowId] = useState(() => `attn-arrow-${++nextId}`);
  const T = tokens.length;
  const L = useMemo(() => stripLayout(T, width), [T, width]);
  const max = useMemo(() => maxWeight(matrix, T), [matrix, T]);
  const row = useMemo(() => matrix.subarray(query * T, query * T + T), [matrix, query, T]);
  const arcs = useMemo(
    () =>
      attentionArcs(row, query, (i) => tokenX(L, i), {
        baseline: L.baseline,
        maxHeight: L.baseline - 16,
        maxWidth: 10,
        scaleMax: max,
      }),
    [row, query, L, max],
  );

  const motion = useMotion(tokens);
  const draw = useFrame(() => {
    const svg = svgRef.current;
    if (!svg || width === 0) return;
    const duration = motion(300);
    drawArcs(select(svg), { tokens, arcs, query, row, max }, L, duration, arrowId);
    // Keep the query in view when the strip is wider than the panel (sizes from the observer and
    // the scroll events: reading them off the box here would force a layout of the page).
    const box = boxRef.current;
    if (box && L.width > width && inView(svg)) {
      const x = tokenX(L, query);
      if (x < scrollLeft.current + 40 || x > scrollLeft.current + width - 40)
        box.scrollLeft = Math.max(0, x - width / 2);
    }
  }, svgRef);
  // biome-ignore lint/correctness/useExhaustiveDependencies: redraw when what is drawn changes.
  useEffect(draw, [arcs, tokens, L, lang]);

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const g = (e.target as Element).closest('g.tok');
    const pos = g ? Number(g.getAttribute('data-pos')) : Number.NaN;
    if (Number.isInteger(pos)) onQuery(pos);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next: Record<string, number> = {
      ArrowLeft: query - 1,
      ArrowRight: query + 1,
      ArrowUp: query - 1,
      ArrowDown: query + 1,
      Home: 0,
      End: T - 1,
    };
    if (!(e.key in next)) return;
    e.preventDefault();
    onQuery(clamp(next[e.key], 0, T - 1));
  };
  const top = arcs.slice(-3).reverse();
  const label = t('attention.arrows', {
    token: showToken(tokens[query] ?? ''),
    pos: query,
    list: top
      .map((a) =>
        t('attention.arrowsTo', {
          token: showToken(tokens[a.key]),
          pos: a.key,
          weight: formatWeight(a.weight),
        }),
      )
      .join(', '),
  });
  return (
    <div
      ref={boxRef}
      className={styles.strip}
      role="slider"
      aria-roledescription={t('attention.stripRole')}
      aria-label={t('attention.stripLabel')}
      aria-valuemin={0}
      aria-valuemax={Math.max(0, T - 1)}
      aria-valuenow={query}
      aria-valuetext={label}
      tabIndex={0}
      data-testid="attention-arcs"
      onClick={onClick}
      onKeyDown={onKeyDown}
      onScroll={(e) => {
        scrollLeft.current = e.currentTarget.scrollLeft;
      }}
    >
      <svg ref={svgRef} width={L.width} height={L.height} className={styles.svg} aria-hidden="true" />
    </div>
  );
}
