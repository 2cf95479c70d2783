/** The last stop: what the model in the tab is, and the way to the lab to train one on the class's own text. */
import { formatNumber } from '../../../i18n/i18n';
import { useT } from '../../../i18n/useT';
import { actions } from '../../../store/actions';
import { useStore } from '../../../store/store';
import styles from '../Lesson.module.css';
import { Waiting } from './Waiting';

export function YoursFigure() {
  const t = useT();
  const model = useStore((s) => s.model);
  const steps = useStore((s) => s.training.step);
  if (!model) return <Waiting />;
  const ownText = () => {
    actions().closeLesson();
    actions().leaveArrival();
    requestAnimationFrame(() => {
      const box = document.querySelector<HTMLTextAreaElement>('[data-testid="corpus-text"]');
      box?.scrollIntoView({ block: 'center' });
      box?.focus();
    });
  };
  return (
    <figure>
      <p className={styles.lead}>
        {t('lesson.fig.yoursModel', {
          layers: model.n_layer,
          params: formatNumber(model.parameters),
          steps: formatNumber(steps),
        })}
      </p>
      <button type="button" className={`${styles.big} ${styles.focus}`} onClick={ownText}>
        {t('lesson.fig.yoursButton')}
      </button>
    </figure>
  );
}
