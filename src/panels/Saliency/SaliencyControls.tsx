/** Method switch (gradient × input / integrated gradients, with IG's step count) and the Explain button. */
import { useId } from 'react';
import { useT } from '../../i18n/useT';
import type { SaliencyMethod } from '../../worker/api';
import { NumberField } from '../shared/NumberField';
import styles from './Saliency.module.css';
import { methodLabel } from './saliencyBars';

interface Props {
  method: SaliencyMethod;
  steps: number;
  disabled: boolean;
  running: boolean;
  onRun(method: SaliencyMethod, steps: number): void;
}

const METHODS: { id: SaliencyMethod; testId: string }[] = [
  { id: 'grad-x-input', testId: 'saliency-method-grad' },
  { id: 'integrated-gradients', testId: 'saliency-method-ig' },
];

export function SaliencyControls({ method, steps, disabled, running, onRun }: Props) {
  const t = useT();
  const name = useId();
  return (
    <div className={styles.controls}>
      <fieldset className={styles.methods} disabled={disabled}>
        <legend>{t('saliency.method')}</legend>
        {METHODS.map((m) => (
          <label key={m.id} className={`inline-control ${styles.radio}`}>
            <input
              type="radio"
              name={name}
              value={m.id}
              data-testid={m.testId}
              checked={method === m.id}
              onChange={() => onRun(m.id, steps)}
            />
            <span>{methodLabel(m.id)}</span>
          </label>
        ))}
      </fieldset>
      {method === 'integrated-gradients' && (
        <span className={styles.steps}>
          <NumberField
            label={t('saliency.steps')}
            value={steps}
            min={4}
            max={256}
            testId="saliency-steps"
            onCommit={(v) => onRun('integrated-gradients', v)}
          />
        </span>
      )}
      <button
        type="button"
        className="primary"
        data-testid="saliency-explain"
        disabled={disabled || running}
        onClick={() => onRun(method, steps)}
      >
        {running ? t('saliency.explaining') : t('saliency.explain')}
      </button>
    </div>
  );
}
