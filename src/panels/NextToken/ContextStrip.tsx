/** The context the prediction continues, as clickable tokens: the newest one marked, the selected one outlined. */
import { memo } from 'react';
import { useT } from '../../i18n/useT';
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
  const t = useT();
  const from = Math.max(0, tokens.length - SHOWN);
  return (
    // A div, not a fieldset: Chromium re-attaches every child of a fieldset when one is added, so
    // each token laid out the whole strip again (bench/panels.ts, invalidation tracking).
    // biome-ignore lint/a11y/useSemanticElements: see above.
    <div
      role="group"
      aria-label={t('nextToken.contextLabel')}
      className={styles.context}
      data-testid="next-token-context"
    >
      {from > 0 && <span className={styles.ws}>… </span>}
      {tokens.slice(from).map((tok, j) => {
        const i = from + j;
        const cls = [styles.tok, i === newest ? styles.newest : '', i === selected ? styles.selected : ''];
        return (
          <button
            key={i}
            type="button"
            tabIndex={-1}
            className={cls.join(' ')}
            // The button holds a token (data); its title's words come from the catalogue.
            translate="no"
            title={t(i === newest ? 'nextToken.tokenTitleNewest' : 'nextToken.tokenTitle', {
              pos: i,
              token: JSON.stringify(tok),
            })}
            aria-pressed={i === selected}
            onClick={() => actions().selectToken(i)}
          >
            {visible(tok)}
          </button>
        );
      })}
    </div>
  );
});
