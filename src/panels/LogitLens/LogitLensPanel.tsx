/**
 * Logit lens: what the model would predict next if it stopped after the embeddings or after
 * each block — a layer × position grid of top guesses, filled by probability. The last row is
 * the model's own output; its last cell is the next-token prediction. The selected position
 * is shared with the other "see inside" panels.
 */
import { select as selectNode } from 'd3';
import { type KeyboardEvent, useId, useMemo, useRef, useState } from 'react';
import type { TFunction } from '../../i18n/i18n';
import { useT } from '../../i18n/useT';
import { actions } from '../../store/actions';
import { useStore } from '../../store/store';
import { inView, useD3, useMotion, useSize } from '../../viz';
import { ExportButtons } from '../shared/ExportButtons';
import { InspectEmpty } from '../shared/InspectEmpty';
import { PresentButton, usePresentedClass } from '../shared/Present';
import { useInspection } from '../shared/useInspection';
import { slot, withData } from '../shared/withData';
import { drawLens, placeLegend } from './drawLens';
import { LensTable } from './LensTable';
import { LensTooltip } from './LensTooltip';
import styles from './LogitLens.module.css';
import { cellAt, type LensCell, lensCells, lensCsv, lensMove, lensSummary, pct } from './lensCells';
import { lensLayout, scrollToColumn, tipPlace } from './lensLayout';

const EMPTY_CSV = { header: ['layer', 'position', 'token', 'rank', 'candidate', 'probability'], rows: [] };

export function LogitLensPanel() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const panelClass = usePresentedClass('panel-logit-lens');
  const { result, selected } = useInspection('panel-logit-lens');
  const busy = useStore((s) => s.inspect.busy);
  const hasModel = useStore((s) => s.model !== null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the row labels are in the person's language.
  const grid = useMemo(() => (result ? lensCells(result) : null), [result, lang]);
  const headingId = useId();

  // Measure the section (always mounted); the scroller only exists once there is a grid.
  const sectionRef = useRef<HTMLElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const size = useSize(sectionRef);
  const layout = useMemo(() => (grid ? lensLayout(grid, size.width) : null), [grid, size.width]);
  // Once the grid scrolls its cells keep their width, so the svg is sized for a full block up
  // front and the track clips it: a new token then widens the track (cheap), not the svg (which
  // would lay out every mark in it again).
  const blockSize = useStore((s) => s.model?.block_size ?? 0);
  const svgWidth = useMemo(
    () =>
      grid && layout?.scrolls
        ? Math.max(
            layout.width,
            lensLayout({ T: Math.max(grid.T, blockSize), rows: grid.rows }, size.width).width,
          )
        : (layout?.width ?? 0),
    [grid, layout, blockSize, size.width],
  );
  const rows = grid?.rows.length ?? 0;

  // The keyboard's layer row; null = the output row (the last), whatever the model's depth.
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);
  const [pinned, setPinned] = useState(false);
  const [hover, setHover] = useState<LensCell | null>(null);
  const [scrollLeft, setScrollLeft] = useState(0);
  // Scroll position and scroller width without reading layout (a read after the draw forces a
  // synchronous reflow of the whole page, ~35 ms per generated token for baby).
  const scrollLeftRef = useRef(0);
  const scrollerSize = useSize(scrollRef);
  // A new model may have fewer layers: keep the focused row inside the grid.
  const row = Math.min(focusRow ?? rows - 1, Math.max(0, rows - 1));

  const select = (pos: number) => actions().selectToken(pos);
  const motion = useMotion(grid);
  const svgRef = useD3(
    (svg) => {
      if (!grid || !layout || size.width === 0) return;
      const duration = motion(220);
      drawLens(svg, grid, layout, {
        selected,
        focusRow: focused ? row : null,
        duration,
        scrollLeft: scrollLeftRef.current,
        onHover: setHover,
        onClick: (c) => {
          setFocusRow(c.layer);
          select(c.pos);
        },
      });
      // Keep the selected column in view when it moves (from here or from another panel). Here,
      // after the draw, so the scroll's layout covers the new marks too; following a new token
      // jumps (a smooth scroll would repaint every frame while tokens stream).
      const el = scrollRef.current;
      // Off screen the scroll waits (it would lay out the skipped panel); coming into view redraws.
      if (!el || !layout.scrolls || selected === null || !inView(svg.node())) return;
      const left = scrollToColumn(layout, selected, scrollLeftRef.current, scrollerSize.width);
      if (left !== scrollLeftRef.current) el.scrollTo({ left, behavior: duration > 0 ? 'smooth' : 'auto' });
    },
    [grid, layout, selected, focused, row, size.width, scrollerSize.width, lang],
  );

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    if (!grid) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      setHover(null);
      if (selected === null) select(grid.T - 1);
      setPinned((p) => !p);
      return;
    }
    if (e.key === 'Escape') {
      setPinned(false);
      setHover(null);
      return;
    }
    const next = lensMove(e.key, { pos: selected, row }, grid.T, grid.rows.length);
    if (!next) return;
    e.preventDefault();
    setHover(null);
    setFocusRow(next.row);
    if (next.pos !== selected) select(next.pos);
  };

  const shown =
    hover ?? (pinned && focused && grid && selected !== null ? cellAt(grid, row, selected) : null);
  const focusCell = grid && selected !== null ? cellAt(grid, row, selected) : undefined;

  return (
    <section
      ref={sectionRef}
      className={`${panelClass} ${styles.root}`}
      data-testid="panel-logit-lens"
      aria-labelledby={headingId}
    >
      <div className="panel-head">
        <h2 id={headingId}>{t('logitLens.title')}</h2>
        <PresentButton panel="panel-logit-lens" title={t('logitLens.presentTitle')} />
        <span className={styles.sub}>{t('logitLens.sub')}</span>
        {busy && <span className={styles.busy}>{t('logitLens.updating')}</span>}
        {grid && (
          <ExportButtons name="logit-lens" svg={svgRef} csv={() => (grid ? lensCsv(grid) : EMPTY_CSV)} />
        )}
      </div>
      {!grid || !layout ? (
        <InspectEmpty
          hasModel={hasModel}
          busy={busy}
          className={styles.empty}
          noModel={t('logitLens.noModel')}
          purpose={t('logitLens.purpose')}
        />
      ) : (
        <>
          <div className={styles.wrap} onPointerLeave={() => setHover(null)}>
            <div
              ref={scrollRef}
              className={styles.scroller}
              onScroll={(e) => {
                const left = e.currentTarget.scrollLeft;
                scrollLeftRef.current = left;
                setHover(null);
                setScrollLeft(left);
                if (svgRef.current) placeLegend(selectNode(svgRef.current), layout, left);
              }}
            >
              <div className={styles.track} style={{ width: layout.width }}>
                <div
                  className={styles.sticky}
                  aria-hidden="true"
                  style={{ width: layout.labelW, height: layout.headerH + rows * layout.cellH }}
                >
                  {grid.rows.map((r) => (
                    <div
                      key={r.layer}
                      className={`${styles.rowLabel} ${r.output ? styles.output : ''}`}
                      style={{ top: layout.headerH + r.layer * layout.cellH, height: layout.cellH }}
                    >
                      {r.label}
                    </div>
                  ))}
                </div>
                <svg
                  ref={svgRef}
                  className={styles.svg}
                  width={svgWidth}
                  height={layout.height}
                  style={{ marginLeft: -layout.labelW }}
                  role="img"
                  aria-label={lensSummary(grid)}
                  aria-describedby={`${headingId}-hint`}
                  // biome-ignore lint/a11y/noNoninteractiveTabindex: the grid is navigated with the arrow keys.
                  tabIndex={0}
                  data-testid="logit-lens-grid"
                  onKeyDown={onKeyDown}
                  onFocus={() => setFocused(true)}
                  onBlur={() => {
                    setFocused(false);
                    setPinned(false);
                  }}
                />
              </div>
            </div>
            {shown && (
              <LensTooltip
                cell={shown}
                grid={grid}
                place={tipPlace(layout, shown.layer, shown.pos, scrollLeft, size.width)}
              />
            )}
          </div>
          <p className={styles.hint} id={`${headingId}-hint`}>
            {t('logitLens.hint', { k: grid.k })}
          </p>
          <div className="sr-only" aria-live="polite">
            {focused && focusCell
              ? announce(t, grid.rows[row].label, grid.cols[focusCell.pos].label, focusCell)
              : ''}
          </div>
          <LensTable grid={grid} position={selected ?? grid.T - 1} />
        </>
      )}
    </section>
  );
}

function announce(t: TFunction, rowLabel: string, tokenLabel: string, c: LensCell) {
  const hit = c.correct
    ? t('logitLens.announceCorrect')
    : c.prediction
      ? t('logitLens.announcePrediction')
      : '';
  const text = t('logitLens.announce', {
    row: rowLabel,
    pos: c.pos,
    prob: pct(c.prob),
    hit,
    token: slot('token'),
    guess: slot('guess'),
  });
  return withData(text, { token: tokenLabel, guess: c.text });
}
