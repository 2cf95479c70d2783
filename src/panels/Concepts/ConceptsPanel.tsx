/**
 * Concepts on the live model, for the selected token and head: its input embedding, the q·k
 * behind one attention cell (checked against the attention map), softmax at a temperature and
 * the cross-entropy against the true next token, placed on the lifecycle of a prediction.
 */
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { fixed } from '../../i18n/i18n';
import { useT } from '../../i18n/useT';
import { actions } from '../../store/actions';
import { useStore } from '../../store/store';
import { useD3, useMotion, useSize } from '../../viz';
import { ExportButtons } from '../shared/ExportButtons';
import { moveKey } from '../shared/moveKey';
import { PresentButton, usePresentedClass } from '../shared/Present';
import { useInspection } from '../shared/useInspection';
import { slot, withData } from '../shared/withData';
import styles from './Concepts.module.css';
import { ConceptsControls } from './ConceptsControls';
import { ConceptsTable } from './ConceptsTable';
import { buildConceptsView, csvRows, type Stage, visible } from './conceptsData';
import { conceptsHeight, drawConcepts } from './drawConcepts';
import { Lifecycle } from './Lifecycle';
import { vectorStrips } from './stripCanvas';

export function ConceptsPanel() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const panelClass = usePresentedClass('panel-concepts');
  const { result, selected, concepts } = useInspection('panel-concepts');
  const layer = useStore((s) => s.inspect.layer);
  const head = useStore((s) => s.inspect.head);
  const hasModel = useStore((s) => s.model !== null);
  const [keyFor, setKeyFor] = useState<{ position: number; key: number } | null>(null);
  const [temperature, setTemperature] = useState(1);
  const [stage, setStage] = useState<Stage | null>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const { width } = useSize(boxRef);

  const T = result?.ids.length ?? 0;
  const position = result ? Math.min(selected ?? T - 1, T - 1) : -1;
  const keyChoice = keyFor && keyFor.position === position ? keyFor.key : null; // a key belongs to its query
  const tokens = useMemo(() => (result ? result.tokens.map(visible) : []), [result]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the worker reads layer and head from the store; they pick the cell.
  useEffect(() => {
    if (hasModel && result && position >= 0) void actions().explainConcepts(keyChoice ?? undefined);
  }, [hasModel, result, position, layer, head, keyChoice]);

  const view = useMemo(
    () => (concepts && result ? buildConceptsView(concepts, result, tokens, temperature) : null),
    [concepts, result, tokens, temperature],
  );

  const motion = useMotion(concepts);
  const svgRef = useD3(
    (svg) => {
      if (!view || width === 0) return;
      drawConcepts(svg, view, width, {
        stage,
        duration: motion(150),
        onStage: setStage,
        onKey: (key) => setKeyFor({ position: view.position, key }),
      });
    },
    [view, width, stage, lang],
  );

  const onKey = (k: number | null) => setKeyFor(k === null ? null : { position, key: k });
  const onChartKey = (e: KeyboardEvent<SVGSVGElement>) => {
    if (!view) return;
    const next = moveKey(e.key, position, T);
    if (next !== null) {
      e.preventDefault();
      actions().selectToken(next);
      return;
    }
    const key = (k: number) => onKey(Math.max(0, Math.min(position, k)));
    switch (e.key) {
      case 'ArrowUp':
        key(view.keyPosition - 1);
        break;
      case 'ArrowDown':
        key(view.keyPosition + 1);
        break;
      case 'Enter':
      case ' ':
        onKey(null);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  // Starts "Position N " in English: e2e tests read the position from it.
  const summary = view
    ? t('concepts.summary', {
        pos: view.position,
        token: view.tokenText,
        layer: view.layer,
        head: view.head,
        key: view.keyPosition,
        weight: fixed(view.weight, 3),
        dot: fixed(view.dot, 3),
        scaled: fixed(view.scaled, 3),
        loss: view.loss
          ? t('concepts.summaryLoss', { nats: fixed(view.loss.nats, 3) })
          : t('concepts.summaryNoNext'),
      })
    : '';

  return (
    <section className={panelClass} data-testid="panel-concepts" aria-labelledby="concepts-h">
      <div className="panel-head">
        <h2 id="concepts-h">{t('concepts.title')}</h2>
        <PresentButton panel="panel-concepts" title={t('concepts.presentTitle')} />
        {view && (
          <ExportButtons
            name="concepts"
            svg={svgRef}
            decorate={vectorStrips}
            csv={() => ({ header: ['quantity', 'index', 'label', 'value'], rows: csvRows(view) })}
          />
        )}
      </div>
      <Lifecycle active={stage} onStage={setStage} />
      {/* Always mounted, so its width is known before the first chart draws. */}
      <div ref={boxRef}>
        {!hasModel ? (
          <p className="muted">{t('concepts.noModel')}</p>
        ) : !result ? (
          <p className="muted">{t('concepts.noContext')}</p>
        ) : (
          <>
            <ConceptsControls
              nLayer={result.n_layer}
              nHead={result.n_head}
              layer={layer}
              head={head}
              position={position}
              tokens={tokens}
              keyChoice={keyChoice}
              onKey={onKey}
              temperature={temperature}
              onTemperature={setTemperature}
            />
            <p className="small" onMouseEnter={() => setStage('tokens')} onMouseLeave={() => setStage(null)}>
              {t('concepts.selected')} <b>{position}</b>
              {withData(t('concepts.selectedToken', { token: slot('token') }), {
                token: tokens[position] ?? '',
              })}{' '}
              <span className="muted">{t('concepts.selectedHint', { id: result.ids[position] })}</span>
            </p>
            <div className="chart-box">
              {view ? (
                <svg
                  ref={svgRef}
                  width={width}
                  height={conceptsHeight(view)}
                  role="img"
                  aria-label={summary}
                  // biome-ignore lint/a11y/noNoninteractiveTabindex: a focusable chart; arrow keys move its selection.
                  tabIndex={0}
                  data-testid="concepts-chart"
                  onKeyDown={onChartKey}
                />
              ) : (
                <p className="muted">{t('concepts.computing')}</p>
              )}
            </div>
            <p className={styles.hint}>{t('concepts.hint')}</p>
            {view && <ConceptsTable v={view} />}
          </>
        )}
      </div>
    </section>
  );
}
