/**
 * Attention: every head as a small multiple (select, ablate), the selected head large
 * (query × key, causal mask hatched), arrows from the selected token back to what it
 * attends to, and a scrubber over snapshots recorded while training ("watch a head learn").
 */
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../../i18n/useT';
import { actions } from '../../store/actions';
import { useStore } from '../../store/store';
import { ExportButtons } from '../shared/ExportButtons';
import { PresentButton, usePresentedClass } from '../shared/Present';
import { useInspection } from '../shared/useInspection';
import { ArcStrip } from './ArcStrip';
import styles from './Attention.module.css';
import { AttentionTable } from './AttentionTable';
import {
  type AttentionSource,
  ablatedHeads,
  ablationNotice,
  attentionCsv,
  CSV_HEADER,
  clamp,
  cycleHead,
  headLabel,
  headMatrix,
  isAblated,
  shownSnapshot,
  sourceFromResult,
  sourceFromSnapshot,
} from './attentionData';
import { HeadGrid } from './HeadGrid';
import { HeatmapView } from './HeatmapView';
import { HistoryScrubber } from './HistoryScrubber';
import { vectorCells } from './heatmapCells';

const run = (f: () => Promise<void> | void) => {
  try {
    void f();
  } catch {
    // actions are registered at start-up; before that there is nothing to do
  }
};

/** Draw time of one update, on the panel as data-*-ms (no console line: a console with devtools attached costs ~1 ms a call). */
function reportDraw(svg: SVGSVGElement | null, key: 'heatmap' | 'thumbs', ms: number): void {
  svg?.closest('section')?.setAttribute(`data-${key}-ms`, ms.toFixed(1));
}

export function AttentionPanel() {
  const t = useT();
  const panelClass = usePresentedClass('panel-attention');
  const model = useStore((s) => s.model);
  const { result, selected } = useInspection('panel-attention');
  const selLayer = useStore((s) => s.inspect.layer);
  const selHead = useStore((s) => s.inspect.head);
  const mask = useStore((s) => s.inspect.headMask);
  const history = useStore((s) => s.inspect.history);
  const busy = useStore((s) => s.inspect.busy);
  const status = useStore((s) => s.training.status);
  const prompt = useStore((s) => s.generation.prompt);
  const [snap, setSnap] = useState<number | null>(null);
  const [snapQuery, setSnapQuery] = useState<number | null>(null);
  const [csvAll, setCsvAll] = useState(false);
  const svgRef = useRef<SVGSVGElement>(null);

  // Snapshots are recorded in the worker while training; fetch them when training stops.
  const hasModel = model !== null;
  useEffect(() => {
    if (hasModel && status !== 'training') run(() => actions().loadAttentionHistory());
  }, [hasModel, status]);

  const nLayer = result?.n_layer ?? model?.n_layer ?? 0;
  const nHead = result?.n_head ?? model?.n_head ?? 0;
  const index = shownSnapshot(history.length, snap, result !== null);
  const snapshot = index === null ? null : history[index];
  const src: AttentionSource | null = useMemo(() => {
    if (snapshot) return sourceFromSnapshot(snapshot, nLayer, nHead);
    return result ? sourceFromResult(result) : null;
  }, [snapshot, result, nLayer, nHead]);

  const layer = src ? clamp(selLayer, 0, src.nLayer - 1) : 0;
  const head = src ? clamp(selHead, 0, src.nHead - 1) : 0;
  const T = src?.T ?? 0;
  const query = clamp((snapshot ? snapQuery : selected) ?? T - 1, 0, Math.max(0, T - 1));
  const matrix = useMemo(() => (src ? headMatrix(src, layer, head) : null), [src, layer, head]);

  const onQuery = useCallback(
    (q: number) => (snapshot ? setSnapQuery(q) : run(() => actions().selectToken(q))),
    [snapshot],
  );
  const onSelect = useCallback((l: number, h: number) => run(() => actions().selectHead(l, h)), []);
  const onToggle = useCallback((l: number, h: number) => run(() => actions().toggleHead(l, h)), []);
  const onCycleHead = (delta: number) => {
    if (!src) return;
    const next = cycleHead({ layer, head }, delta, src.nLayer, src.nHead);
    onSelect(next.layer, next.head);
  };
  const onHeatmap = useCallback((ms: number) => reportDraw(svgRef.current, 'heatmap', ms), []);
  const onThumbs = useCallback((ms: number) => reportDraw(svgRef.current, 'thumbs', ms), []);

  const off = ablatedHeads(mask, nHead);
  const restoreAll = async () => {
    for (const h of off) await actions().toggleHead(h.layer, h.head);
  };
  const when = snapshot ? t('attention.whenStep', { step: snapshot.step }) : t('attention.live');
  const ablated = isAblated(mask, nHead, layer, head) ? ` · ${t('attention.ablatedTag')}` : '';
  const title = `${headLabel(layer, head)} · ${when}${ablated}`;

  let body: ReactNode;
  if (!model)
    body = (
      <p className={styles.empty} data-testid="attention-empty">
        {t('attention.noModel')}
      </p>
    );
  else if (!src)
    body = (
      <div className={styles.empty} data-testid="attention-empty">
        <p>{t('attention.noSource')}</p>
        {prompt && (
          <button type="button" onClick={() => run(() => actions().refreshInspection())}>
            {t('attention.inspectPrompt')}
          </button>
        )}
        <HistoryScrubber history={history} index={index} onChange={setSnap} hasLive={false} />
      </div>
    );
  else
    body = (
      <>
        {off.length > 0 && (
          <p className={styles.notice} data-testid="attention-ablation-notice" role="status">
            {ablationNotice(off.length)} ({off.map((h) => headLabel(h.layer, h.head)).join(', ')}).
            <button type="button" onClick={() => void restoreAll()}>
              {t('attention.restoreAll')}
            </button>
          </p>
        )}
        <HeadGrid
          src={src}
          layer={layer}
          head={head}
          mask={mask}
          onSelect={onSelect}
          onToggle={onToggle}
          onDrawn={onThumbs}
        />
        <p className={styles.hint}>{t('attention.gridHint')}</p>
        <h3>{t('attention.watchTitle')}</h3>
        <HistoryScrubber history={history} index={index} onChange={setSnap} hasLive={!!result} />
        {snapshot && result && (
          <p className={styles.hint}>{t('attention.probeNote', { step: snapshot.step })}</p>
        )}
        <HeatmapView
          svgRef={svgRef}
          src={src}
          layer={layer}
          head={head}
          query={query}
          title={title}
          onQuery={onQuery}
          onCycleHead={onCycleHead}
          onDrawn={onHeatmap}
        />
        <h3>{t('attention.arrowsTitle')}</h3>
        {matrix && <ArcStrip tokens={src.tokens} matrix={matrix} query={query} onQuery={onQuery} />}
        {matrix && (
          <AttentionTable
            caption={t('attention.tableOf', { title })}
            tokens={src.tokens}
            matrix={matrix}
            query={query}
          />
        )}
      </>
    );

  return (
    <section
      className={`${panelClass} ${styles.root}`}
      data-testid="panel-attention"
      aria-label={t('attention.title')}
    >
      <div className="panel-head">
        <h2>{t('attention.title')}</h2>
        <PresentButton panel="panel-attention" title={t('attention.presentWhat')} />
        {busy && <span className={styles.status}>{t('attention.updating')}</span>}
        {src && (
          <label className={styles.csvScope}>
            <input
              type="checkbox"
              checked={csvAll}
              onChange={(e) => setCsvAll(e.currentTarget.checked)}
              data-testid="attention-csv-all"
            />
            {t('attention.csvAll')}
          </label>
        )}
        {src && (
          <ExportButtons
            name="attention"
            svg={svgRef}
            decorate={vectorCells}
            csv={() => ({ header: CSV_HEADER, rows: attentionCsv(src, csvAll ? 'all' : { layer, head }) })}
          />
        )}
      </div>
      {body}
    </section>
  );
}
