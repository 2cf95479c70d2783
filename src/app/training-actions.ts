/** Build, train, pause and reset: the training controls' verbs. */
import { t } from '../i18n/i18n';
import { shapeOf } from '../store/settings';
import { applyProgress, initialTraining, patch, showError, useStore } from '../store/store';
import type { TrainSettings } from '../worker/api';
import { autosave } from './autosave';
import { chooseBackendForTraining } from './backend-actions';
import { flushCorpus, loadUrl } from './corpus-actions';
import { callback, engine, isEngineStop, messageOf } from './engine';
import { currentFineTune, writeAfterSample } from './fine-tune-run';
import { loadAttentionHistory, refreshInspection } from './inspect-actions';
import { tellOtherTabs } from './tabs';

/** While training, the session is saved this often: a hard reload loses at most this much. */
export const AUTOSAVE_INTERVAL_MS = 20_000;

/** The run's settings; a fine-tune in progress keeps its own learning rate and schedule (app/fine-tune-run.ts). */
export function trainSettings(): TrainSettings {
  const { settings: s, fineTune } = useStore.getState();
  const fine = currentFineTune();
  const span = s.maxSteps - (fine?.from ?? 0); // validation about 20 times over the run
  const evalInterval = Math.max(10, Math.min(250, Math.round(span / 20 / 10) * 10 || 10));
  return {
    seed: s.seed,
    learningRate: fine ? fineTune.learningRate : s.learningRate,
    batchSize: s.batchSize,
    maxSteps: s.maxSteps,
    evalInterval,
    evalIters: 10,
    sampleInterval: evalInterval * 2,
    ...(fine && { fineTuneFrom: fine.from }),
  };
}

/** A fresh model of the chosen shape for the current corpus; the loss history starts over. */
export async function buildModel(): Promise<boolean> {
  const { settings } = useStore.getState();
  try {
    const info = await engine.buildModel({ ...shapeOf(settings), tied: false, dropout: 0 }, settings.seed);
    useStore.setState((s) => ({
      model: info,
      // An untrained new model is saved over the one it replaces; after a trained one, it is a new model.
      // 'new' is a value, not words: the model panel says it in the person's language (model.sourceNew).
      modelId: s.training.step === 0 && s.modelSource === 'new' ? s.modelId : null,
      modelSource: 'new',
      learnedFrom: null,
      demo: false,
      training: initialTraining,
    }));
    return true;
  } catch (e) {
    showError(messageOf(e));
    return false;
  }
}

/** After a corpus or shape change, an untrained model is rebuilt to fit; a trained one is kept. */
export async function rebuildIfUntrained(): Promise<void> {
  const { training, model } = useStore.getState();
  if (!model || (training.step === 0 && training.status !== 'training')) await buildModel();
  else
    useStore.setState({
      notice: t('training.modelKept'),
    });
}

export async function startTraining(): Promise<void> {
  if (useStore.getState().training.status === 'training') return;
  // Training the first visit's model makes it the person's own (autosaved from now on).
  useStore.setState({ demo: false, arrival: false });
  if (!(await flushCorpus())) return;
  const { corpus, learnedFrom } = useStore.getState();
  if (!corpus.text && learnedFrom) {
    // The pretrained model trains further on the text it learned from, fetched first.
    await loadUrl(learnedFrom.url, learnedFrom.name);
    if (!useStore.getState().corpus.text) return;
  }
  if (!useStore.getState().model && !(await buildModel())) return;
  const { training, settings } = useStore.getState();
  if (training.step >= settings.maxSteps) {
    useStore.setState({
      notice: t('training.atMaxSteps', { max: settings.maxSteps }),
    });
    return;
  }
  await trainLoop();
}

/** The run itself, on the model and corpus in place: progress, autosaves, and what it ends with. */
export async function trainLoop(): Promise<void> {
  showError(null);
  patch('training', { status: 'training', warmingUp: true });
  // Auto times this configuration on each backend the first time it trains on this device.
  if (!(await chooseBackendForTraining())) {
    patch('training', { status: 'idle', warmingUp: false });
    return;
  }
  tellOtherTabs({ kind: 'training', running: true });
  if (useStore.getState().training.step === 0) await engine.setProbe(probeText());
  let saved = performance.now();
  try {
    const outcome = await engine.train(
      trainSettings(),
      callback({
        progress: (p) => {
          applyProgress(p);
          if (performance.now() - saved > AUTOSAVE_INTERVAL_MS) {
            saved = performance.now();
            void autosave();
          }
        },
        sample: (step: number, text: string) =>
          patch('training', {
            samples: [...useStore.getState().training.samples.slice(-19), { step, text }],
          }),
      }),
    );
    // Saved before it shows as finished, so a reload right after "done" or "paused" resumes from here.
    await autosave();
    patch('training', { status: outcome.status, step: outcome.step, warmingUp: false });
    if (outcome.error) {
      // The worker restored the last good weights; trim the history shown to match.
      const t = useStore.getState().training;
      patch('training', {
        losses: t.losses.filter((l) => l.step <= outcome.step),
        evals: t.evals.filter((l) => l.step <= outcome.step),
      });
      showError(outcome.error);
    }
  } catch (e) {
    patch('training', { warmingUp: false });
    if (isEngineStop(e)) return; // the supervisor restarts the engine, restores and says so
    patch('training', { status: 'idle' });
    showError(messageOf(e));
    await autosave();
  }
  tellOtherTabs({ kind: 'training', running: false });
  await writeAfterSample();
  await refreshInspection();
  await loadAttentionHistory();
}

/** The text whose attention is recorded during training: the prompt, or the corpus's first line(s). */
function probeText(): string {
  const { generation, corpus } = useStore.getState();
  return generation.prompt || corpus.text.slice(0, 48);
}

export async function pauseTraining(): Promise<void> {
  await engine.pause();
}

/** Pause, and wait for the loop to hand back control (the run saves as it ends). */
export async function pauseAndWait(): Promise<void> {
  if (useStore.getState().training.status !== 'training') return;
  await engine.pause();
  while (useStore.getState().training.status === 'training') await new Promise((r) => setTimeout(r, 50));
}

export async function resetTraining(): Promise<void> {
  await pauseAndWait(); // before replacing the model under the loop
  if (!(await flushCorpus())) return;
  if (await buildModel()) {
    patch('generation', { output: '' });
    await autosave();
  }
}
