/** Title, the active backend and why it was chosen, and what the app is busy with. */
import { actions } from '../store/actions';
import { useStore } from '../store/store';
import type { BackendRequest } from '../worker/api';

/** What the backend menu offers: the choice is made by the engine at start-up (worker/backend.ts). */
const BACKEND_CHOICES: [BackendRequest, string][] = [
  ['auto', 'auto'],
  ['webgpu', 'WebGPU'],
  ['webgl', 'WebGL'],
  ['wasm', 'wasm (CPU)'],
  ['cpu', 'plain JavaScript'],
];

export function Header() {
  const backend = useStore((s) => s.backend);
  const busy = useStore((s) => s.busy);
  const requested = useStore((s) => s.settings.backend);
  const updateReady = useStore((s) => s.updateReady);
  const isolationReload = useStore((s) => s.isolationReload);
  return (
    <header className="top">
      <h1>
        TinyGPT <span>Lab</span>
      </h1>
      <p className="tagline">Train a tiny GPT in this tab and watch it think.</p>
      <div className="backend" title={backend ? `${backend.renderer}\n${backend.reason}` : 'starting…'}>
        backend <b data-testid="backend">{backend?.name ?? '…'}</b>
        {backend && <span className="muted small"> · {backend.renderer}</span>}
        <select
          aria-label="Run on"
          className="backend-select"
          value={requested}
          disabled={!backend}
          onChange={(e) => void actions().switchBackend(e.target.value as BackendRequest)}
        >
          {BACKEND_CHOICES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {(updateReady || isolationReload) && (
        <div className="offer" role="status">
          {updateReady ? (
            <>
              A new version of the lab is ready.{' '}
              <button type="button" data-testid="update-reload" onClick={() => void actions().applyUpdate()}>
                Reload to update
              </button>
            </>
          ) : (
            <>
              A reload lets wasm train on all {navigator.hardwareConcurrency} CPU threads.{' '}
              <button type="button" onClick={() => void actions().reloadForThreads()}>
                Reload
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
