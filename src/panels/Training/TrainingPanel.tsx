/** Train / pause / reset, with the run's live figures and the samples it writes as it learns. */
import { actions } from '../../store/actions';
import { useStore } from '../../store/store';
import { BackendFigures } from './BackendFigures';

const fmtTime = (ms: number) => {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
};

export function TrainingPanel() {
  const t = useStore((s) => s.training);
  const maxSteps = useStore((s) => s.settings.maxSteps);
  const hasModel = useStore((s) => s.model !== null);
  const a = actions();
  const running = t.status === 'training';
  const last = t.losses.at(-1);
  const lastEval = t.evals.at(-1);
  const msPerStep = t.step > 0 ? t.elapsedMs / t.step : 0;
  const eta = running && msPerStep > 0 ? (maxSteps - t.step) * msPerStep : 0;
  const startLabel = t.step > 0 && t.step < maxSteps ? 'Resume' : 'Train';

  return (
    <section className="panel" aria-labelledby="train-h">
      <h2 id="train-h">3 · Train</h2>
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
          Pause
        </button>
        <button type="button" data-testid="train-reset" onClick={() => void a.resetTraining()}>
          Reset
        </button>
        <span className={`status status-${t.status}`} data-testid="status" aria-live="polite">
          {t.status}
        </span>
        {running && t.warmingUp && <span className="muted">warming up kernels…</span>}
      </div>
      <progress max={maxSteps} value={Math.min(t.step, maxSteps)} aria-label="Training progress" />
      <dl className="figures">
        <div>
          <dt>step</dt>
          <dd>
            <span data-testid="train-step">{t.step}</span>
            {/* A loaded model may be past the max (the pretrained one has 3,500 steps). */}
            {t.step > maxSteps ? <span className="muted"> (max {maxSteps})</span> : <> / {maxSteps}</>}
          </dd>
        </div>
        <div>
          <dt>train loss</dt>
          <dd data-testid="train-loss">{last ? last.loss.toFixed(4) : '—'}</dd>
        </div>
        <div>
          <dt>val loss</dt>
          <dd data-testid="val-loss">{lastEval ? lastEval.val.toFixed(4) : '—'}</dd>
        </div>
        <div>
          <dt>tokens/s</dt>
          <dd data-testid="tokens-per-sec">
            {/* a bare integer, so tools can read it (CONTRACT) */}
            {Math.round(t.tokensPerSec)}
          </dd>
        </div>
        <div>
          <dt>elapsed</dt>
          <dd>{fmtTime(t.elapsedMs)}</dd>
        </div>
        <div>
          <dt>ETA</dt>
          <dd>{eta > 0 ? fmtTime(eta) : '—'}</dd>
        </div>
      </dl>
      {t.memory && (
        <p
          className="muted small"
          data-testid="engine-memory"
          title="Flat over many steps means nothing leaks"
        >
          engine memory: {t.memory.tensors.toLocaleString('en')} tensors (
          {(t.memory.tensorBytes / 1e6).toFixed(1)} MB)
          {t.memory.wasmHeapBytes !== null && ` · wasm heap ${(t.memory.wasmHeapBytes / 1e6).toFixed(1)} MB`}
        </p>
      )}
      <BackendFigures />
      {t.samples.length > 0 && (
        <details className="samples" open>
          <summary>What it writes at step {t.samples.at(-1)!.step}</summary>
          <pre>{t.samples.at(-1)!.text}</pre>
        </details>
      )}
    </section>
  );
}
