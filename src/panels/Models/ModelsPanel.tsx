/**
 * My models: every model trained, imported or loaded here, kept in this browser. Open one (it
 * resumes exactly), rename, duplicate, delete, export, or tick "compare" to overlay its
 * validation curve in the loss chart. The storage line says what the lab uses of the quota.
 */
import { useEffect, useState } from 'react';
import { fixed, formatNumber, numberLocale } from '../../i18n/i18n';
import { useT } from '../../i18n/useT';
import { actions } from '../../store/actions';
import { type ModelMeta, megabytes } from '../../store/saved-models';
import { useStore } from '../../store/store';
import styles from './Models.module.css';

export function ModelsPanel() {
  const t = useT();
  const models = useStore((s) => s.models);
  const openId = useStore((s) => s.modelId);
  const storage = useStore((s) => s.storage);
  return (
    <section className="panel" aria-labelledby="models-h">
      <h2 id="models-h">{t('models.title')}</h2>
      {models.length === 0 ? (
        <p className="muted small">{t('models.empty')}</p>
      ) : (
        <ul className={styles.list} data-testid="models-list">
          {models.map((m) => (
            <ModelEntry key={m.id} meta={m} open={m.id === openId} />
          ))}
        </ul>
      )}
      {storage && storage.quota > 0 && (
        <p className="muted small" data-testid="models-storage">
          {t('models.storage', { used: megabytes(storage.usage), quota: megabytes(storage.quota) })}
        </p>
      )}
    </section>
  );
}

function ModelEntry({ meta: m, open }: { meta: ModelMeta; open: boolean }) {
  const t = useT();
  const comparing = useStore((s) => s.compare.some((c) => c.id === m.id));
  const training = useStore((s) => s.training.status === 'training');
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const a = actions();
  useEffect(() => {
    if (!confirming) return;
    const timer = setTimeout(() => setConfirming(false), 4000);
    return () => clearTimeout(timer);
  }, [confirming]);

  const { n_layer, n_head, n_embd, block_size } = m.shape;
  const val =
    m.valLoss === null
      ? t('models.noValidation')
      : t('models.validation', { loss: fixed(m.valLoss, 3), bits: fixed(m.bitsPerChar ?? Number.NaN, 2) });
  return (
    <li className={open ? `${styles.entry} ${styles.open}` : styles.entry} data-model-id={m.id}>
      <div className={styles.head}>
        {renaming ? (
          <RenameField
            name={m.name}
            onDone={(name) => {
              setRenaming(false);
              if (name !== null && name !== m.name) void a.renameModel(m.id, name);
            }}
          />
        ) : (
          <b className={styles.name} translate="no">
            {m.name}
          </b>
        )}
        {open && <span className={styles.badge}>{t('models.open')}</span>}
      </div>
      <div className={styles.meta}>
        {t('models.step')} <b>{formatNumber(m.step)}</b> · {val}
      </div>
      <div className={`${styles.meta} muted`}>
        {t('models.shape', { layers: n_layer, heads: n_head, embd: n_embd, block: block_size })} ·{' '}
        {m.tokenizer === 'bpe' ? t('models.tokenizerBpe') : t('models.tokenizerChars')} ·{' '}
        <span translate="no">{m.corpus}</span> ·{' '}
        <span translate="no">
          {new Date(m.updated).toLocaleString(numberLocale(), { dateStyle: 'medium', timeStyle: 'short' })}
        </span>{' '}
        · {megabytes(m.bytes)}
      </div>
      <div className={styles.buttons}>
        <button type="button" disabled={open || training} onClick={() => void a.openModel(m.id)}>
          {t('models.openButton')}
        </button>
        <button type="button" onClick={() => setRenaming(true)}>
          {t('models.rename')}
        </button>
        <button type="button" onClick={() => void a.duplicateModel(m.id)}>
          {t('models.duplicate')}
        </button>
        <button type="button" onClick={() => void a.exportModel(m.id)}>
          {t('models.exportButton')}
        </button>
        <button
          type="button"
          className={confirming ? styles.danger : undefined}
          disabled={open}
          title={open ? t('models.openNoDelete') : undefined}
          onClick={() => {
            if (!confirming) return setConfirming(true);
            setConfirming(false);
            void a.deleteModel(m.id);
          }}
        >
          {confirming ? t('models.reallyDelete') : t('models.delete')}
        </button>
        <label className="inline-control">
          <input
            type="checkbox"
            checked={comparing}
            disabled={m.evals.length === 0}
            onChange={() => a.toggleCompare(m.id)}
          />
          {t('models.compare')}
        </label>
      </div>
    </li>
  );
}

/** The name as a text field: Enter keeps it, Escape (or an empty name) gives up. */
function RenameField({ name, onDone }: { name: string; onDone: (name: string | null) => void }) {
  const t = useT();
  const [value, setValue] = useState(name);
  return (
    <input
      className={styles.rename}
      aria-label={t('models.newName')}
      value={value}
      // biome-ignore lint/a11y/noAutofocus: the field appears because Rename was pressed.
      autoFocus
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => onDone(value.trim() || null)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onDone(value.trim() || null);
        if (e.key === 'Escape') onDone(null);
      }}
    />
  );
}
