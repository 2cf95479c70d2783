/** The lifecycle strip: text → tokens → embeddings → layers → softmax → loss → update, the explained stage lit. */

import { useT } from '../../i18n/useT';
import styles from './Concepts.module.css';
import { STAGES, type Stage } from './conceptsData';

interface Props {
  active: Stage | null;
  onStage: (s: Stage | null) => void;
}

export function Lifecycle({ active, onStage }: Props) {
  const t = useT();
  return (
    <div className={styles.lifecycle}>
      <ol aria-label={t('concepts.lifecycle')} data-testid="concepts-lifecycle">
        {STAGES.map((s, i) => (
          <li key={s}>
            {i > 0 && (
              <span aria-hidden="true" className={styles.arrow}>
                →
              </span>
            )}
            <button
              type="button"
              className={s === active ? styles.stageActive : styles.stage}
              aria-pressed={s === active}
              data-testid={`concepts-stage-${s}`}
              title={t(`concepts.stageText.${s}`)}
              onMouseEnter={() => onStage(s)}
              onMouseLeave={() => onStage(null)}
              onFocus={() => onStage(s)}
              onBlur={() => onStage(null)}
            >
              {t(`concepts.stage.${s}`)}
            </button>
          </li>
        ))}
      </ol>
      <p className={styles.stageText} aria-live="polite">
        {active ? t(`concepts.stageText.${active}`) : t('concepts.lifecycleIdle')}
      </p>
    </div>
  );
}
