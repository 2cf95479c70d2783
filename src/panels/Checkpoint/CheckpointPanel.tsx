/** Keep and share a model: download as safetensors, load a file, or start from the pretrained one. */
import { actions } from '../../store/actions';
import { useStore } from '../../store/store';

export function CheckpointPanel() {
  const hasModel = useStore((s) => s.model !== null);
  const training = useStore((s) => s.training.status === 'training');
  const a = actions();
  return (
    <section className="panel" aria-labelledby="ck-h">
      <h2 id="ck-h">Keep &amp; share</h2>
      <div className="row wrap">
        <button
          type="button"
          data-testid="load-pretrained"
          disabled={training}
          onClick={() => void a.loadPretrained()}
        >
          Load pretrained model
        </button>
        <button
          type="button"
          data-testid="export-safetensors"
          disabled={!hasModel}
          onClick={() => void a.exportCheckpoint()}
        >
          ⤓ Export .safetensors
        </button>
        <label className="button-like">
          ⤒ Import checkpoint…
          <input
            data-testid="import-checkpoint"
            type="file"
            accept=".safetensors"
            className="visually-hidden-file"
            disabled={training}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void a.importCheckpointFile(file);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      <p className="muted small">
        Pretrained: {a.pretrainedLabel}. Checkpoints use nanoGPT's tensor names and PyTorch shapes; they load
        into a nanoGPT-style model in Python. Your session is also saved in this browser automatically.
      </p>
    </section>
  );
}
