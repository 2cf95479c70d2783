/** Wires the app's action implementations into the store's Actions interface. */
import { registerActions } from '../store/actions';
import { leaveArrival, tryPrompt } from './arrival';
import { measureBackends, switchBackend } from './backend-actions';
import {
  exportCheckpoint,
  importCheckpointFile,
  loadPretrained,
  PRETRAINED_LABEL,
} from './checkpoint-actions';
import { explainConcepts } from './concepts-actions';
import { applyCorpus, draftCorpus, loadFile, loadUrl, TINY_SHAKESPEARE_URL } from './corpus-actions';
import { fineTune, refreshFineTunePlan } from './fine-tune-actions';
import { generate, generateStep, stopGenerating } from './generation-actions';
import {
  loadAttentionHistory,
  refreshInspection,
  runSaliency,
  selectHead,
  selectToken,
  toggleHead,
} from './inspect-actions';
import { closeLesson, lessonCalls, openLesson } from './lesson-actions';
import {
  deleteModel,
  duplicateModel,
  exportModel,
  openModel,
  renameModel,
  toggleCompare,
} from './models-actions';
import { applyUpdate, reloadForThreads } from './offline';
import { present } from './present-mode';
import { exportPytorch } from './pytorch-actions';
import { SAMPLES } from './samples';
import { updateSettings } from './settings-actions';
import { noteAction, queuedUntilStarted as queued } from './startup';
import { pauseTraining, resetTraining, startTraining } from './training-actions';

registerActions({
  lesson: lessonCalls,
  openLesson,
  closeLesson,
  samples: SAMPLES.map(({ id, label }) => ({ id, label })),
  pretrainedLabel: PRETRAINED_LABEL,
  // The corpus and model verbs a person may use before start-up ends run after it (app/startup.ts).
  draftCorpus: (text) => {
    noteAction(); // the draft is applied by flushCorpus, which waits for start-up itself
    draftCorpus(text);
  },
  loadFile: queued(loadFile),
  loadUrl: queued(loadUrl),
  loadTinyShakespeare: queued(() => loadUrl(TINY_SHAKESPEARE_URL, 'Tiny Shakespeare')),
  loadSample: queued(async (id: string) => {
    const sample = SAMPLES.find((s) => s.id === id);
    if (sample) await applyCorpus(sample.make(), sample.label);
  }),
  updateSettings,
  switchBackend,
  applyUpdate,
  reloadForThreads,
  measureBackends,
  startTraining,
  pauseTraining,
  resetTraining,
  fineTune: queued(fineTune),
  refreshFineTunePlan,
  generate,
  generateStep,
  stopGenerating,
  exportCheckpoint,
  exportPytorch,
  importCheckpointFile: queued(importCheckpointFile),
  loadPretrained: queued(async () => {
    await loadPretrained();
  }),
  tryPrompt,
  leaveArrival,
  openModel: queued(openModel),
  renameModel,
  duplicateModel,
  deleteModel,
  exportModel,
  toggleCompare,
  refreshInspection,
  selectToken,
  present,
  selectHead,
  toggleHead,
  runSaliency,
  loadAttentionHistory,
  explainConcepts,
});
