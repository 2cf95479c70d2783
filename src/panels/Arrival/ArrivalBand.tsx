/** The first visit's band: what is on screen, a prompt to change, and the way to a model of one's own. */
import { fixed, t as translate } from '../../i18n/i18n';
import { useT } from '../../i18n/useT';
import { actions } from '../../store/actions';
import { useStore } from '../../store/store';
import styles from './Arrival.module.css';

/** Stands for the corpus's name in the sentence, so the name can sit in a span of its own. */
const NAME = '\u0000';

/** The student's path: the lab's steps come first, the corpus box takes the focus. */
function trainYourOwn(): void {
  actions().leaveArrival();
  useStore.setState({ notice: translate('arrival.trainOwnNotice') });
  requestAnimationFrame(() => {
    const box = document.querySelector<HTMLTextAreaElement>('[data-testid="corpus-text"]');
    box?.scrollIntoView({ block: 'center' });
    box?.focus();
  });
}

export function ArrivalBand() {
  const t = useT();
  const prompt = useStore((s) => s.generation.prompt);
  const learnedFrom = useStore((s) => s.learnedFrom);
  const ready = useStore((s) => s.model !== null);
  const a = actions();
  // The name is the text's own (data, not interface): it is marked so no one translates it.
  const [before, after] = learnedFrom
    ? t('arrival.learned', { name: NAME, millions: fixed(learnedFrom.characters / 1e6, 1) }).split(NAME)
    : [];
  return (
    <section className={styles.band} aria-labelledby="arrival-h">
      <div>
        <h2 id="arrival-h">{t('arrival.title')}</h2>
        <p>
          {learnedFrom ? (
            <>
              {before}
              <span translate="no">{learnedFrom.name}</span>
              {after}
            </>
          ) : (
            t('arrival.loading')
          )}{' '}
          {t('arrival.below')}
        </p>
      </div>
      <label className={styles.prompt}>
        <span>{t('arrival.tryPrompt')}</span>
        <input
          aria-label={t('arrival.tryPrompt')}
          value={prompt}
          disabled={!ready}
          spellCheck={false}
          translate="no"
          onChange={(e) => a.tryPrompt(e.target.value)}
        />
      </label>
      <button type="button" className={`primary ${styles.train}`} onClick={trainYourOwn}>
        {t('arrival.trainOwn')}
      </button>
    </section>
  );
}
