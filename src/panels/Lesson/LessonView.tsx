/**
 * The guided lesson, over the whole page (a projector sees only it): the stop's title, its text
 * and one thing to try beside its live figure, `k / n`, Back / Next (a clicker's Page Up / Page
 * Down do the same: app/lesson-actions.ts) and a row of dots to jump to any stop.
 */
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/useT';
import { actions } from '../../store/actions';
import { useStore } from '../../store/store';
import styles from './Lesson.module.css';
import { STOP_COUNT, STOPS } from './stops';

export function LessonView() {
  const t = useT();
  const k = useStore((s) => s.lesson);
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new stop is announced from its title
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [k]);
  if (k === null) return null;
  const stop = STOPS[k - 1];
  const { Figure } = stop;
  const title = t(`lesson.stops.${stop.id}.title`);
  return (
    <div
      className={styles.lesson}
      data-testid="lesson"
      data-stop={stop.id}
      role="dialog"
      aria-modal="true"
      aria-labelledby="lesson-title"
    >
      <div className={styles.topbar}>
        <span
          className={styles.progress}
          data-testid="lesson-progress"
          role="status"
          aria-label={t('lesson.stopOf', { k, n: STOP_COUNT })}
        >
          {k} / {STOP_COUNT}
        </span>
        <nav className={styles.dots} aria-label={t('lesson.label')}>
          {STOPS.map((s, i) => (
            <button
              key={s.id}
              type="button"
              className={i + 1 === k ? styles.dotOn : styles.dot}
              aria-current={i + 1 === k ? 'step' : undefined}
              aria-label={t('lesson.goTo', { k: i + 1, title: t(`lesson.stops.${s.id}.title`) })}
              onClick={() => actions().openLesson(i + 1)}
            />
          ))}
        </nav>
        <div className={styles.buttons}>
          <button
            type="button"
            data-testid="lesson-prev"
            disabled={k === 1}
            onClick={() => actions().openLesson(k - 1)}
          >
            ← {t('lesson.prev')}
          </button>
          <button
            type="button"
            data-testid="lesson-next"
            disabled={k === STOP_COUNT}
            onClick={() => actions().openLesson(k + 1)}
          >
            {t('lesson.next')} →
          </button>
          <button type="button" onClick={() => actions().closeLesson()}>
            {t('lesson.close')} <kbd translate="no">Esc</kbd>
          </button>
        </div>
      </div>
      <div className={styles.body}>
        <section className={styles.text}>
          <h2 id="lesson-title" ref={heading} tabIndex={-1}>
            {title}
          </h2>
          <p>{t(`lesson.stops.${stop.id}.body`)}</p>
          <p className={styles.try}>
            <b>{t('lesson.tryThis')}:</b> {t(`lesson.stops.${stop.id}.try`)}
          </p>
          <p className={styles.keys}>{t('lesson.keys')}</p>
        </section>
        <section className={styles.figure} data-testid="lesson-figure" key={stop.id}>
          <Figure />
        </section>
      </div>
    </div>
  );
}
