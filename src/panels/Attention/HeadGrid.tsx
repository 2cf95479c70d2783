/**
 * Small multiples: one tiny (query × key) map per layer and head, each a canvas with one
 * pixel per cell (T² pixels, scaled up crisply by CSS: viz putSquareBitmap), so 16 maps of
 * 64×64 cost a millisecond or two. Each is a button (select the head); a second button
 * ablates/restores it.
 */
import type { CSSProperties, MouseEvent } from 'react';
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/useT';
import { putSquareBitmap } from '../../viz';
import styles from './Attention.module.css';
import { type AttentionSource, headLabel, headMatrix, isAblated, maxWeight } from './attentionData';
import { CIVIDIS_LUT, thumbPixels } from './thumbPixels';

interface Props {
  src: AttentionSource;
  layer: number;
  head: number;
  mask: number[] | null;
  onSelect(layer: number, head: number): void;
  onToggle(layer: number, head: number): void;
  /** Milliseconds the last repaint of all maps took. */
  onDrawn?(ms: number): void;
}

export function HeadGrid({ src, layer, head, mask, onSelect, onToggle, onDrawn }: Props) {
  const t = useT();
  const canvases = useRef<(HTMLCanvasElement | null)[]>([]);
  const { nLayer, nHead, T } = src;

  useEffect(() => {
    const t0 = performance.now();
    for (let i = 0; i < nLayer * nHead; i++) {
      const canvas = canvases.current[i];
      if (!canvas) continue;
      const m = headMatrix(src, Math.floor(i / nHead), i % nHead);
      putSquareBitmap(canvas, thumbPixels(m, T, maxWeight(m, T), CIVIDIS_LUT), T);
    }
    onDrawn?.(performance.now() - t0);
  }, [src, nLayer, nHead, T, onDrawn]);

  const items = [];
  for (let l = 0; l < nLayer; l++) {
    items.push(
      <span key={`L${l}`} className={styles.layerLabel} aria-hidden="true">
        {t('attention.layer', { layer: l })}
      </span>,
    );
    for (let h = 0; h < nHead; h++) {
      const i = l * nHead + h;
      const off = isAblated(mask, nHead, l, h);
      const label = headLabel(l, h);
      const pick = (e: MouseEvent) => (e.shiftKey ? onToggle(l, h) : onSelect(l, h));
      items.push(
        <div key={label} className={`${styles.thumb} ${off ? styles.ablated : ''}`}>
          <button
            type="button"
            className={styles.pick}
            aria-pressed={l === layer && h === head}
            aria-label={t(off ? 'attention.showHeadAblated' : 'attention.showHead', { label })}
            title={t(off ? 'attention.clickToRestore' : 'attention.clickToAblate', { label })}
            data-testid={`attention-head-L${l}-H${h}`}
            onClick={pick}
          >
            <span className={styles.thumbBox}>
              <canvas
                ref={(c) => {
                  canvases.current[i] = c;
                }}
              />
            </span>
            <span className={styles.pickLabel}>{label}</span>
          </button>
          <button
            type="button"
            className={styles.toggle}
            aria-pressed={off}
            aria-label={t(off ? 'attention.restore' : 'attention.ablate', { label })}
            title={off ? t('attention.restoreTitle') : t('attention.ablateTitle')}
            data-testid={`attention-ablate-L${l}-H${h}`}
            onClick={() => onToggle(l, h)}
          >
            {off ? t('attention.on') : t('attention.off')}
          </button>
        </div>,
      );
    }
  }
  return (
    <fieldset className={styles.grid} style={{ '--heads': nHead } as CSSProperties}>
      <legend className="sr-only">{t('attention.gridLegend')}</legend>
      {items}
    </fieldset>
  );
}
