/** "Measure backends": a training step of this configuration timed on each backend, and the fastest to switch to. */
import { actions } from '../../store/actions';
import { useStore } from '../../store/store';
import type { BackendFigure } from '../../worker/api';

/** "webgpu (software) 812 ms", "webgl > 20 s", "webgpu (software) not timed" */
export function figureText(f: BackendFigure): string {
  const name = f.software ? `${f.name} (software)` : f.name;
  if (f.msPerStep !== null) return `${name} ${Math.round(f.msPerStep).toLocaleString('en')} ms`;
  if (f.skipped) return `${name} not timed`;
  return f.error ? `${name} failed` : `${name} > 20 s`;
}

export function BackendFigures() {
  const figures = useStore((s) => s.backendFigures);
  const choice = useStore((s) => s.backendChoice);
  const running = useStore((s) => s.backend?.name);
  const training = useStore((s) => s.training.status === 'training');
  const busy = useStore((s) => s.busy !== null);
  const a = actions();
  const best = figures?.[0]?.msPerStep != null ? figures[0] : null;
  return (
    <p className="muted small">
      <button type="button" disabled={training || busy} onClick={() => void a.measureBackends()}>
        Measure backends
      </button>{' '}
      {figures && (
        <>
          ms per step here: <span data-testid="backend-figures">{figures.map(figureText).join(' · ')}</span>
          {choice && (
            <>
              {' '}
              <span data-testid="backend-choice">{choice}</span>
            </>
          )}
          {!choice && best && best.name !== running && (
            <>
              {' '}
              <button type="button" disabled={training} onClick={() => void a.switchBackend(best.name)}>
                Run on {best.name}
              </button>
            </>
          )}
          {!choice && best && best.name === running && ` · ${best.name} is the fastest here, and in use.`}
        </>
      )}
    </p>
  );
}
