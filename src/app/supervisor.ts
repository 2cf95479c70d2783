/**
 * Keeping the engine alive. The worker answers a heartbeat every 2 s; when it throws an uncaught
 * error or misses the heartbeat for 12 s (longer while a big model trains: patienceMs) — a crash,
 * running out of memory, a hang — a new worker is started on the same backend request and the open
 * model comes back from its last save. The page keeps what it holds (corpus, settings, the models
 * list) and says what happened.
 */
import { formatNumber, t } from '../i18n/i18n';
import { trainingStepFlops } from '../model/config';
import { initialTraining, useStore } from '../store/store';
import type { BackendName, BackendRequest } from '../worker/backend-types';
import { modelsDb, refreshModels } from './autosave';
import { forgetUntilReload } from './backend-actions';
import { applyCorpus } from './corpus-actions';
import { callback, engine, engineWorker, messageOf, replaceEngine } from './engine';
import { refreshInspection } from './inspect-actions';
import { restoreSaved } from './models-actions';

const BEAT_MS = 2_000;
const PATIENCE_MS = 12_000;
/**
 * The slowest a device is assumed to train, FLOP/s (wasm on one thread of a busy 2-core machine ran
 * the shakespeare preset at ~7 GFLOP/s, bench/NOTES.md session 13).
 */
const SLOWEST_FLOPS = 2e9;
/** Steps of silence allowed while training: a tick of one step, a sample of ~1 step's work, slack. */
const SILENT_STEPS = 4;

let recovering = false;

/** Start watching the engine (once, after start-up has brought it up). */
export function superviseEngine(): void {
  watchErrors();
  setInterval(() => void beat(), BEAT_MS);
}

function watchErrors(): void {
  engineWorker().addEventListener(
    'error',
    (e) => void recover(t('app.engineError', { message: e.message || t('app.engineErrorUnknown') })),
  );
}

async function beat(): Promise<void> {
  // Tokenizing a large corpus with BPE holds the worker for a while on purpose: no heartbeat then.
  if (recovering || useStore.getState().corpus.tokenizing !== null) return;
  const patience = patienceMs();
  const late = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), patience));
  const answer = await Promise.race([engine.ping().catch(() => 'late' as const), late]);
  if (answer === 'late' && !recovering && useStore.getState().corpus.tokenizing === null)
    await recover(t('app.engineSilent', { seconds: formatNumber(Math.round(patience / 1000)) }));
}

/**
 * A training step holds the worker for its whole length, which for the big presets on a slow CPU
 * is tens of seconds: while training (or timing backends, or another job the page waits on), a few
 * steps' time, by the run's own rate once it has one and by the step's work at the slowest assumed
 * speed before (the first steps warm kernels up).
 */
function patienceMs(): number {
  const { training, model, settings, busy } = useStore.getState();
  if ((training.status !== 'training' && busy === null) || !model) return PATIENCE_MS;
  const byWork = (1000 * trainingStepFlops({ ...model, bias: true }, settings.batchSize)) / SLOWEST_FLOPS;
  const tokens = settings.batchSize * model.block_size;
  const byRate = training.tokensPerSec > 0 ? (1000 * tokens) / training.tokensPerSec : 0;
  return Math.max(PATIENCE_MS, SILENT_STEPS * Math.max(byWork, byRate));
}

/** Start the engine on `request`, listening for the loss of its GPU. */
export async function startEngine(request: BackendRequest): Promise<void> {
  const onLost = (why: string) => {
    const lost = useStore.getState().backend?.name;
    if (lost) forgetUntilReload(lost);
    // The GPU is gone: come back on the CPU (a reload tries the GPU again).
    void recover(why, lost === 'webgpu' || lost === 'webgl' ? 'wasm' : undefined);
  };
  useStore.setState({ backend: await engine.init(request, callback(onLost)) });
}

/**
 * Replace the worker and bring the session back from the open model's last save, on `fallback`
 * when the backend it ran on cannot go on (its GPU was lost), else on the same request.
 */
export async function recover(why: string, fallback?: BackendName): Promise<void> {
  if (recovering) return;
  recovering = true;
  const before = useStore.getState();
  const stepBefore = before.training.step;
  replaceEngine(why);
  watchErrors();
  useStore.setState((s) => ({
    busy: t('app.engineRestarting'),
    training: { ...s.training, status: s.training.status === 'training' ? 'paused' : s.training.status },
    generation: { ...s.generation, running: false },
  }));
  try {
    await startEngine(fallback ?? before.settings.backend);
    const saved = before.modelId ? await modelsDb.record(before.modelId) : undefined;
    let notice: string;
    if (saved && before.modelId) {
      const { step } = await restoreSaved(before.modelId, saved);
      const lost = Math.max(0, stepBefore - step);
      notice = t('app.engineRecovered', {
        why,
        on: fallback ? t('app.engineOn', { backend: fallback }) : '',
        step: formatNumber(step),
        lost: lost ? t('app.engineStepsLost', { count: lost, n: formatNumber(lost) }) : '',
      });
      if (fallback) notice += ` ${t('app.engineRetryGpu')}`;
    } else {
      // Never saved: the corpus is still here, so a new model is built for it.
      useStore.setState({ model: null, training: initialTraining });
      if (before.corpus.text) await applyCorpus(before.corpus.text, before.corpus.source);
      notice = t('app.engineRebuilt', { why });
    }
    // What failed with the old worker (a call left waiting, a GPU read after the loss) is said
    // better by this notice.
    useStore.setState({ notice, busy: null, error: null });
    await refreshModels();
    void refreshInspection();
  } catch (e) {
    useStore.setState({
      error: t('app.engineGone', { reason: messageOf(e) }),
      busy: null,
    });
  } finally {
    recovering = false;
  }
}
