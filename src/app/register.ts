/** Wires the app's action implementations into the store's Actions interface. */
import { registerActions } from '../store/actions';
import {
  exportCheckpoint,
  importCheckpointFile,
  loadPretrained,
  PRETRAINED_LABEL,
} from './checkpoint-actions';
import { explainConcepts } from './concepts-actions';
import { applyCorpus, draftCorpus, loadFile, loadUrl, TINY_SHAKESPEARE_URL } from './corpus-actions';
import { generate, generateStep, stopGenerating } from './generation-actions';
import {
  loadAttentionHistory,
  refreshInspection,
  runSaliency,
  selectHead,
  selectToken,
  toggleHead,
} from './inspect-actions';
import { present } from './present-mode';
import { SAMPLES } from './samples';
import { updateSettings } from './settings-actions';
import { pauseTraining, resetTraining, startTraining } from './training-actions';

registerActions({
  samples: SAMPLES.map(({ id, label }) => ({ id, label })),
  pretrainedLabel: PRETRAINED_LABEL,
  draftCorpus: (text) => draftCorpus(text),
  loadFile,
  loadUrl,
  loadTinyShakespeare: () => loadUrl(TINY_SHAKESPEARE_URL, 'Tiny Shakespeare'),
  loadSample: async (id) => {
    const sample = SAMPLES.find((s) => s.id === id);
    if (sample) await applyCorpus(sample.make(), sample.label);
  },
  updateSettings,
  startTraining,
  pauseTraining,
  resetTraining,
  generate,
  generateStep,
  stopGenerating,
  exportCheckpoint,
  importCheckpointFile,
  loadPretrained,
  refreshInspection,
  selectToken,
  present,
  selectHead,
  toggleHead,
  runSaliency,
  loadAttentionHistory,
  explainConcepts,
});
