/** Train / pause / reset, with the run's live figures and the samples it writes as it learns. */
import { t as translate } from '../../i18n/i18n';
import { useT } from '../../i18n/useT';
import { actions } from '../../store/actions';
import { useStore } from '../../store/store';
import { BackendFigures } from './BackendFigures';
import { FineTune } from './FineTune';

const fmtTime = (ms: number) => {
  const s = Math.round(ms / 1000);
  return s < 60
    ? translate('training.seconds', { s })
    : translate('training.minutes', { m: Math.floor(s / 60), s: String(s % 60).padStart(2, '0') });
};

export function TrainingPanel() {
  const t = useT();
  const run = useStore((s) => s.training);
  const maxSteps = useStore((s) => s.settings.maxSteps);
  const hasModel = useStore((s) => s.model !== null);
  const a = actions();
  const running = run.status === 'training';
  const last = run.losses.at(-1);
  const lastEval = run.evals.at(-1);
  const msPerStep = run.step > 0 ? run.elapsedMs / run.step : 0;
  const eta = running && msPerStep > 0 ? (maxSteps - run.step) * msPerStep : 0;
  const startLabel = run.step > 0 && run.step < maxSteps ? t('training.resume') : t('training.train');

  return (
    <section className="panel" aria-labelledby="train-h">
      <h2 id="train-h">{t('training.title')}</h2>
      <div className="row">
        <button
          type="button"
          className="primary"
          data-testid="train-start"
          disabled={running || !hasModel}
          onClick={() => void a.startTraining()}
        >
          {startLabel}
        </button>
        <button
          type="button"
          data-testid="train-pause"
          disabled={!running}
          onClick={() => void a.pauseTraining()}
        >
          {t('training.pause')}
        </button>
        <button type="button" data-testid="train-reset" onClick={() => void a.resetTraining()}>
          {t('training.reset')}
        </button>
        {/* The status as tools read it (idle, training, done: CONTRACT), in every language. */}
        <span
          className={`status status-${run.status}`}
          data-testid="status"
          aria-live="polite"
          translate="no"
        >
          {run.status}
        </span>
        {running && run.warmingUp && <span className="muted">{t('training.warmingUp')}</span>}
      </div>
      <progress max={maxSteps} value={Math.min(run.step, maxSteps)} aria-label={t('training.progress')} />
      {/* The figures tools read (train-step, train-loss, val-loss, tokens-per-sec: CONTRACT) are written as English writes them. */}
      <dl className="figures">
        <div>
          <dt>{t('training.step')}</dt>
          <dd>
            <span data-testid="train-step">{run.step}</span>
            {/* A loaded model may be past the max (the pretrained one has 3,500 steps). */}
            {run.step > maxSteps ? (
              <span className="muted"> {t('training.pastMax', { max: maxSteps })}</span>
            ) : (
              <> / {maxSteps}</>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('training.trainLoss')}</dt>
          <dd data-testid="train-loss">{last ? last.loss.toFixed(4) : '—'}</dd>
        </div>
        <div>
          <dt>{t('training.valLoss')}</dt>
          <dd data-testid="val-loss">{lastEval ? lastEval.val.toFixed(4) : '—'}</dd>
        </div>
        <div>
          <dt>{t('training.tokensPerSec')}</dt>
          <dd data-testid="tokens-per-sec">
            {/* a bare integer, so tools can read it (CONTRACT) */}
            {Math.round(run.tokensPerSec)}
          </dd>
        </div>
        <div>
          <dt>{t('training.elapsed')}</dt>
          <dd>{fmtTime(run.elapsedMs)}</dd>
        </div>
        <div>
          <dt>{t('training.eta')}</dt>
          <dd>{eta > 0 ? fmtTime(eta) : '—'}</dd>
        </div>
      </dl>
      {run.memory && (
        // Its numbers are read by e2e/soak.spec.ts: written as English writes them, in every language.
        <p className="muted small" data-testid="engine-memory" title={t('training.memoryTitle')}>
          {t('training.memory', {
            tensors: run.memory.tensors.toLocaleString('en'),
            size: (run.memory.tensorBytes / 1e6).toFixed(1),
          })}
          {run.memory.wasmHeapBytes !== null &&
            t('training.wasmHeap', { size: (run.memory.wasmHeapBytes / 1e6).toFixed(1) })}
        </p>
      )}
      <FineTune />
      <BackendFigures />
      {run.samples.length > 0 && (
        <details className="samples" open>
          <summary>{t('training.samplesAt', { step: run.samples.at(-1)!.step })}</summary>
          <pre translate="no">{run.samples.at(-1)!.text}</pre>
        </details>
      )}
    </section>
  );
}
