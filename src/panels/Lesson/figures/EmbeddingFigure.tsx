/** Stop 3: one token's embedding row as a strip of colours, and the tokens whose rows point the same way. */
import { useState } from 'react';
import { fixed } from '../../../i18n/i18n';
import { useT } from '../../../i18n/useT';
import { actions } from '../../../store/actions';
import { diverging } from '../../../viz/palette';
import styles from '../Lesson.module.css';
import { visible } from '../lessonMath';
import { useLive } from '../useLive';
import { Waiting } from './Waiting';

export function EmbeddingFigure() {
  const t = useT();
  const [token, setToken] = useState('e');
  const { data } = useLive(async () => {
    const { ids } = await actions().lesson.encode(token || 'e');
    return actions().lesson.neighbours(ids[0], 6);
  }, token);
  const scale = data ? Math.max(1e-9, ...Array.from(data.vector, Math.abs)) : 1;
  const colour = diverging([-scale, 0, scale]);
  return (
    <>
      <label className={styles.prompt}>
        <span>{t('lesson.fig.pickToken')}</span>
        <input
          value={token}
          maxLength={1}
          translate="no"
          className={styles.short}
          onChange={(e) => setToken(e.target.value)}
        />
      </label>
      {data ? (
        <figure>
          <figcaption>{t('lesson.fig.vector', { width: data.vector.length })}</figcaption>
          <div className={`${styles.strip} ${styles.focus}`} aria-hidden="true">
            {Array.from(data.vector, (v, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one cell per dimension
              <span key={i} style={{ background: colour(v) }} />
            ))}
          </div>
          <p className={styles.muted} translate="no">
            [{Array.from(data.vector.slice(0, 6), (v) => fixed(v, 3)).join(', ')}, …]
          </p>
          <h4>{t('lesson.fig.neighbours')}</h4>
          <ol className={styles.bars}>
            {data.neighbours.map((n) => (
              <li key={n.id}>
                <span className={styles.tok} translate="no">
                  {visible(data.vocab[n.id])}
                </span>
                <span className={styles.meter}>
                  <span style={{ width: `${Math.max(0, n.cosine) * 100}%` }} />
                </span>
                <span className={styles.num}>{fixed(n.cosine, 2)}</span>
              </li>
            ))}
          </ol>
        </figure>
      ) : (
        <Waiting />
      )}
    </>
  );
}
