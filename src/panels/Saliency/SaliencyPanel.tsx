/**
 * Saliency: which context tokens made the model predict what it predicts at the selected
 * position (default: the last). Gradient × input or integrated gradients, computed in the
 * worker; shown as tinted text and signed bars. Gradient × input (one backward pass) follows each
 * new token and selection by itself; integrated gradients (`steps` passes) runs when asked, and
 * until then a changed selection or context marks the shown explanation stale.
 */
import { type KeyboardEvent, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useT } from '../../i18n/useT';
import { actions } from '../../store/actions';
import { useStore } from '../../store/store';
import { useD3, useMotion, useSize, whenIdle } from '../../viz';
import type { InspectResult, Saliency, SaliencyMethod } from '../../worker/api';
import { ExportButtons } from '../shared/ExportButtons';
import { InspectEmpty } from '../shared/InspectEmpty';
import { moveKey } from '../shared/moveKey';
import { PresentButton, usePresentedClass } from '../shared/Present';
import { useInspection } from '../shared/useInspection';
import { slot, withData } from '../shared/withData';
import { barsLayout, drawSaliency } from './drawSaliency';
import styles from './Saliency.module.css';
import { SaliencyControls } from './SaliencyControls';
import { SaliencyTable } from './SaliencyTable';
import { SaliencyText } from './SaliencyText';
import {
  completeness,
  completenessError,
  methodLabel,
  type Prediction,
  predictionAt,
  type SaliencyView,
  saliencyBars,
  saliencyCsv,
  saliencySummary,
} from './saliencyBars';

interface Shown {
  result: InspectResult;
  saliency: Saliency;
  position: number;
}

const lastPos = (r: InspectResult, sel: number | null) => predictionAt(r, sel).position;

export function SaliencyPanel() {
  const t = useT();
  const lang = useStore((s) => s.lang);
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
    [view, layout, focused, size.width, lang],
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
        <h2 id={headingId}>{t('saliency.title')}</h2>
        <PresentButton panel="panel-saliency" title={t('saliency.presentTitle')} />
        {view && <ExportButtons name="saliency" svg={svgRef} csv={() => saliencyCsv(view)} />}
      </div>
      {!result || !current ? (
        <InspectEmpty
          hasModel={hasModel}
          busy={busy}
          className={styles.empty}
          noModel={t('saliency.noModel')}
          purpose={t('saliency.purpose')}
        />
      ) : (
        <>
          <p className={styles.question} data-testid="saliency-question">
            <Question p={current} />
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
                ? t('saliency.explaining')
                : method === 'grad-x-input'
                  ? t('saliency.updatingSoon')
                  : t('saliency.stale')}{' '}
              {withData(
                t('saliency.showing', {
                  pos: view.prediction.position,
                  earlier: shown?.result !== result ? t('saliency.staleEarlier') : '',
                  token: slot('token'),
                }),
                { token: view.prediction.text },
              )}
            </p>
          )}
          {!view ? (
            <p className={styles.empty}>{running ? t('saliency.explaining') : t('saliency.pressExplain')}</p>
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
              <p className={styles.hint}>{t('saliency.hint')}</p>
              <SaliencyTable view={view} />
            </>
          )}
        </>
      )}
    </section>
  );
}

/** "Why does the model predict 'e' after position 12 ('h')?", the tokens marked as data. */
function Question({ p }: { p: Prediction }) {
  const t = useT();
  return (
    <>
      {withData(t('saliency.question', { pos: p.position, token: slot('token'), after: slot('after') }), {
        token: p.text,
        after: p.after,
      })}
    </>
  );
}

/** The method and the logit explained; for integrated gradients, the completeness check. */
function Checks({ view }: { view: SaliencyView }) {
  const t = useT();
  const ig = view.method === 'integrated-gradients';
  const close = completenessError(view) < 0.05;
  // The numbers stay as English writes them in every language: e2e tests read this line.
  return (
    <p className={styles.check} data-testid="saliency-completeness">
      {methodLabel(view.method)}
      {ig ? t('saliency.checkSteps', { steps: view.steps }) : ''}
      {withData(t('saliency.checkLogit', { logit: view.logit.toFixed(3), token: slot('token') }), {
        token: view.prediction.text,
      })}
      {ig && (
        <>
          {' · '}
          <span className={close ? styles.good : undefined}>{completeness(view)}</span>
          {close ? ' ✓' : t('saliency.moreSteps')}
        </>
      )}
    </p>
  );
}
