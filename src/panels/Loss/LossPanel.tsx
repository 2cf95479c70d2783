/**
 * Live loss chart: per-step training loss (faint) under its EMA (bold), train/val estimates
 * at each evaluation, in nats or bits per character, linear or log. React owns the svg and
 * its size; drawLoss owns the marks; the store's loss arrays reach it through a subscription
 * and redraws are coalesced to one per animation frame. Saved models picked to compare are
 * overlaid as validation curves; while any are, the chart is in bits per character, the only
 * unit fair across layer counts and tokenizers.
 */
import { select } from 'd3';
import { type KeyboardEvent, type PointerEvent, useCallback, useMemo, useRef, useState } from 'react';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store/store';
import { prefersReducedMotion, useD3, useFrame, useSize } from '../../viz';
import { compareAt, compareLines, compareSteps, summarizeCompare } from './compareSeries';
import { drawCrosshair } from './drawCrosshair';
import { drawLoss, type LossLayout } from './drawLoss';
import styles from './Loss.module.css';
import { LossControls, LossLegend, type LossView } from './LossControls';
import { LossTable } from './LossTable';
import {
  ALL_VISIBLE,
  type LossChartData,
  nearestIndex,
  prepareLossSeries,
  summarize,
  type Units,
  valuesAt,
} from './lossSeries';

const ANIMATE_MS = 400;

export function LossPanel() {
  const t = useT();
  const lang = useStore((s) => s.lang); // the axis titles are drawn in it
  const losses = useStore((s) => s.training.losses);
  const evals = useStore((s) => s.training.evals);
  const tokensPerChar = useStore((s) => s.training.tokensPerChar);
  const compare = useStore((s) => s.compare);
  const [view, setView] = useState<LossView>({
    smoothing: 0.9,
    log: false,
    units: 'nats',
    visible: ALL_VISIBLE,
  });
  const onChange = useCallback((p: Partial<LossView>) => setView((v) => ({ ...v, ...p })), []);
  // While comparing, bits per character whatever the toggle says; the choice comes back after.
  const comparing = compare.length > 0;
  const units: Units = comparing ? 'bits' : view.units;
  const shownView = useMemo(() => ({ ...view, units }), [view, units]);
  const lines = useMemo(() => compareLines(compare, units), [compare, units]);

  const boxRef = useRef<HTMLDivElement>(null);
  const size = useSize(boxRef);
  const drawn = useRef<{ data: LossChartData; layout: LossLayout } | null>(null);
  const lastView = useRef<{ view: LossView; compare: typeof compare } | null>(null);
  const hoverStep = useRef<number | null>(null);

  const crosshair = () => {
    const svg = svgRef.current;
    if (!svg || !drawn.current) return;
    const { data, layout } = drawn.current;
    const at = hoverStep.current;
    const own = at === null ? null : valuesAt(data, at, tokensPerChar);
    const near = at === null ? [] : compareAt(data.compare, at);
    const hover = own || near.length ? { ...(own ?? { step: Math.round(at ?? 0) }), compare: near } : null;
    drawCrosshair(select(svg), layout, hover, units, view.visible);
  };
  const redrawCrosshair = useFrame(crosshair);

  const svgRef = useD3(
    (svg) => {
      if (size.width === 0 || size.height === 0) return;
      const data = prepareLossSeries(losses, evals, {
        smoothing: view.smoothing,
        units,
        tokensPerChar,
        log: view.log,
        maxPoints: size.width * 2,
        visible: view.visible,
        compare: lines,
      });
      // Animate what the user changed (scale, units, series, compared models); live data and smoothing jump.
      const prev = lastView.current;
      const changed =
        prev &&
        (prev.view.log !== view.log ||
          prev.view.units !== units ||
          prev.view.visible !== view.visible ||
          prev.compare !== compare);
      lastView.current = { view: shownView, compare };
      const duration = changed && !prefersReducedMotion() ? ANIMATE_MS : 0;
      const layout = drawLoss(svg, data, size, { log: view.log, visible: view.visible, duration });
      drawn.current = { data, layout };
      crosshair();
    },
    [losses, evals, tokensPerChar, view, size, lines, lang],
  );

  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const d = drawn.current;
    if (!d || d.data.empty) return;
    const box = e.currentTarget.getBoundingClientRect();
    const px = e.clientX - box.left - d.layout.margin.left;
    hoverStep.current = d.layout.x.invert(Math.max(0, Math.min(d.layout.width, px)));
    redrawCrosshair();
  };
  const clearHover = () => {
    hoverStep.current = null;
    redrawCrosshair();
  };
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const d = drawn.current;
    if (!d || d.data.empty) return;
    const steps = d.data.steps.length
      ? Array.from(d.data.steps)
      : d.data.evals.length
        ? d.data.evals.map((v) => v.step)
        : compareSteps(d.data.compare);
    const n = steps.length;
    if (n === 0) return;
    const at = nearestIndex(steps, hoverStep.current ?? steps[n - 1]);
    const big = Math.max(1, Math.round(n / 10));
    const next: Record<string, number> = {
      ArrowLeft: at - (e.shiftKey ? big : 1),
      ArrowRight: at + (e.shiftKey ? big : 1),
      PageDown: at - big,
      PageUp: at + big,
      Home: 0,
      End: n - 1,
    };
    if (e.key === 'Escape') return clearHover();
    if (!(e.key in next)) return;
    e.preventDefault();
    hoverStep.current = steps[Math.max(0, Math.min(n - 1, next[e.key]))];
    redrawCrosshair();
  };

  // Overlays alone are a chart: only say "train" when there is nothing at all to draw.
  const empty = losses.length === 0 && evals.length === 0 && lines.length === 0;
  const label = [summarize(losses, evals, units, tokensPerChar), summarizeCompare(compare)]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={styles.root} data-testid="panel-loss">
      <div className={styles.header}>
        <h2 className={styles.title}>{t('loss.title')}</h2>
        <LossControls
          view={shownView}
          onChange={onChange}
          unitsLocked={comparing ? t('loss.unitsLocked') : undefined}
        />
      </div>
      <div ref={boxRef} className={styles.chart}>
        <svg
          ref={svgRef}
          width={size.width}
          height={size.height}
          role="img"
          aria-label={label}
          tabIndex={empty ? -1 : 0}
          className={styles.svg}
          onPointerMove={onPointerMove}
          onPointerLeave={clearHover}
          onKeyDown={onKeyDown}
          onBlur={clearHover}
        />
        {empty && <p className={styles.empty}>{t('loss.empty')}</p>}
      </div>
      {comparing && (
        <p className={styles.note} data-testid="loss-compare-note">
          {t('loss.compareNote')}
        </p>
      )}
      <LossLegend view={shownView} onChange={onChange} compare={lines} />
      {!empty && <p className={styles.hint}>{t('loss.hint')}</p>}
      <LossTable evals={evals} units={units} tokensPerChar={tokensPerChar} />
    </div>
  );
}
