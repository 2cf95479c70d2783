/**
 * The context as highlighted text: each token a span tinted by its attribution (orange toward
 * the prediction, purple against, stronger = larger |score|), later tokens greyed as future.
 * Clicking a token explains the prediction after it.
 */
import { type KeyboardEvent, memo } from 'react';
import { fixed } from '../../i18n/i18n';
import { useT } from '../../i18n/useT';
import { diverging, textOn } from '../../viz';
import styles from './Saliency.module.css';
import type { SaliencyView } from './saliencyBars';

const color = diverging([-1, 0, 1]);

interface Props {
  view: SaliencyView;
  stale: boolean;
  onSelect(pos: number): void;
  onKeyDown(e: KeyboardEvent<HTMLElement>): void;
}

export const SaliencyText = memo(function SaliencyText({ view, stale, onSelect, onKeyDown }: Props) {
  const t = useT();
  const out = view.prediction.position;
  return (
    <section
      className={`${styles.text} ${stale ? styles.stale : ''}`}
      data-testid="saliency-text"
      data-explained={out}
      aria-label={t('saliency.textLabel')}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: arrow keys move the explained position from here.
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      {view.bars.map((b) => {
        const bg = b.future ? undefined : color(b.norm);
        const title = t('saliency.tokenTitle', {
          pos: b.pos,
          token: JSON.stringify(b.raw),
          score: b.future ? t('saliency.futureZero') : fixed(b.score, 4),
        });
        return (
          <span key={b.pos}>
            {b.pos === out + 1 && <span className={styles.futureMark}>{t('saliency.futureMark')}</span>}
            <button
              type="button"
              tabIndex={-1}
              className={`${styles.tok} ${b.future ? styles.future : ''} ${b.output ? styles.out : ''}`}
              style={bg ? { background: bg, color: textOn(bg) } : undefined}
              title={title}
              translate="no"
              data-pos={b.pos}
              onClick={() => onSelect(b.pos)}
            >
              {b.label}
            </button>
            {b.output && (
              <span className={styles.pred} title={t('saliency.predictionTitle')}>
                → <span translate="no">{view.prediction.text}</span>
              </span>
            )}
            {b.raw.includes('\n') && <br />}
          </span>
        );
      })}
    </section>
  );
});
