import { useT } from '../../../i18n/useT';
import styles from '../Lesson.module.css';
import { PromptField } from '../PromptField';

/** What a figure shows until the model in the tab has answered. */
export function Waiting() {
  const t = useT();
  return (
    <p className={styles.waiting} role="status" data-waiting="">
      {t('lesson.waiting')}
    </p>
  );
}

/** The prompt stays editable while the model thinks about it. */
export function PromptWaiting() {
  return (
    <>
      <PromptField />
      <Waiting />
    </>
  );
}
