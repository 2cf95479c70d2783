/** "Measure backends": a training step of this configuration timed on each backend, and the fastest to switch to. */
import type { ReactNode } from 'react';
import { t } from '../../i18n/i18n';
import { useT } from '../../i18n/useT';
import { actions } from '../../store/actions';
import { useStore } from '../../store/store';
import type { BackendFigure } from '../../worker/api';

/**
 * "webgpu (software) 812 ms", "webgl > 20 s", "webgpu (software) not timed". Read by tools
 * (backend-figures: CONTRACT), so its numbers are written as English writes them.
 */
export function figureText(f: BackendFigure): string {
  const name = f.software ? `${f.name} ${t('training.software')}` : f.name;
  if (f.msPerStep !== null)
    return `${name} ${t('training.ms', { ms: Math.round(f.msPerStep).toLocaleString('en') })}`;
  if (f.skipped) return `${name} ${t('training.notTimed')}`;
  return `${name} ${f.error ? t('training.failed') : t('training.tooSlow')}`;
}

const BACKEND_NAME = /\b(webgpu|webgl|wasm|cpu)\b/;

/** A sentence with the backends' names in it, each name marked as a name (not words to translate). */
function withNames(text: string): ReactNode {
  return text.split(BACKEND_NAME).map((part, i) =>
    i % 2 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one sentence never reorder.
      <span key={i} translate="no">
        {part}
      </span>
    ) : (
      part
    ),
  );
}

export function BackendFigures() {
  useT();
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
        {t('training.measure')}
      </button>{' '}
      {figures && (
        <>
          {t('training.msPerStepHere')}{' '}
          <span data-testid="backend-figures">{withNames(figures.map(figureText).join(' · '))}</span>
          {choice && (
            <>
              {' '}
              <span data-testid="backend-choice">{withNames(choice)}</span>
            </>
          )}
          {!choice && best && best.name !== running && (
            <>
              {' '}
              <button type="button" disabled={training} onClick={() => void a.switchBackend(best.name)}>
                {withNames(t('training.runOnFastest', { backend: best.name }))}
              </button>
            </>
          )}
          {!choice && best && best.name === running && (
            <> {withNames(t('training.fastestInUse', { backend: best.name }))}</>
          )}
        </>
      )}
    </p>
  );
}
