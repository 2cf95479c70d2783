/** Stop 10: gradient × input for the model's favourite next token — each character of the text shaded by its share. */
import { fixed } from '../../../i18n/i18n';
import { useT } from '../../../i18n/useT';
import { actions } from '../../../store/actions';
import { diverging } from '../../../viz/palette';
import styles from '../Lesson.module.css';
import { visible } from '../lessonMath';
import { useLesson } from '../lessonState';
import { PromptField } from '../PromptField';
import { useLive } from '../useLive';
import { Waiting } from './Waiting';

export function SaliencyFigure() {
  const t = useT();
  const prompt = useLesson((s) => s.prompt);
  const { data } = useLive(async () => {
    const result = await actions().lesson.inspect(prompt);
    const token = result.logits.indexOf(Math.max(...result.logits));
    return { result, token, saliency: await actions().lesson.saliency(result.ids, token) };
  }, prompt);
  if (!data)
    return (
      <>
        <PromptField />
        <Waiting />
      </>
    );
  const { result, token, saliency } = data;
  const scores = Array.from(saliency.scores);
  const scale = Math.max(1e-9, ...scores.map(Math.abs));
  const colour = diverging([scale, 0, -scale]); // orange: towards the choice
  const most = scores
    .map((s, i) => ({ i, s }))
    .sort((a, b) => b.s - a.s)
    .slice(0, 3);
  return (
    <>
      <PromptField />
      <figure>
        <figcaption>{t('lesson.fig.salientFor', { token: visible(result.vocab[token]) })}</figcaption>
        <p className={`${styles.sentence} ${styles.saliency}`} translate="no">
          {result.tokens.map((tok, i) => (
            <span
              // biome-ignore lint/suspicious/noArrayIndexKey: one mark per position
              key={i}
              style={{ background: colour(scores[i]) }}
              className={most[0]?.i === i ? styles.focus : ''}
            >
              {visible(tok)}
            </span>
          ))}
        </p>
        <h4>{t('lesson.fig.salientMost')}</h4>
        <ol className={styles.bars}>
          {most.map((m) => (
            <li key={m.i}>
              <span className={styles.tok} translate="no">
                {visible(result.tokens[m.i])}
              </span>
              <span className={styles.meter}>
                <span style={{ width: `${(100 * Math.max(0, m.s)) / scale}%` }} />
              </span>
              <span className={styles.num}>{fixed(m.s, 2)}</span>
            </li>
          ))}
        </ol>
      </figure>
    </>
  );
}
