/** Title, the active backend and why it was chosen, and what the app is busy with. */
import { useStore } from '../store/store';

export function Header() {
  const backend = useStore((s) => s.backend);
  const busy = useStore((s) => s.busy);
  return (
    <header className="top">
      <h1>
        TinyGPT <span>Lab</span>
      </h1>
      <p className="tagline">Train a tiny GPT in this tab and watch it think.</p>
      <div className="backend" title={backend ? `${backend.renderer}\n${backend.reason}` : 'starting…'}>
        backend <b data-testid="backend">{backend?.name ?? '…'}</b>
        {backend && <span className="muted small"> · {backend.renderer}</span>}
      </div>
      {busy && (
        <div className="busy" role="status">
          {busy}
        </div>
      )}
    </header>
  );
}
