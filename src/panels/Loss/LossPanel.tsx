/**
 * Live loss chart: per-step training loss (faint) under its EMA (bold), train/val estimates
 * at each evaluation, in nats or bits per character, linear or log. React owns the svg and
 * its size; drawLoss owns the marks; the store's loss arrays reach it through a subscription
 * and redraws are coalesced to one per animation frame.
 */
import { select } from 'd3';
import { type KeyboardEvent, type PointerEvent, useCallback, useRef, useState } from 'react';
import { useStore } from '../../store/store';
import { prefersReducedMotion, useD3, useFrame, useSize } from '../../viz';
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
  valuesAt,
} from './lossSeries';

const ANIMATE_MS = 400;

export function LossPanel() {
  const losses = useStore((s) => s.training.losses);
  const evals = useStore((s) => s.training.evals);
  const tokensPerChar = useStore((s) => s.training.tokensPerChar);
  const [view, setView] = useState<LossView>({
    smoothing: 0.9,
    log: false,
    units: 'nats',
    visible: ALL_VISIBLE,
  });
  const onChange = useCallback((p: Partial<LossView>) => setView((v) => ({ ...v, ...p })), []);

  const boxRef = useRef<HTMLDivElement>(null);
  const size = useSize(boxRef);
  const drawn = useRef<{ data: LossChartData; layout: LossLayout } | null>(null);
  const lastView = useRef<LossView | null>(null);
  const hoverStep = useRef<number | null>(null);

  const crosshair = () => {
    const svg = svgRef.current;
    if (!svg || !drawn.current) return;
    const { data, layout } = drawn.current;
    const hover = hoverStep.current === null ? null : valuesAt(data, hoverStep.current, tokensPerChar);
    drawCrosshair(select(svg), layout, hover, view.units, view.visible);
  };
  const redrawCrosshair = useFrame(crosshair);

  const svgRef = useD3(
    (svg) => {
      if (size.width === 0 || size.height === 0) return;
      const data = prepareLossSeries(losses, evals, {
        smoothing: view.smoothing,
        units: view.units,
        tokensPerChar,
        log: view.log,
        maxPoints: size.width * 2,
        visible: view.visible,
      });
      // Animate what the user changed (scale, units, series); live data and smoothing jump.
      const prev = lastView.current;
      const changed =
        prev && (prev.log !== view.log || prev.units !== view.units || prev.visible !== view.visible);
      lastView.current = view;
      const duration = changed && !prefersReducedMotion() ? ANIMATE_MS : 0;
      const layout = drawLoss(svg, data, size, { log: view.log, visible: view.visible, duration });
      drawn.current = { data, layout };
      crosshair();
    },
    [losses, evals, tokensPerChar, view, size],
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
    const steps = d.data.steps.length ? Array.from(d.data.steps) : d.data.evals.map((v) => v.step);
    const n = steps.length;
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

  const empty = losses.length === 0 && evals.length === 0;
  const label = summarize(losses, evals, view.units, tokensPerChar);
  return (
    <div className={styles.root} data-testid="panel-loss">
      <div className={styles.header}>
        <h2 className={styles.title}>Loss</h2>
        <LossControls view={view} onChange={onChange} />
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
        {empty && <p className={styles.empty}>Train to see the loss fall</p>}
      </div>
      <LossLegend view={view} onChange={onChange} />
      {!empty && <p className={styles.hint}>Hover the chart, or focus it and use ← →, to read values.</p>}
      <LossTable evals={evals} units={view.units} tokensPerChar={tokensPerChar} />
    </div>
  );
}
