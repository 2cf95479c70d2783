/**
 * Which backend the engine runs on: the person's choice (the header's "Run on", "Run on <fastest>"),
 * or auto's, which times a training step of the configuration on each backend worth choosing when
 * it first trains, runs on the fastest and remembers it (app/backend-choice.ts). A move keeps the
 * session: the worker rebuilds the model on the new backend from its own weights, no reload.
 */
import { t } from '../i18n/i18n';
import { showError, useStore } from '../store/store';
import type { BackendName, BackendRequest } from '../worker/api';
import { ChoiceMemory, choiceText, configKey, pickWinner, type RememberedChoice } from './backend-choice';
import { engine, messageOf } from './engine';

const memory = new ChoiceMemory();
/** Backends whose GPU was lost this visit: auto does not go back to them until a reload. */
const lost = new Set<BackendName>();

export function forgetUntilReload(backend: BackendName): void {
  lost.add(backend);
}

/** Run on `request` from now on (and say so in the URL); the session moves with the engine. */
export async function switchBackend(request: BackendRequest): Promise<void> {
  if (useStore.getState().training.status === 'training') {
    showError(t('training.pauseBeforeSwitch'));
    return;
  }
  useStore.setState((s) => ({ settings: { ...s.settings, backend: request }, backendChoice: null }));
  if (!(await moveTo(request))) return;
  if (request === 'auto') await followRememberedChoice();
}

async function moveTo(request: BackendRequest, reason?: string): Promise<boolean> {
  useStore.setState({ busy: t('training.moving', { backend: request }) });
  try {
    const info = await engine.moveToBackend(request);
    // The device stays what it was (only auto's start-up probes it): keep its key for the next choice.
    const device = info.device ?? useStore.getState().backend?.device;
    useStore.setState({ backend: { ...info, device, reason: reason ?? info.reason } });
    return true;
  } catch (e) {
    showError(t('training.moveFailed', { backend: request, reason: messageOf(e) }));
    return false;
  } finally {
    useStore.setState({ busy: null });
  }
}

/** Time a training step of the current configuration on every backend offered here, software GPUs too. */
export async function measureBackends(): Promise<void> {
  const { training, settings } = useStore.getState();
  if (training.status === 'training') {
    showError(t('training.pauseBeforeMeasure'));
    return;
  }
  useStore.setState({ busy: t('training.timing') });
  try {
    useStore.setState({
      backendFigures: await engine.measureBackends(settings.batchSize),
      backendChoice: null,
    });
  } catch (e) {
    showError(t('training.measureFailed', { reason: messageOf(e) }));
  } finally {
    useStore.setState({ busy: null });
  }
}

/** The device and configuration auto's choice is kept under, when auto is in charge and a model is open. */
function choiceKey(): { device: string; config: string } | null {
  const { settings, model, backend } = useStore.getState();
  if (settings.backend !== 'auto' || !model || !backend?.device) return null;
  return { device: backend.device, config: configKey(model, settings.batchSize) };
}

/** Run where an earlier measurement on this device found this configuration fastest (start-up). */
export async function followRememberedChoice(): Promise<void> {
  const key = choiceKey();
  const known = key && memory.get(key.device, key.config);
  if (known) await adopt(known, true);
}

/**
 * Before training: auto's backend for this configuration, measured now if it never was on this
 * device (a few warm steps each), else remembered. False if the engine could not move.
 */
export async function chooseBackendForTraining(): Promise<boolean> {
  const key = choiceKey();
  if (!key) return true;
  const known = memory.get(key.device, key.config);
  if (known) return adopt(known, true);
  useStore.setState({ busy: t('training.choosing') });
  let choice: RememberedChoice;
  try {
    const figures = await engine.measureBackends(useStore.getState().settings.batchSize, {
      skipSoftware: true,
    });
    const winner = pickWinner(figures, lost) ?? useStore.getState().backend!.name;
    choice = { winner, figures, at: Date.now() };
  } catch (e) {
    // Training goes on where it is; the figures are for another time.
    console.warn('could not measure the backends', e);
    return true;
  } finally {
    useStore.setState({ busy: null });
  }
  memory.put(key.device, key.config, choice);
  return adopt(choice, false);
}

async function adopt(choice: RememberedChoice, remembered: boolean): Promise<boolean> {
  if (lost.has(choice.winner)) return true;
  const why = choiceText(choice, remembered);
  useStore.setState({ backendFigures: choice.figures, backendChoice: why });
  if (useStore.getState().backend?.name === choice.winner) return true;
  return moveTo(choice.winner, why);
}
