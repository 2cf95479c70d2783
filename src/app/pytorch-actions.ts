/**
 * "Train this in PyTorch": the engine builds the .zip (train.py, the weights, the corpus's ids and
 * the recipe of the current settings) and the browser downloads it. Nothing else changes.
 */
import { t } from '../i18n/i18n';
import { checkpointFileName } from '../store/model-names';
import { showError, useStore } from '../store/store';
import { download } from '../viz/exporting';
import { engine, messageOf } from './engine';
import { oneAtATime } from './one-at-a-time';
import { trainSettings } from './training-actions';

export const exportPytorch = oneAtATime(async (): Promise<void> => {
  const { model, learnedFrom, training } = useStore.getState();
  if (!model) return;
  if (training.status === 'training') return showError(t('pytorch.pauseFirst'));
  useStore.setState({ notice: t('pytorch.building') });
  try {
    const zip = await engine.exportPytorch(trainSettings());
    const name = checkpointFileName(model, learnedFrom?.name ?? '', training.step, '-pytorch.zip');
    download(new Blob([zip as BlobPart], { type: 'application/zip' }), name);
    useStore.setState({ notice: t('pytorch.ready', { name }) });
  } catch (e) {
    useStore.setState({ notice: null });
    showError(t('pytorch.failed', { reason: messageOf(e) }));
  }
});
