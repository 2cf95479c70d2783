/**
 * Next token, step by step: the model's candidates for the token after the context, and how
 * greedy, temperature, top-k and top-p reshape that one distribution, each picking with the
 * same uniform draw u that the next Step will use. Step appends one token; Play keeps stepping.
 */
import { type KeyboardEvent, type MouseEvent, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { actions } from '../../store/actions';
import { useStore } from '../../store/store';
import { OKABE_ITO, useD3, useMotion, useSize } from '../../viz';
import { ExportButtons } from '../shared/ExportButtons';
import { moveKey } from '../shared/moveKey';
import { PresentButton, usePresentedClass } from '../shared/Present';
import { useInspection } from '../shared/useInspection';
import { StepPlayButtons, usePlayer } from '../shared/usePlayer';
import { ContextStrip } from './ContextStrip';
import { drawNextToken, layoutHeight, ROW_H, ROWS_TOP } from './drawNextToken';
import styles from './NextToken.module.css';
import { NextTokenTable } from './NextTokenTable';
import { csvRows, describeRow, formatProb, nextTokenView, sharedUniform } from './nextTokenData';

export function NextTokenPanel() {
  const panelClass = usePresentedClass('panel-next-token');
  const { result, selected, output, prompt, inspectText } = useInspection('panel-next-token');
  const headMask = useStore((s) => s.inspect.headMask);
  const { mode, temperature, topK, topP, seed } = useStore(
    useShallow((s) => {
      const { mode, temperature, topK, topP, seed } = s.generation;
      return { mode, temperature, topK, topP, seed };
    }),
  );
  const hasModel = useStore((s) => s.model !== null);
  const player = usePlayer(hasModel);
  const setPlaying = player[1];
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const { width } = useSize(boxRef);

  const u = sharedUniform(seed, output);
  const view = useMemo(
    () => (result ? nextTokenView(result.logits, result.vocab, { mode, temperature, topK, topP }, u) : null),
    [result, mode, temperature, topK, topP, u],
  );
  const height = view ? layoutHeight(view.rows.length) : 0;

  const motion = useMotion(result);
  const svgRef = useD3(
    (svg) => {
      if (!view || width === 0) return;
      drawNextToken(svg, view, width, { focusRow, duration: motion(300) });
    },
    [view, width, focusRow],
  );

  const T = result?.ids.length ?? 0;
  const ablated = headMask ? headMask.filter((m) => m === 0).length : 0;
  const ownText = inspectText !== '' && inspectText !== prompt + output;
  const newest = result && output.length > 0 && !ownText ? T - 1 : null;
  const step = () => void actions().generateStep();

  const onPanelKey = (e: KeyboardEvent<HTMLElement>) => {
    const tag = (e.target as HTMLElement).tagName;
    if (e.key !== ' ' || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'].includes(tag) || !hasModel) return;
    e.preventDefault();
    setPlaying((p) => !p);
  };
  const onChartKey = (e: KeyboardEvent<SVGSVGElement>) => {
    if (!view) return;
    const rows = view.rows.map((r) => r.id);
    const at = focusRow === null ? -1 : rows.indexOf(focusRow);
    const next = moveKey(e.key, selected ?? T - 1, T);
    if (next !== null) {
      e.preventDefault();
      actions().selectToken(next);
      return;
    }
    switch (e.key) {
      case 'ArrowDown':
        setFocusRow(rows[Math.min(rows.length - 1, at + 1)]);
        break;
      case 'ArrowUp':
        setFocusRow(rows[Math.max(0, at - 1)]);
        break;
      case 'Enter':
        step();
        break;
      case 'Escape':
        setFocusRow(null);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  // A click on a candidate row focuses it (its numbers under every rule are read out below).
  const onChartClick = (e: MouseEvent<SVGSVGElement>) => {
    if (!view) return;
    const i = Math.floor((e.clientY - e.currentTarget.getBoundingClientRect().top - ROWS_TOP) / ROW_H);
    if (i >= 0 && i < view.rows.length) setFocusRow(view.rows[i].id);
  };

  const pickRow = view?.rows.find((r) => r.id === view.pick);
  const focused = view?.rows.find((r) => r.id === focusRow);
  const summary =
    view && pickRow
      ? `Step appends “${pickRow.text}” (${formatProb(pickRow.probs[5])} under your settings, u = ${u.toFixed(3)}).`
      : '';

  return (
    <section
      className={panelClass}
      data-testid="panel-next-token"
      aria-labelledby="next-token-h"
      onKeyDown={onPanelKey}
    >
      <div className="panel-head">
        <h2 id="next-token-h">Next token, step by step</h2>
        <PresentButton panel="panel-next-token" title="the next-token view" />
        <span className={styles.controls}>
          <StepPlayButtons prefix="next-token" player={player} />
        </span>
        {ablated > 0 && (
          <span className={styles.ablated}>
            with {ablated} head{ablated > 1 ? 's' : ''} ablated
          </span>
        )}
        {view && result && (
          <ExportButtons
            name="next-token"
            svg={svgRef}
            csv={() => ({
              header: ['rule', 'token', 'id', 'probability', 'picked'],
              rows: csvRows(view, result.vocab),
            })}
          />
        )}
      </div>
      {/* Always mounted, so its width is known before the first chart draws. */}
      <div ref={boxRef}>
        {!hasModel ? (
          <p className="muted">
            Train a model (or load the pretrained one), then press Step to watch it pick each next token.
          </p>
        ) : !result || !view ? (
          <p className="muted">Press Step (or Generate) to see the model’s candidates for the next token.</p>
        ) : (
          <>
            <ContextStrip tokens={result.tokens} selected={selected} newest={newest} />
            {ownText && (
              <p className={styles.note}>Showing the inspected text; Step continues the prompt + output.</p>
            )}
            {ablated > 0 && (
              <p className={styles.note}>Bars, Step and Generate use the model with those heads ablated.</p>
            )}
            <div className="chart-box">
              <svg
                ref={svgRef}
                width={width}
                height={height}
                role="img"
                aria-label={`Next-token candidates under six sampling rules. ${summary}`}
                // biome-ignore lint/a11y/noNoninteractiveTabindex: a focusable chart; arrow keys move its selection.
                tabIndex={0}
                data-testid="next-token-chart"
                onKeyDown={onChartKey}
                onClick={onChartClick}
              />
            </div>
            <p className={styles.legend}>
              Each column is one rule applied to the same logits; “yours” is your generation settings, which
              Step uses (* = off in your settings, shown at a demo value). Bars: probability;{' '}
              <span className={styles.swatch} style={{ background: OKABE_ITO.vermillion }} />
              the token that rule picks. Strips: the cumulative distribution in vocabulary order; the black
              mark is the shared draw u. Keys: ↑↓ candidates, ←→ context position, Enter = Step, Space =
              Play/Pause.
            </p>
            <p aria-live="polite" className="small" data-testid="next-token-pick">
              {focused ? describeRow(view, focused) : summary}
            </p>
            <NextTokenTable view={view} />
          </>
        )}
      </div>
    </section>
  );
}
