/** Model and run settings: preset or custom shape, tokenizer, seed, learning rate, batch, steps. */
import { actions } from '../../store/actions';
import { type PresetId, type Shape, shapeOf } from '../../store/settings';
import { useStore } from '../../store/store';
import { NumberField } from '../shared/NumberField';

const PRESET_OPTIONS: { id: PresetId; label: string }[] = [
  { id: 'nano', label: 'nano · 2 layers, 4 heads, 64 wide, block 32' },
  { id: 'baby', label: 'baby · 4 layers, 4 heads, 128 wide, block 64' },
  { id: 'small', label: 'small · 6 layers, 6 heads, 192 wide, block 128' },
  { id: 'custom', label: 'custom…' },
];

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function ModelPanel() {
  const s = useStore((st) => st.settings);
  const model = useStore((st) => st.model);
  const source = useStore((st) => st.modelSource);
  const training = useStore((st) => st.training.status === 'training');
  const set = actions().updateSettings;
  const shape = shapeOf(s);
  const setShape = (k: keyof Shape, v: number) =>
    void set({ preset: 'custom', custom: { ...shape, [k]: v } });

  return (
    <section className="panel" aria-labelledby="model-h">
      <h2 id="model-h">2 · Model</h2>
      <fieldset disabled={training}>
        <label>
          Preset
          <select value={s.preset} onChange={(e) => void set({ preset: e.target.value as PresetId })}>
            {PRESET_OPTIONS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <div className="grid4">
          <NumberField
            label="layers"
            value={shape.n_layer}
            min={1}
            max={24}
            onCommit={(v) => setShape('n_layer', v)}
          />
          <NumberField
            label="heads"
            value={shape.n_head}
            min={1}
            max={32}
            onCommit={(v) => setShape('n_head', v)}
          />
          <NumberField
            label="embd"
            value={shape.n_embd}
            min={4}
            max={1024}
            onCommit={(v) => setShape('n_embd', v)}
          />
          <NumberField
            label="block"
            value={shape.block_size}
            min={2}
            max={1024}
            onCommit={(v) => setShape('block_size', v)}
          />
        </div>
        <div className="grid4">
          <label>
            Tokenizer
            <select
              value={s.tokenizer}
              onChange={(e) => void set({ tokenizer: e.target.value as 'char' | 'bpe' })}
            >
              <option value="char">characters</option>
              <option value="bpe">byte-level BPE</option>
            </select>
          </label>
          {s.tokenizer === 'bpe' && (
            <NumberField
              label="BPE vocab"
              value={s.bpeVocab}
              min={257}
              max={4096}
              onCommit={(v) => void set({ bpeVocab: v })}
            />
          )}
          <NumberField
            label="seed"
            value={s.seed}
            min={0}
            max={2 ** 31 - 1}
            onCommit={(v) => void set({ seed: v })}
          />
        </div>
        <div className="grid4">
          <NumberField
            label="learning rate"
            value={s.learningRate}
            min={0}
            step="any"
            integer={false}
            onCommit={(v) => void set({ learningRate: v })}
          />
          <NumberField
            label="batch"
            value={s.batchSize}
            min={1}
            max={512}
            onCommit={(v) => void set({ batchSize: v })}
          />
          <NumberField
            testId="max-steps"
            label="max steps"
            value={s.maxSteps}
            min={1}
            max={1_000_000}
            onCommit={(v) => void set({ maxSteps: v })}
          />
        </div>
      </fieldset>
      <p className="stats">
        {model ? (
          <>
            <b>{model.parameters.toLocaleString('en')}</b> parameters · vocab {model.vocab_size} · ~
            {mb(model.memoryBytes)} to train · {model.n_layer}×{model.n_head}×{model.n_embd}, block{' '}
            {model.block_size}
            <span className="muted"> · {source}</span>
          </>
        ) : (
          'No model yet.'
        )}
      </p>
    </section>
  );
}
