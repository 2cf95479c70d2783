/**
 * Fine-tune: what the model's vocabulary lacks of the corpus (as data, with counts), what to do
 * with it (vocab-policy), the fine-tuning learning rate and steps, the button, and what the last
 * fine-tune showed: vocabulary grown or characters removed, the validation loss before any step,
 * and the same prompt's greedy continuation before and after.
 */
import { useEffect } from 'react';
import { fixed, formatNumber } from '../../i18n/i18n';
import { useT } from '../../i18n/useT';
import { actions } from '../../store/actions';
import type { FineTuneRun } from '../../store/fine-tune';
import { patch, useStore } from '../../store/store';
import type { CharCount, FineTunePlan, VocabPolicy } from '../../worker/api';
import { NumberField } from '../shared/NumberField';
import styles from './FineTune.module.css';

/** Characters as data, each with how often the corpus holds it. */
function Chars({ chars, testId }: { chars: CharCount[]; testId?: string }) {
  const t = useT();
  return (
    <ul className={styles.chars} data-testid={testId}>
      {chars.map((c) => (
        <li key={c.char}>
          <code translate="no">{c.shown}</code>{' '}
          <span className="muted">{t('fineTune.times', { n: formatNumber(c.count) })}</span>
        </li>
      ))}
    </ul>
  );
}

function Missing({ plan }: { plan: FineTunePlan | null }) {
  const t = useT();
  if (!plan) return <p className="muted small">{t('fineTune.noText')}</p>;
  if (plan.tokenizer === 'bpe') return <p className="small">{t('fineTune.bpeCovers')}</p>;
  if (plan.missing.length === 0) return <p className="small">{t('fineTune.covered')}</p>;
  const n = plan.missing.length;
  return (
    <>
      <p className="small">{t('fineTune.missing', { count: n, n: formatNumber(n) })}</p>
      <Chars chars={plan.missing} testId="fine-tune-missing" />
    </>
  );
}

function Result({ run }: { run: FineTuneRun }) {
  const t = useT();
  const removed = run.removed.reduce((sum, c) => sum + c.count, 0);
  return (
    <div data-testid="fine-tune-result">
      {run.added.length > 0 && (
        <p className="small" data-testid="fine-tune-added">
          {t('fineTune.vocabGrew', {
            from: formatNumber(run.vocabBefore),
            to: formatNumber(run.info.vocab_size),
          })}{' '}
          <code translate="no">{run.added.join(' ')}</code>
        </p>
      )}
      {removed > 0 && (
        <>
          <p className="small" data-testid="fine-tune-removed">
            {t('fineTune.removed', { count: removed, n: formatNumber(removed) })}
          </p>
          <Chars chars={run.removed} />
        </>
      )}
      <p className="small">
        {t('fineTune.startLoss', { step: formatNumber(run.from) })}{' '}
        <b data-testid="fine-tune-start-val">{fixed(run.startVal, 3)}</b>{' '}
        <span className="muted">({t('fineTune.freshLoss', { ln: fixed(run.freshVal, 2) })})</span>
      </p>
      <p className="muted small">{t('fineTune.prompt')}</p>
      <div className={styles.samples}>
        <figure>
          <figcaption>{t('fineTune.before', { step: formatNumber(run.from) })}</figcaption>
          {run.before !== null && (
            <pre translate="no" data-testid="fine-tune-before">
              <span className={styles.prompt}>{run.prompt}</span>
              {run.before}
            </pre>
          )}
        </figure>
        <figure>
          <figcaption>
            {run.after
              ? t('fineTune.after', { step: formatNumber(run.after.step) })
              : t('fineTune.afterPending')}
          </figcaption>
          {run.after && (
            <pre translate="no" data-testid="fine-tune-after">
              <span className={styles.prompt}>{run.prompt}</span>
              {run.after.text}
            </pre>
          )}
        </figure>
      </div>
    </div>
  );
}

export function FineTune() {
  const t = useT();
  const ft = useStore((s) => s.fineTune);
  const model = useStore((s) => s.model);
  const stats = useStore((s) => s.corpus.stats);
  const step = useStore((s) => s.training.step);
  const learned = useStore((s) => s.modelSource !== 'new' || s.training.step > 0);
  const running = useStore((s) => s.training.status === 'training');
  const a = actions();
  // The list follows the corpus and the model it would start from.
  // biome-ignore lint/correctness/useExhaustiveDependencies: these are what the engine's answer depends on
  useEffect(() => void a.refreshFineTunePlan(), [stats, model, learned, a]);
  const bpe = ft.plan?.tokenizer === 'bpe';
  const run = ft.run && ft.run.info === model ? ft.run : null;

  return (
    <fieldset className={styles.fineTune}>
      <legend>{t('fineTune.title')}</legend>
      <p className="muted small">
        {ft.base === 'pretrained'
          ? t('fineTune.fromPretrained')
          : t('fineTune.fromCurrent', { step: formatNumber(step) })}
      </p>
      <Missing plan={ft.plan} />
      <div className="row wrap">
        <label>
          {t('fineTune.policy')}
          <select
            data-testid="vocab-policy"
            value={ft.policy}
            disabled={running || bpe}
            onChange={(e) => patch('fineTune', { policy: e.target.value as VocabPolicy })}
          >
            <option value="extend">{t('fineTune.policyExtend')}</option>
            <option value="drop">{t('fineTune.policyDrop')}</option>
          </select>
        </label>
        <NumberField
          testId="fine-tune-lr"
          label={t('fineTune.learningRate')}
          value={ft.learningRate}
          min={0}
          step="any"
          integer={false}
          onCommit={(v) => patch('fineTune', { learningRate: v })}
        />
        <NumberField
          testId="fine-tune-steps"
          label={t('fineTune.steps')}
          value={ft.steps}
          min={1}
          max={1_000_000}
          onCommit={(v) => patch('fineTune', { steps: v })}
        />
        <button type="button" data-testid="fine-tune" disabled={running} onClick={() => void a.fineTune()}>
          {t('fineTune.button')}
        </button>
      </div>
      {run && <Result run={run} />}
    </fieldset>
  );
}
