/** Under the preset picker: what the preset is, and its measured time per training step (or that none was measured). */
import { fixed } from '../../i18n/i18n';
import { useT } from '../../i18n/useT';
import { makeConfig, PRESETS, parameterCount } from '../../model/config';
import type { PresetId } from '../../store/settings';
import { benchMachine, measuredDate, presetFigure, stepTime } from './preset-figures';

/** Tiny Shakespeare's character count: the vocabulary the notes' parameter counts assume. */
const NOTE_VOCAB = 65;

export function PresetNote({ id }: { id: PresetId }) {
  const t = useT();
  if (id === 'custom') return null;
  const params = fixed(parameterCount(makeConfig(PRESETS[id].shape, NOTE_VOCAB)) / 1e6, 2);
  const f = presetFigure(id);
  return (
    <p className="muted small" data-testid="model-preset-note">
      {t(`model.presetNotes.${id}`, { params })}{' '}
      {f && (
        <>
          {t('model.bench.measured', {
            date: measuredDate(),
            time: stepTime(f.msPerStep),
            batch: f.batch,
            cores: benchMachine.cores,
          })}{' '}
          <span translate="no">{benchMachine.cpu}</span>.{' '}
        </>
      )}
      {t('model.bench.noGpu')}
    </p>
  );
}
