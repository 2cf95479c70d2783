/** Stop 2: a word on the live tokenizer — its tokens and ids — and what kind of tokenizer it is. */
import { useState } from 'react';
import { useT } from '../../../i18n/useT';
import { actions } from '../../../store/actions';
import { useStore } from '../../../store/store';
import styles from '../Lesson.module.css';
import { visible } from '../lessonMath';
import { useLive } from '../useLive';
import { Waiting } from './Waiting';

export function TokensFigure() {
  const t = useT();
  const [word, setWord] = useState('hello');
  const vocab = useStore((s) => s.model?.vocab_size ?? 0);
  const kind = useStore((s) => s.settings.tokenizer);
  const { data } = useLive(() => actions().lesson.encode(word || ' '), word);
  return (
    <>
      <label className={styles.prompt}>
        <span>{t('lesson.fig.word')}</span>
        <input value={word} translate="no" spellCheck={false} onChange={(e) => setWord(e.target.value)} />
      </label>
      {data ? (
        <figure>
          <figcaption>
            {kind === 'bpe'
              ? t('lesson.fig.tokenizerBpe', { vocab, merges: vocab - 256 })
              : t('lesson.fig.tokenizerChar', { vocab })}
          </figcaption>
          <p className={styles.sentence}>
            <span translate="no">{word}</span> → <span translate="no">[{data.ids.join(', ')}]</span>
          </p>
          <ol className={`${styles.chips} ${styles.focus}`}>
            {data.tokens.map((tok, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a token's place is its identity here
              <li key={i}>
                <span className={styles.tok} translate="no">
                  {visible(tok)}
                </span>
                <span className={styles.id}>{data.ids[i]}</span>
              </li>
            ))}
          </ol>
          <p className={styles.muted}>{t('lesson.fig.tokenCount', { count: data.ids.length })}</p>
        </figure>
      ) : (
        <Waiting />
      )}
    </>
  );
}
