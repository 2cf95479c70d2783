/**
 * The context as highlighted text: each token a span tinted by its attribution (orange toward
 * the prediction, purple against, stronger = larger |score|), later tokens greyed as future.
 * Clicking a token explains the prediction after it.
 */
import { type KeyboardEvent, memo } from 'react';
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
  const out = view.prediction.position;
  return (
    <section
      className={`${styles.text} ${stale ? styles.stale : ''}`}
      data-testid="saliency-text"
      data-explained={out}
      aria-label="The context, each token tinted by its attribution; arrow keys move the explained position"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: arrow keys move the explained position from here.
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      {view.bars.map((b) => {
        const bg = b.future ? undefined : color(b.norm);
        const title = b.future
          ? `${b.pos} ${JSON.stringify(b.raw)}: future (0 by causality)`
          : `${b.pos} ${JSON.stringify(b.raw)}: ${b.score.toFixed(4)}`;
        return (
          <span key={b.pos}>
            {b.pos === out + 1 && <span className={styles.futureMark}>future (0 by causality):</span>}
            <button
              type="button"
              tabIndex={-1}
              className={`${styles.tok} ${b.future ? styles.future : ''} ${b.output ? styles.out : ''}`}
              style={bg ? { background: bg, color: textOn(bg) } : undefined}
              title={title}
              data-pos={b.pos}
              onClick={() => onSelect(b.pos)}
            >
              {b.label}
            </button>
            {b.output && (
              <span className={styles.pred} title="the model’s top prediction, explained here">
                → {view.prediction.text}
              </span>
            )}
            {b.raw.includes('\n') && <br />}
          </span>
        );
      })}
    </section>
  );
});
