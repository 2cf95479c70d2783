/** The lesson's one text, shared by the stops that think about it (lessonState.ts). */
import { useT } from '../../i18n/useT';
import styles from './Lesson.module.css';
import { useLesson } from './lessonState';

export function PromptField() {
  const t = useT();
  const prompt = useLesson((s) => s.prompt);
  const setPrompt = useLesson((s) => s.setPrompt);
  return (
    <label className={styles.prompt}>
      <span>{t('lesson.fig.prompt')}</span>
      <input
        value={prompt}
        translate="no"
        spellCheck={false}
        onChange={(e) => setPrompt(e.target.value)}
        data-testid="lesson-prompt"
      />
    </label>
  );
}
