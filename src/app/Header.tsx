/** Title, the language, the active backend and why it was chosen, and what the app is busy with. */
import { LANGUAGES, type Lang } from '../i18n/languages';
import { useT } from '../i18n/useT';
import { actions } from '../store/actions';
import { useStore } from '../store/store';
import type { BackendRequest } from '../worker/api';
import { pickLanguage } from './language-actions';

/** What the backend menu offers: the choice is made by the engine at start-up (worker/backend.ts). */
const BACKEND_CHOICES: [BackendRequest, 'backendAuto' | 'WebGPU' | 'WebGL' | 'backendWasm' | 'backendCpu'][] =
  [
    ['auto', 'backendAuto'],
    ['webgpu', 'WebGPU'],
    ['webgl', 'WebGL'],
    ['wasm', 'backendWasm'],
    ['cpu', 'backendCpu'],
  ];

export function Header() {
  const t = useT();
  const backend = useStore((s) => s.backend);
  const busy = useStore((s) => s.busy);
  const requested = useStore((s) => s.settings.backend);
  const updateReady = useStore((s) => s.updateReady);
  const isolationReload = useStore((s) => s.isolationReload);
  const lang = useStore((s) => s.lang);
  return (
    <header className="top">
      <h1 translate="no">
        {t('app.title')} <span>{t('app.titleLab')}</span>
      </h1>
      <p className="tagline">{t('app.tagline')}</p>
      <button
        type="button"
        className="lesson-open"
        data-testid="lesson-open"
        title={t('lesson.openTitle')}
        onClick={() => actions().openLesson()}
      >
        {t('lesson.open')}
      </button>
      <label className="lang">
        <span className="sr-only">{t('app.language')}</span>
        <select
          data-testid="lang-select"
          aria-label={t('app.language')}
          value={lang}
          onChange={(e) => pickLanguage(e.target.value as Lang)}
        >
          {LANGUAGES.map((l) => (
            <option key={l.code} value={l.code} lang={l.code} translate="no">
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <div className="backend" title={backend ? `${backend.renderer}\n${backend.reason}` : t('app.starting')}>
        {t('app.backendLabel')}{' '}
        <b data-testid="backend" translate="no">
          {backend?.name ?? '…'}
        </b>
        {backend && (
          <span className="muted small" translate="no">
            {' '}
            · {backend.renderer}
          </span>
        )}
        <select
          aria-label={t('app.runOn')}
          className="backend-select"
          value={requested}
          disabled={!backend}
          onChange={(e) => void actions().switchBackend(e.target.value as BackendRequest)}
        >
          {BACKEND_CHOICES.map(([value, label]) => (
            <option key={value} value={value}>
              {label === 'WebGPU' || label === 'WebGL' ? label : t(`app.${label}`)}
            </option>
          ))}
        </select>
      </div>
      {(updateReady || isolationReload) && (
        <div className="offer" role="status">
          {updateReady ? (
            <>
              {t('app.updateReady')}{' '}
              <button type="button" data-testid="update-reload" onClick={() => void actions().applyUpdate()}>
                {t('app.updateReload')}
              </button>
            </>
          ) : (
            <>
              {t('app.threadsOffer', { threads: navigator.hardwareConcurrency })}{' '}
              <button type="button" onClick={() => void actions().reloadForThreads()}>
                {t('app.threadsReload')}
              </button>
            </>
          )}
        </div>
      )}
      {busy && (
        <div className="busy" role="status">
          {busy}
        </div>
      )}
    </header>
  );
}
