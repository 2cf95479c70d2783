/**
 * Stop 8: four ways to choose from the same distribution — greedy, temperature, top-k, top-p —
 * each with its pick (one shared uniform u, as the next-token panel draws) and how many tokens it
 * keeps; "Add one token" appends the chosen rule's pick and the model thinks again.
 */
import { useState } from 'react';
import { formatNumber } from '../../../i18n/i18n';
import { useT } from '../../../i18n/useT';
import { Rng } from '../../../model/rng';
import { drawWithUniform, type SamplingOptions, samplingDistribution } from '../../../model/sample';
import { BarList } from '../BarList';
import styles from '../Lesson.module.css';
import { distribution, topCandidates, visible } from '../lessonMath';
import { LESSON_PROMPT, useLesson } from '../lessonState';
import { PromptField } from '../PromptField';
import { usePromptInspection } from '../useLive';
import { PromptWaiting } from './Waiting';

type Rule = 'greedy' | 'sampled' | 'topK' | 'topP';

const RULES: Record<Rule, SamplingOptions> = {
  greedy: { mode: 'greedy', temperature: 1, topK: 0, topP: 1 },
  sampled: { mode: 'sample', temperature: 1.2, topK: 0, topP: 1 },
  topK: { mode: 'sample', temperature: 1, topK: 5, topP: 1 },
  topP: { mode: 'sample', temperature: 1, topK: 0, topP: 0.9 },
};

export function GenerationFigure() {
  const t = useT();
  const { prompt, data } = usePromptInspection();
  const setPrompt = useLesson((s) => s.setPrompt);
  const [rule, setRule] = useState<Rule>('greedy');
  if (!data) return <PromptWaiting />;
  const u = new Rng([...prompt].length).next(); // one draw per length: the same text gives the same picks
  const label = (r: Rule) =>
    r === 'greedy'
      ? t('lesson.fig.greedy')
      : r === 'sampled'
        ? t('lesson.fig.sampled', { T: formatNumber(RULES.sampled.temperature) })
        : r === 'topK'
          ? t('lesson.fig.topK', { k: RULES.topK.topK })
          : t('lesson.fig.topP', { p: formatNumber(RULES.topP.topP) });
  const views = (Object.keys(RULES) as Rule[]).map((r) => {
    const p = samplingDistribution(data.logits, RULES[r]);
    return { r, p, pick: drawWithUniform(p, u), kept: Array.from(p).filter((x) => x > 0).length };
  });
  const chosen = views.find((v) => v.r === rule)!;
  return (
    <>
      <PromptField />
      <div className={styles.rules}>
        {views.map((v) => (
          <button
            type="button"
            key={v.r}
            className={v.r === rule ? styles.focus : ''}
            aria-pressed={v.r === rule}
            onClick={() => setRule(v.r)}
          >
            <b>{label(v.r)}</b>
            <span>
              {t('lesson.fig.picks')} “<span translate="no">{visible(data.vocab[v.pick])}</span>”
            </span>
            <span className={styles.muted}>{t('lesson.fig.kept', { count: v.kept })}</span>
          </button>
        ))}
      </div>
      <BarList
        items={topCandidates(distribution(data.logits), 8).map((c) => ({ id: c.id, p: chosen.p[c.id] }))}
        vocab={data.vocab}
        focus={chosen.pick}
        dim={(id) => chosen.p[id] === 0}
      />
      <div className={styles.row}>
        <button
          type="button"
          data-testid="lesson-add-token"
          onClick={() => setPrompt(prompt + data.vocab[chosen.pick])}
        >
          {t('lesson.fig.addToken', { rule: label(rule) })}
        </button>
        <button type="button" onClick={() => setPrompt(LESSON_PROMPT)}>
          {t('lesson.fig.reset')}
        </button>
      </div>
    </>
  );
}
