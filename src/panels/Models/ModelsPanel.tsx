/**
 * My models: every model trained, imported or loaded here, kept in this browser. Open one (it
 * resumes exactly), rename, duplicate, delete, export, or tick "compare" to overlay its
 * validation curve in the loss chart. The storage line says what the lab uses of the quota.
 */
import { useEffect, useState } from 'react';
import { actions } from '../../store/actions';
import { type ModelMeta, megabytes } from '../../store/saved-models';
import { useStore } from '../../store/store';
import styles from './Models.module.css';

export function ModelsPanel() {
  const models = useStore((s) => s.models);
  const openId = useStore((s) => s.modelId);
  const storage = useStore((s) => s.storage);
  return (
    <section className="panel" aria-labelledby="models-h">
      <h2 id="models-h">My models</h2>
      {models.length === 0 ? (
        <p className="muted small">Every model you train, import or load is kept here, in this browser.</p>
      ) : (
        <ul className={styles.list} data-testid="models-list">
          {models.map((m) => (
            <ModelEntry key={m.id} meta={m} open={m.id === openId} />
          ))}
        </ul>
      )}
      {storage && storage.quota > 0 && (
        <p className="muted small" data-testid="models-storage">
          Using {megabytes(storage.usage)} of the {megabytes(storage.quota)} this browser allows the lab.
          Nothing leaves this browser.
        </p>
      )}
    </section>
  );
}

function ModelEntry({ meta: m, open }: { meta: ModelMeta; open: boolean }) {
  const comparing = useStore((s) => s.compare.some((c) => c.id === m.id));
  const training = useStore((s) => s.training.status === 'training');
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const a = actions();
  useEffect(() => {
    if (!confirming) return;
    const t = setTimeout(() => setConfirming(false), 4000);
    return () => clearTimeout(t);
  }, [confirming]);

  const { n_layer, n_head, n_embd, block_size } = m.shape;
  const val =
    m.valLoss === null
      ? 'no validation yet'
      : `val ${m.valLoss.toFixed(3)} nats · ${m.bitsPerChar?.toFixed(2)} bits/char`;
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
          <b className={styles.name}>{m.name}</b>
        )}
        {open && <span className={styles.badge}>open</span>}
      </div>
      <div className={styles.meta}>
        step <b>{m.step.toLocaleString('en')}</b> · {val}
      </div>
      <div className={`${styles.meta} muted`}>
        {n_layer}×{n_head}×{n_embd}, block {block_size} · {m.tokenizer === 'bpe' ? 'BPE' : 'characters'} ·{' '}
        {m.corpus} · {new Date(m.updated).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' })} ·{' '}
        {megabytes(m.bytes)}
      </div>
      <div className={styles.buttons}>
        <button type="button" disabled={open || training} onClick={() => void a.openModel(m.id)}>
          Open
        </button>
        <button type="button" onClick={() => setRenaming(true)}>
          Rename
        </button>
        <button type="button" onClick={() => void a.duplicateModel(m.id)}>
          Duplicate
        </button>
        <button type="button" onClick={() => void a.exportModel(m.id)}>
          Export
        </button>
        <button
          type="button"
          className={confirming ? styles.danger : undefined}
          disabled={open}
          title={open ? 'This model is open: open another before deleting it.' : undefined}
          onClick={() => {
            if (!confirming) return setConfirming(true);
            setConfirming(false);
            void a.deleteModel(m.id);
          }}
        >
          {confirming ? 'Really delete?' : 'Delete'}
        </button>
        <label className="inline-control">
          <input
            type="checkbox"
            checked={comparing}
            disabled={m.evals.length === 0}
            onChange={() => a.toggleCompare(m.id)}
          />
          compare
        </label>
      </div>
    </li>
  );
}

/** The name as a text field: Enter keeps it, Escape (or an empty name) gives up. */
function RenameField({ name, onDone }: { name: string; onDone: (name: string | null) => void }) {
  const [value, setValue] = useState(name);
  return (
    <input
      className={styles.rename}
      aria-label="New name"
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
