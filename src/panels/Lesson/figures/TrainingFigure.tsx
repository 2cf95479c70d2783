/**
 * Stop 7: one real step of gradient descent on a batch of the passage — the loss before and after
 * (nats and bits), and the weight with the steepest gradient: which way it moved and why. The
 * engine undoes the step, so the lesson leaves the model as it found it.
 */
import { useState } from 'react';
import { fixed, formatNumber } from '../../../i18n/i18n';
import { useT } from '../../../i18n/useT';
import { actions } from '../../../store/actions';
import styles from '../Lesson.module.css';
import { bitsOf } from '../lessonMath';
import { LESSON_PASSAGE } from '../lessonState';
import { useLive } from '../useLive';
import { Waiting } from './Waiting';

const RATES = [0.001, 0.01, 0.1, 1];

export function TrainingFigure() {
  const t = useT();
  const [rate, setRate] = useState(0.01);
  const [tries, setTries] = useState(0);
  const { data } = useLive(() => actions().lesson.stepDemo(LESSON_PASSAGE, rate), `${rate}|${tries}`);
  if (!data) return <Waiting />;
  const loss = (nats: number) =>
    t('lesson.fig.natsBits', { nats: fixed(nats, 3), bits: fixed(bitsOf(nats), 3) });
  const w = data.weight;
  return (
    <figure>
      <figcaption>{t('lesson.fig.batch', { B: data.B, T: data.T })}</figcaption>
      <dl className={styles.facts}>
        <dt>{t('lesson.fig.lossBefore')}</dt>
        <dd data-testid="lesson-loss-before">{loss(data.lossBefore)}</dd>
        <dt>{t('lesson.fig.lossAfter')}</dt>
        <dd data-testid="lesson-loss-after">{loss(data.lossAfter)}</dd>
      </dl>
      <div className={styles.focus}>
        <h4>{t('lesson.fig.theWeight')}</h4>
        <p className={styles.math}>
          <span translate="no">
            {w.name}[{w.index.join(', ')}]
          </span>
          <br />
          {t('lesson.fig.gradient')} = <b>{formatNumber(w.grad, { maximumSignificantDigits: 3 })}</b> ·{' '}
          {t('lesson.fig.before')} <b>{fixed(w.before, 4)}</b> → {t('lesson.fig.after')}{' '}
          <b>{fixed(w.after, 4)}</b>
        </p>
        <p>{w.grad > 0 ? t('lesson.fig.whyDown') : t('lesson.fig.whyUp')}</p>
      </div>
      <div className={styles.row}>
        <label className={styles.choice}>
          <span>{t('lesson.fig.learningRate')}</span>
          <select value={rate} onChange={(e) => setRate(Number(e.target.value))}>
            {RATES.map((r) => (
              <option key={r} value={r}>
                {formatNumber(r)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setTries(tries + 1)}>
          {t('lesson.fig.again')}
        </button>
      </div>
      {data.lossAfter > data.lossBefore && <p>{t('lesson.fig.tooBig')}</p>}
      <p className={styles.muted}>{t('lesson.fig.undone')}</p>
    </figure>
  );
}
