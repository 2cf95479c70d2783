/** Keep and share a model: download as safetensors, load a file, or start from the pretrained one. */

// The shipped checkpoint's training report (written by `npm run pretrain`), bundled at build time.
import pretrained from '../../../public/pretrained/baby-shakespeare.json';
import { fixed, formatNumber } from '../../i18n/i18n';
import { useT } from '../../i18n/useT';
import { actions } from '../../store/actions';
import { useStore } from '../../store/store';

export function CheckpointPanel() {
  const t = useT();
  const hasModel = useStore((s) => s.model !== null);
  const training = useStore((s) => s.training.status === 'training');
  const a = actions();
  return (
    <section className="panel" aria-labelledby="ck-h">
      <h2 id="ck-h">{t('checkpoint.title')}</h2>
      <div className="row wrap">
        <button
          type="button"
          data-testid="load-pretrained"
          disabled={training}
          onClick={() => void a.loadPretrained()}
        >
          {t('checkpoint.loadPretrained')}
        </button>
        <button
          type="button"
          data-testid="export-safetensors"
          disabled={!hasModel}
          onClick={() => void a.exportCheckpoint()}
        >
          {t('checkpoint.export')}
        </button>
        <button
          type="button"
          data-testid="export-pytorch"
          disabled={!hasModel || training}
          title={t('pytorch.exportTitle')}
          onClick={() => void a.exportPytorch()}
        >
          {t('pytorch.export')}
        </button>
        <label className="button-like">
          {t('checkpoint.import')}
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
        {t('checkpoint.pretrained')}{' '}
        <span translate="no">
          {pretrained.preset} · {pretrained.corpus}
        </span>{' '}
        ·{' '}
        {t('checkpoint.pretrainedTraining', {
          steps: formatNumber(pretrained.steps),
          loss: fixed(pretrained.val_loss, 2),
        })}{' '}
        {t('checkpoint.about')}
      </p>
      <p className="muted small">{t('pytorch.about')}</p>
    </section>
  );
}
