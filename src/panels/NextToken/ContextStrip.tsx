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
    <fieldset className={styles.context} data-testid="next-token-context">
      <legend className="sr-only">Context (click a token to select it)</legend>
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
    </fieldset>
  );
});
