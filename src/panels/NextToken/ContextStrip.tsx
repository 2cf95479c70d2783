/** The context the prediction continues, as clickable tokens: the newest one marked, the selected one outlined. */
import { memo } from 'react';
import { actions } from '../../store/actions';
import styles from './NextToken.module.css';
import { visible } from './nextTokenData';

const SHOWN = 64;

interface Props {
  tokens: string[];
  selected: number | null;
  newest: number | null;
}

export const ContextStrip = memo(function ContextStrip({ tokens, selected, newest }: Props) {
  const from = Math.max(0, tokens.length - SHOWN);
  return (
    // A div, not a fieldset: Chromium re-attaches every child of a fieldset when one is added, so
    // each token laid out the whole strip again (bench/panels.ts, invalidation tracking).
    // biome-ignore lint/a11y/useSemanticElements: see above.
    <div
      role="group"
      aria-label="Context (click a token to select it)"
      className={styles.context}
      data-testid="next-token-context"
    >
      {from > 0 && <span className={styles.ws}>… </span>}
      {tokens.slice(from).map((t, j) => {
        const i = from + j;
        const cls = [styles.tok, i === newest ? styles.newest : '', i === selected ? styles.selected : ''];
        return (
          <button
            key={i}
            type="button"
            tabIndex={-1}
            className={cls.join(' ')}
            title={`position ${i}: ${JSON.stringify(t)}${i === newest ? ' (just appended)' : ''}`}
            aria-pressed={i === selected}
            onClick={() => actions().selectToken(i)}
          >
            {visible(t)}
          </button>
        );
      })}
    </div>
  );
});
