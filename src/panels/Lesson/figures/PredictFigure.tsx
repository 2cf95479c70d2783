/** Stop 1: the model's real next-token distribution after the lesson's text. */
import { useT } from '../../../i18n/useT';
import { BarList } from '../BarList';
import styles from '../Lesson.module.css';
import { distribution, topCandidates, visible } from '../lessonMath';
import { PromptField } from '../PromptField';
import { usePromptInspection } from '../useLive';
import { Waiting } from './Waiting';

export function PredictFigure() {
  const t = useT();
  const { prompt, data } = usePromptInspection();
  return (
    <>
      <PromptField />
      {data ? (
        <figure>
          <figcaption>{t('lesson.fig.nextAfter')}</figcaption>
          <p className={styles.sentence} translate="no">
            {visible(prompt)}
            <span className={styles.cursor}>▮</span>
          </p>
          <BarList items={topCandidates(distribution(data.logits), 8)} vocab={data.vocab} />
        </figure>
      ) : (
        <Waiting />
      )}
    </>
  );
}
