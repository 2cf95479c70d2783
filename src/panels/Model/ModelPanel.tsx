/** Model and run settings: preset or custom shape, tokenizer, seed, learning rate, batch, steps. */
import { formatNumber, t as translate } from '../../i18n/i18n';
import { useT } from '../../i18n/useT';
import { attentionPath, type GPTConfig, PRESETS, trainingMemoryBytes } from '../../model/config';
import { memoryVerdict, sizeText } from '../../model/memory-fit';
import { actions } from '../../store/actions';
import { type PresetId, type Shape, shapeOf } from '../../store/settings';
import { useStore } from '../../store/store';
import { NumberField } from '../shared/NumberField';
import { MemoryNote } from './MemoryNote';
import { PresetNote } from './PresetNote';
import { presetFigure, stepTime } from './preset-figures';

const PRESET_IDS: PresetId[] = ['nano', 'baby', 'small', 'medium', 'shakespeare', 'custom'];

/** "nano · 2 layers, 4 heads, 64 wide, block 32 · ≈ 96 ms/step", "custom…" */
function presetLabel(id: PresetId): string {
  if (id === 'custom') return translate('model.presetCustom');
  const { n_layer, n_head, n_embd, block_size } = PRESETS[id].shape;
  const shape = translate('model.presetShape', {
    name: translate(`model.presetNames.${id}`),
    layers: n_layer,
    heads: n_head,
    embd: n_embd,
    block: block_size,
  });
  const f = presetFigure(id);
  return f ? translate('model.presetTime', { name: shape, time: stepTime(f.msPerStep) }) : shape;
}

/** The model Train would train: the open one (an untrained one follows the settings), else the settings' shape. */
function trainedConfig(shape: Shape, model: (Shape & Partial<GPTConfig>) | null, vocab: number): GPTConfig {
  const { n_layer, n_head, n_embd, block_size } = model ?? shape;
  const extra = { tied: model?.tied ?? false, dropout: model?.dropout ?? 0 };
  return { n_layer, n_head, n_embd, block_size, vocab_size: vocab, bias: true, ...extra };
}

export function ModelPanel() {
  const t = useT();
  const s = useStore((st) => st.settings);
  const model = useStore((st) => st.model);
  const source = useStore((st) => st.modelSource);
  const training = useStore((st) => st.training.status === 'training');
  const limits = useStore((st) => st.backend?.memory ?? null);
  const corpusVocab = useStore((st) => st.corpus.stats?.vocabSize);
  const set = actions().updateSettings;
  const shape = shapeOf(s);
  const setShape = (k: keyof Shape, v: number) =>
    void set({ preset: 'custom', custom: { ...shape, [k]: v } });
  // What a training step at the chosen batch needs, on the path this backend takes, and whether it fits.
  const config = trainedConfig(shape, model, model?.vocab_size ?? corpusVocab ?? 65);
  const path = limits ? attentionPath(config, limits.backend, limits.fusedAttention) : 'batched';
  const needBytes = trainingMemoryBytes(config, s.batchSize, path);
  const verdict = limits ? memoryVerdict(config, s.batchSize, limits) : null;

  return (
    <section className="panel" aria-labelledby="model-h">
      <h2 id="model-h">{t('model.title')}</h2>
      <fieldset disabled={training}>
        <label>
          {t('model.preset')}
          <select value={s.preset} onChange={(e) => void set({ preset: e.target.value as PresetId })}>
            {PRESET_IDS.map((id) => (
              <option key={id} value={id}>
                {presetLabel(id)}
              </option>
            ))}
          </select>
        </label>
        <PresetNote id={s.preset} />
        <div className="grid4">
          <NumberField
            label={t('model.layers')}
            value={shape.n_layer}
            min={1}
            max={24}
            onCommit={(v) => setShape('n_layer', v)}
          />
          <NumberField
            label={t('model.heads')}
            value={shape.n_head}
            min={1}
            max={32}
            onCommit={(v) => setShape('n_head', v)}
          />
          <NumberField
            label={t('model.embd')}
            value={shape.n_embd}
            min={4}
            max={1024}
            onCommit={(v) => setShape('n_embd', v)}
          />
          <NumberField
            label={t('model.block')}
            value={shape.block_size}
            min={2}
            max={1024}
            onCommit={(v) => setShape('block_size', v)}
          />
        </div>
        <div className="grid4">
          <label>
            {t('model.tokenizer')}
            <select
              value={s.tokenizer}
              onChange={(e) => void set({ tokenizer: e.target.value as 'char' | 'bpe' })}
            >
              <option value="char">{t('model.tokenizerChars')}</option>
              <option value="bpe">{t('model.tokenizerBpe')}</option>
            </select>
          </label>
          {s.tokenizer === 'bpe' && (
            <NumberField
              label={t('model.bpeVocab')}
              value={s.bpeVocab}
              min={257}
              max={4096}
              onCommit={(v) => void set({ bpeVocab: v })}
            />
          )}
          <NumberField
            label={t('model.seed')}
            value={s.seed}
            min={0}
            max={2 ** 31 - 1}
            onCommit={(v) => void set({ seed: v })}
          />
        </div>
        <div className="grid4">
          <NumberField
            label={t('model.learningRate')}
            value={s.learningRate}
            min={0}
            step="any"
            integer={false}
            onCommit={(v) => void set({ learningRate: v })}
          />
          <NumberField
            label={t('model.batch')}
            value={s.batchSize}
            min={1}
            max={512}
            onCommit={(v) => void set({ batchSize: v })}
          />
          <NumberField
            testId="max-steps"
            label={t('model.maxSteps')}
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
            <b>{formatNumber(model.parameters)}</b>{' '}
            {t('model.stats', {
              vocab: model.vocab_size,
              memory: sizeText(needBytes),
              layers: model.n_layer,
              heads: model.n_head,
              embd: model.n_embd,
              block: model.block_size,
            })}
            {/* 'new' stays the store's value (training-actions compares it); other sources are said as they were given. */}
            <span className="muted"> · {source === 'new' ? t('model.sourceNew') : source}</span>
          </>
        ) : (
          t('model.none')
        )}
      </p>
      <MemoryNote verdict={verdict} />
    </section>
  );
}
