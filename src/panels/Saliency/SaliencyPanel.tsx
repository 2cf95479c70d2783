/**
 * Saliency: which context tokens made the model predict what it predicts at the selected
 * position (default: the last). Gradient × input or integrated gradients, computed in the
 * worker; shown as tinted text and signed bars. Gradient × input (one backward pass) follows each
 * new token and selection by itself; integrated gradients (`steps` passes) runs when asked, and
 * until then a changed selection or context marks the shown explanation stale.
 */
import { type KeyboardEvent, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { actions } from '../../store/actions';
import { useStore } from '../../store/store';
import { useD3, useMotion, useSize, whenIdle } from '../../viz';
import type { InspectResult, Saliency, SaliencyMethod } from '../../worker/api';
import { ExportButtons } from '../shared/ExportButtons';
import { InspectEmpty } from '../shared/InspectEmpty';
import { moveKey } from '../shared/moveKey';
import { PresentButton, usePresentedClass } from '../shared/Present';
import { useInspection } from '../shared/useInspection';
import { barsLayout, drawSaliency } from './drawSaliency';
import styles from './Saliency.module.css';
import { SaliencyControls } from './SaliencyControls';
import { SaliencyTable } from './SaliencyTable';
import { SaliencyText } from './SaliencyText';
import {
  completeness,
  completenessError,
  METHOD_LABEL,
  predictionAt,
  saliencyBars,
  saliencyCsv,
  saliencyQuestion,
  saliencySummary,
} from './saliencyBars';

interface Shown {
  result: InspectResult;
  saliency: Saliency;
  position: number;
}

const lastPos = (r: InspectResult, sel: number | null) => predictionAt(r, sel).position;

export function SaliencyPanel() {
  const panelClass = usePresentedClass('panel-saliency');
  const { result, selected } = useInspection('panel-saliency');
  const saliency = useStore((s) => s.inspect.saliency);
  const method = useStore((s) => s.inspect.saliencyMethod);
  const steps = useStore((s) => s.inspect.saliencySteps);
  const hasModel = useStore((s) => s.model !== null);
  const busy = useStore((s) => s.inspect.busy);
  const headingId = useId();

  const [running, setRunning] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);
  const pending = useRef<{ result: InspectResult; position: number } | null>(null);
  const autoRan = useRef(false);

  const run = useCallback(async (m: SaliencyMethod, s: number) => {
    const st = useStore.getState().inspect;
    if (!st.result) return;
    pending.current = { result: st.result, position: lastPos(st.result, st.selected) };
    setRunning(true);
    try {
      await actions().runSaliency(m, s);
    } finally {
      setRunning(false);
    }
  }, []);

  // Keep each new explanation with the context and position it explains.
  useEffect(() => {
    if (!saliency) return;
    const st = useStore.getState().inspect;
    const p =
      pending.current ?? (st.result && { result: st.result, position: lastPos(st.result, st.selected) });
    pending.current = null;
    if (p && saliency.scores.length === p.result.ids.length) setShown({ ...p, saliency });
  }, [saliency]);

  // Explain once by itself when the first inspection arrives.
  useEffect(() => {
    if (!result || autoRan.current) return;
    autoRan.current = true;
    const st = useStore.getState().inspect;
    if (!st.saliency) void run(st.saliencyMethod, st.saliencySteps);
  }, [result, run]);

  const view = useMemo(
    () => (shown ? saliencyBars(shown.result, shown.saliency, shown.position) : null),
    [shown],
  );
  const current = result ? predictionAt(result, selected) : null;
  const stale =
    !!view &&
    !!shown &&
    (!saliency || shown.result !== result || shown.position !== current?.position || running);

  // Gradient × input follows: a new context or selection is explained once the page is idle after
  // showing it (tokens that arrive meanwhile coalesce into one run), each question at most once.
  const followed = useRef<{ result: InspectResult; position: number } | null>(null);
  useEffect(() => {
    if (method !== 'grad-x-input' || !stale || running || !result || !current) return;
    const asked = followed.current;
    if (asked?.result === result && asked.position === current.position) return; // it failed: wait for the user
    return whenIdle(() => {
      followed.current = { result, position: current.position };
      void run(method, steps);
    });
  });

  const select = (pos: number) => actions().selectToken(pos);
  const onKeyDown = (e: KeyboardEvent<HTMLElement | SVGSVGElement>) => {
    if (!result) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (!running) void run(method, steps);
      return;
    }
    const next = moveKey(e.key, selected, result.ids.length);
    if (next === null) return;
    e.preventDefault();
    if (next !== selected) select(next);
  };

  // Measure the section (always mounted) — the chart box comes and goes with the explanation.
  const sectionRef = useRef<HTMLElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const size = useSize(sectionRef);
  // Sizes from the observer and the scroll events: reading them off the box would force a layout.
  // The chart box spans the section's content width (it mounts later, so it is not observed itself).
  const scrollLeft = useRef(0);
  const layout = useMemo(() => barsLayout(view?.bars.length ?? 1, size.width), [view, size.width]);
  const [focused, setFocused] = useState(false);
  const motion = useMotion(result);
  const svgRef = useD3(
    (svg) => {
      if (!view || size.width === 0) return;
      drawSaliency(svg, view, layout, {
        duration: motion(300),
        focused,
        onSelect: select,
      });
    },
    [view, layout, focused, size.width],
  );
  // Keep the explained position's bar in view on long contexts, once the box is laid out: off
  // screen the browser skips its layout (content-visibility), so a scroll set then is lost; it is
  // set again each time the box comes into view, a frame or two after (when it has room to scroll).
  useEffect(() => {
    const el = boxRef.current;
    const w = size.width;
    if (!view || !el || w === 0 || layout.width <= w) return;
    const x = layout.margin.left + view.prediction.position * layout.band;
    let frame = 0;
    const show = (tries: number) => {
      cancelAnimationFrame(frame);
      if (el.scrollWidth <= w) {
        if (tries > 0) frame = requestAnimationFrame(() => show(tries - 1));
        return;
      }
      if (x < scrollLeft.current + layout.margin.left || x + layout.band > scrollLeft.current + w)
        el.scrollLeft = Math.max(0, x - w / 2);
    };
    show(0);
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) show(30);
    });
    io.observe(el);
    // And once the chart itself is laid out (its first layout after being skipped is a resize).
    const ro = new ResizeObserver(() => show(0));
    if (el.firstElementChild) ro.observe(el.firstElementChild);
    return () => {
      cancelAnimationFrame(frame);
      io.disconnect();
      ro.disconnect();
    };
  }, [view, layout, size.width]);

  return (
    <section
      ref={sectionRef}
      className={`${panelClass} ${styles.root}`}
      data-testid="panel-saliency"
      aria-labelledby={headingId}
    >
      <div className="panel-head">
        <h2 id={headingId}>Saliency</h2>
        <PresentButton panel="panel-saliency" title="saliency" />
        {view && <ExportButtons name="saliency" svg={svgRef} csv={() => saliencyCsv(view)} />}
      </div>
      {!result || !current ? (
        <InspectEmpty
          hasModel={hasModel}
          busy={busy}
          className={styles.empty}
          noModel="Train a model (or load the pretrained one) and generate some text; then see which input tokens made it predict each next token."
          purpose="to explain its predictions."
        />
      ) : (
        <>
          <p className={styles.question} data-testid="saliency-question">
            {saliencyQuestion(current)}
          </p>
          <SaliencyControls
            method={method}
            steps={steps}
            disabled={!result}
            running={running}
            onRun={(m, s) => void run(m, s)}
          />
          {stale && view && (
            <p className={styles.staleHint} data-testid="saliency-stale" role="status">
              {running
                ? 'Explaining…'
                : method === 'grad-x-input'
                  ? 'Updating in a moment (or press Explain).'
                  : 'Stale — press Explain.'}{' '}
              Showing why '{view.prediction.text}' after position {view.prediction.position}
              {shown?.result !== result ? ' in an earlier context' : ''}.
            </p>
          )}
          {!view ? (
            <p className={styles.empty}>
              {running ? 'Explaining…' : 'Press Explain to see which tokens mattered.'}
            </p>
          ) : (
            <>
              <SaliencyText view={view} stale={stale} onSelect={select} onKeyDown={onKeyDown} />
              <div
                ref={boxRef}
                className={styles.scroller}
                onScroll={(e) => {
                  scrollLeft.current = e.currentTarget.scrollLeft;
                }}
              >
                <svg
                  ref={svgRef}
                  className={styles.svg}
                  width={layout.width}
                  height={layout.height}
                  role="img"
                  aria-label={saliencySummary(view)}
                  // biome-ignore lint/a11y/noNoninteractiveTabindex: arrow keys move the explained position.
                  tabIndex={0}
                  data-testid="saliency-bars"
                  onKeyDown={onKeyDown}
                  onFocus={() => setFocused(true)}
                  onBlur={() => setFocused(false)}
                />
              </div>
              <Checks view={view} />
              <p className={styles.hint}>
                Click a token, or focus the text or chart and press ← →, to pick the position; Enter explains
                it.
              </p>
              <SaliencyTable view={view} />
            </>
          )}
        </>
      )}
    </section>
  );
}

function Checks({ view }: { view: NonNullable<ReturnType<typeof saliencyBars>> }) {
  const ig = view.method === 'integrated-gradients';
  const close = completenessError(view) < 0.05;
  return (
    <p className={styles.check} data-testid="saliency-completeness">
      {METHOD_LABEL[view.method]}
      {ig ? ` (${view.steps} steps)` : ''} · logit for '{view.prediction.text}' = {view.logit.toFixed(3)}
      {ig && (
        <>
          {' · '}
          <span className={close ? styles.good : undefined}>{completeness(view)}</span>
          {close ? ' ✓' : ' (more steps tighten this)'}
        </>
      )}
    </p>
  );
}
