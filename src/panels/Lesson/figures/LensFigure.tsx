/** Stop 9: the logit lens at the last position — the guess read after the embeddings and after each block. */
import { useT } from '../../../i18n/useT';
import { percent } from '../BarList';
import styles from '../Lesson.module.css';
import { visible } from '../lessonMath';
import { PromptField } from '../PromptField';
import { usePromptInspection } from '../useLive';
import { PromptWaiting } from './Waiting';

export function LensFigure() {
  const t = useT();
  const { data } = usePromptInspection();
  if (!data) return <PromptWaiting />;
  const T = data.ids.length;
  const k = data.lensK;
  const final = data.lensIds[(data.n_layer * T + T - 1) * k];
  const layers = Array.from({ length: data.n_layer + 1 }, (_, layer) => {
    const at = (layer * T + T - 1) * k;
    return { layer, id: data.lensIds[at], p: data.lensProbs[at] };
  });
  return (
    <>
      <PromptField />
      <figure>
        <ol className={styles.lens}>
          {layers.map((l) => (
            <li key={l.layer} className={l.id === final ? styles.focus : ''}>
              <span>
                {l.layer === 0 ? t('lesson.fig.lensEmbed') : t('lesson.fig.lensLayer', { k: l.layer })}
              </span>
              <span className={styles.tok} translate="no">
                {visible(data.vocab[l.id])}
              </span>
              <span className={styles.meter}>
                <span style={{ width: `${100 * l.p}%` }} />
              </span>
              <span className={styles.num}>{percent(l.p)}</span>
            </li>
          ))}
        </ol>
      </figure>
    </>
  );
}
