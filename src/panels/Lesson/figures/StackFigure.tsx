/** Stop 5: the pipeline text → tokens → embeddings → blocks → softmax, with this model's shapes; a button walks the data down it. */
import { useState } from 'react';
import { formatNumber } from '../../../i18n/i18n';
import { useT } from '../../../i18n/useT';
import { useStore } from '../../../store/store';
import styles from '../Lesson.module.css';
import { visible } from '../lessonMath';
import { usePromptInspection } from '../useLive';
import { Waiting } from './Waiting';

export function StackFigure() {
  const t = useT();
  const { prompt, data } = usePromptInspection();
  const model = useStore((s) => s.model);
  const [at, setAt] = useState(0);
  if (!model || !data) return <Waiting />;
  const T = data.ids.length;
  const { n_embd: C, vocab_size: V } = model;
  const top = data.logits.indexOf(Math.max(...data.logits));
  const stages: { label: string; shape: string }[] = [
    { label: t('lesson.fig.stage.text'), shape: `“${visible(prompt.slice(-24))}”` },
    { label: t('lesson.fig.stage.tokens'), shape: `${T}` },
    { label: t('lesson.fig.stage.embeddings'), shape: `${T} × ${C}` },
    ...Array.from({ length: model.n_layer }, (_, k) => ({
      label: t('lesson.fig.stage.block', { k: k + 1 }),
      shape: `${T} × ${C}`,
    })),
    { label: t('lesson.fig.stage.head'), shape: `${T} × ${V}` },
    { label: t('lesson.fig.stage.softmax'), shape: `${V}` },
    { label: t('lesson.fig.stage.next'), shape: `“${visible(data.vocab[top])}”` },
  ];
  const lit = at % stages.length;
  return (
    <figure>
      <figcaption>
        {t('lesson.fig.parameters', { count: model.parameters, formatted: formatNumber(model.parameters) })}
      </figcaption>
      <ol className={styles.stack}>
        {stages.map((s, i) => (
          <li
            key={s.label}
            className={i === lit ? styles.focus : ''}
            aria-current={i === lit ? 'step' : undefined}
          >
            <span>{s.label}</span>
            <span className={styles.shape} translate="no">
              {s.shape}
            </span>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => setAt(lit + 1)}>
        {t('lesson.fig.follow')}
      </button>
    </figure>
  );
}
