/** Stop 6: the real logits after the text, through softmax at a temperature the class drags. */
import { useState } from 'react';
import { fixed } from '../../../i18n/i18n';
import { useT } from '../../../i18n/useT';
import { BarList } from '../BarList';
import styles from '../Lesson.module.css';
import { distribution, entropyBits, topCandidates, visible } from '../lessonMath';
import { PromptField } from '../PromptField';
import { usePromptInspection } from '../useLive';
import { Waiting } from './Waiting';

export function SoftmaxFigure() {
  const t = useT();
  const { data } = usePromptInspection();
  const [temperature, setTemperature] = useState(1);
  const p = data ? distribution(data.logits, temperature) : null;
  const top = p ? topCandidates(p, 8) : [];
  return (
    <>
      <PromptField />
      <label className={styles.prompt}>
        <span>
          {t('lesson.fig.temperature')} <b data-testid="lesson-temperature">{fixed(temperature, 1)}</b>
        </span>
        <input
          type="range"
          min={0.1}
          max={2}
          step={0.1}
          value={temperature}
          onChange={(e) => setTemperature(Number(e.target.value))}
        />
      </label>
      {data && p ? (
        <figure>
          <figcaption className={styles.focus}>
            {t('lesson.fig.entropy', { bits: fixed(entropyBits(p), 2) })}
          </figcaption>
          <BarList items={top} vocab={data.vocab} />
          <p className={styles.muted}>
            {t('lesson.fig.logit')}:{' '}
            {top.slice(0, 5).map((c) => (
              <span key={c.id} className={styles.logit}>
                <span translate="no">{visible(data.vocab[c.id])}</span> {fixed(data.logits[c.id], 2)}
              </span>
            ))}
          </p>
        </figure>
      ) : (
        <Waiting />
      )}
    </>
  );
}
