/**
 * Next token, step by step: the model's candidates for the token after the context, and how
 * greedy, temperature, top-k and top-p reshape that one distribution, each picking with the
 * same uniform draw u that the next Step will use. Step appends one token; Play keeps stepping.
 */
import { type KeyboardEvent, type MouseEvent, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { fixed } from '../../i18n/i18n';
import { useT } from '../../i18n/useT';
import { actions } from '../../store/actions';
import { useStore } from '../../store/store';
import { OKABE_ITO, useD3, useMotion, useSize } from '../../viz';
import { ExportButtons } from '../shared/ExportButtons';
import { moveKey } from '../shared/moveKey';
import { PresentButton, usePresentedClass } from '../shared/Present';
import { useInspection } from '../shared/useInspection';
import { StepPlayButtons, usePlayer } from '../shared/usePlayer';
import { slot, withData } from '../shared/withData';
import { ContextStrip } from './ContextStrip';
import { drawNextToken, layoutHeight, ROW_H, ROWS_TOP } from './drawNextToken';
import styles from './NextToken.module.css';
import { NextTokenTable } from './NextTokenTable';
import { csvRows, describeRow, formatProb, nextTokenView, sharedUniform } from './nextTokenData';

export function NextTokenPanel() {
  const t = useT();
  const lang = useStore((s) => s.lang); // the rules' names and the chart's numbers are in it
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
  // biome-ignore lint/correctness/useExhaustiveDependencies: lang: the rules' names and details are in it.
  const view = useMemo(
    () => (result ? nextTokenView(result.logits, result.vocab, { mode, temperature, topK, topP }, u) : null),
    [result, mode, temperature, topK, topP, u, lang],
  );
  const height = view ? layoutHeight(view.rows.length) : 0;

  const motion = useMotion(result);
  const svgRef = useD3(
    (svg) => {
      if (!view || width === 0) return;
      drawNextToken(svg, view, width, { focusRow, duration: motion(300) });
    },
    [view, width, focusRow, lang],
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
  const summaryOf = (token: string) =>
    pickRow ? t('nextToken.summary', { token, p: formatProb(pickRow.probs[5]), u: fixed(u, 3) }) : '';
  const summary = view && pickRow ? summaryOf(pickRow.text) : '';

  return (
    <section
      className={panelClass}
      data-testid="panel-next-token"
      aria-labelledby="next-token-h"
      onKeyDown={onPanelKey}
    >
      <div className="panel-head">
        <h2 id="next-token-h">{t('nextToken.title')}</h2>
        <PresentButton panel="panel-next-token" title={t('nextToken.presentWhat')} />
        <span className={styles.controls}>
          <StepPlayButtons prefix="next-token" player={player} />
        </span>
        {ablated > 0 && <span className={styles.ablated}>{t('nextToken.ablated', { count: ablated })}</span>}
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
          <p className="muted">{t('nextToken.noModel')}</p>
        ) : !result || !view ? (
          <p className="muted">{t('nextToken.noResult')}</p>
        ) : (
          <>
            <ContextStrip tokens={result.tokens} selected={selected} newest={newest} />
            {ownText && <p className={styles.note}>{t('nextToken.ownText')}</p>}
            {ablated > 0 && <p className={styles.note}>{t('nextToken.ablatedNote')}</p>}
            <div className="chart-box">
              <svg
                ref={svgRef}
                width={width}
                height={height}
                role="img"
                aria-label={t('nextToken.chartLabel', { summary })}
                // biome-ignore lint/a11y/noNoninteractiveTabindex: a focusable chart; arrow keys move its selection.
                tabIndex={0}
                data-testid="next-token-chart"
                onKeyDown={onChartKey}
                onClick={onChartClick}
              />
            </div>
            <p className={styles.legend}>
              {t('nextToken.legendBefore')}{' '}
              <span className={styles.swatch} style={{ background: OKABE_ITO.vermillion }} />
              {t('nextToken.legendAfter')}
            </p>
            <p aria-live="polite" className="small" data-testid="next-token-pick">
              {focused
                ? withData(describeRow(view, focused, slot('token')), { token: focused.text })
                : withData(summaryOf(slot('token')), { token: pickRow?.text ?? '' })}
            </p>
            <NextTokenTable view={view} />
          </>
        )}
      </div>
    </section>
  );
}
