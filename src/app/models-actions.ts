/**
 * My models: open one (its optimizer, RNG and history come back, so training resumes exactly),
 * rename, duplicate, delete, export, and pick some to compare in the loss chart.
 */
import { formatNumber, t } from '../i18n/i18n';
import { checkpointFileName } from '../store/model-names';
import { initialTraining, showError, useStore } from '../store/store';
import { download } from '../viz/exporting';
import { autosave, currentSlot, modelsDb, refreshModels, type Saved } from './autosave';
import { engine, messageOf } from './engine';
import { loadAttentionHistory, refreshInspection } from './inspect-actions';
import { oneAtATime } from './one-at-a-time';
import { holdModel } from './tabs';

/**
 * Put a saved model into the engine and the page. When another tab has it open, this tab works
 * on a copy (saved under a new id on its first save), so neither overwrites the other.
 * Says whether this tab has it for its own (false: a copy) and at which step it resumes.
 */
export const restoreSaved = oneAtATime(
  async (id: string, saved: Saved, patienceMs?: number): Promise<{ own: boolean; step: number }> => {
    const loaded = await engine.restore(saved.snap);
    const own = await holdModel(id, patienceMs ?? 0);
    if (own) await modelsDb.pointSlot(currentSlot(), id);
    const { maxSteps } = useStore.getState().settings;
    useStore.setState((s) => ({
      corpus: {
        ...s.corpus,
        text: saved.snap.corpus,
        source: saved.corpusSource ?? t('models.restored'),
        stats: loaded.stats,
      },
      model: loaded.info,
      modelId: own ? id : null,
      modelSource: saved.modelSource || t('models.restored'),
      learnedFrom: saved.learnedFrom ?? null,
      demo: false,
      arrival: false,
      training: {
        ...initialTraining,
        status: loaded.step === 0 ? 'idle' : loaded.step >= maxSteps ? 'done' : 'paused',
        step: loaded.step,
        losses: loaded.history.losses,
        evals: loaded.history.evals,
        samples: saved.samples ?? [],
        tokensPerChar: loaded.stats ? loaded.stats.tokens / loaded.stats.characters : 1,
      },
      generation: { ...s.generation, output: '' },
      busy: null,
    }));
    return { own, step: loaded.step };
  },
);

/** What the person is told when a model opened here is open in another tab as well. */
export function copyNotice(step: number): string {
  return t('models.copyInOtherTab', { step: formatNumber(step) });
}

/** Open a saved model in place of the current one (which is saved first). */
export async function openModel(id: string): Promise<void> {
  const { training, modelId } = useStore.getState();
  if (training.status === 'training') return showError(t('models.pauseFirst'));
  if (id === modelId) return;
  await autosave();
  const saved = await modelsDb.record(id);
  if (!saved) return showError(t('models.gone'));
  try {
    useStore.setState({
      busy: t('models.opening'),
      settings: saved.settings ?? useStore.getState().settings,
    });
    const { own, step } = await restoreSaved(id, saved);
    const name = (await modelsDb.meta(id))?.name ?? t('models.theModel');
    const where = own ? t('models.resumes', { step: formatNumber(step) }) : copyNotice(step);
    useStore.setState({ notice: t('models.opened', { name, where }), error: null });
  } catch (e) {
    showError(t('models.openFailed', { reason: messageOf(e) }));
  } finally {
    useStore.setState({ busy: null });
  }
  await refreshModels();
  await refreshInspection();
  await loadAttentionHistory();
}

export async function renameModel(id: string, name: string): Promise<void> {
  try {
    await modelsDb.rename(id, name);
  } catch (e) {
    showError(messageOf(e));
  }
  await refreshModels();
}

export async function duplicateModel(id: string): Promise<void> {
  if (id === useStore.getState().modelId) await autosave(); // the copy has the latest steps
  try {
    const copy = await modelsDb.duplicate(id);
    useStore.setState({ notice: t('models.copied', { name: copy.name }) });
  } catch (e) {
    showError(t('models.copyFailed', { reason: messageOf(e) }));
  }
  await refreshModels();
}

export async function deleteModel(id: string): Promise<void> {
  if (id === useStore.getState().modelId) {
    return showError(t('models.openCannotDelete'));
  }
  await modelsDb.remove(id);
  useStore.setState((s) => ({ compare: s.compare.filter((c) => c.id !== id) }));
  await refreshModels();
}

/** Download a saved model's checkpoint, as Export does for the open one. */
export async function exportModel(id: string): Promise<void> {
  if (id === useStore.getState().modelId) await autosave();
  const [saved, meta] = await Promise.all([modelsDb.record(id), modelsDb.meta(id)]);
  if (!saved || !meta) return showError(t('models.gone'));
  const bytes = saved.snap.checkpoint;
  const name = checkpointFileName(meta.shape, meta.corpus, meta.step);
  download(new Blob([bytes as BlobPart], { type: 'application/octet-stream' }), name);
}

/** Draw a saved model's validation curve over the loss chart (or stop drawing it). */
export function toggleCompare(id: string): void {
  const { compare, models } = useStore.getState();
  if (compare.some((c) => c.id === id)) {
    useStore.setState({ compare: compare.filter((c) => c.id !== id) });
    return;
  }
  const m = models.find((x) => x.id === id);
  if (!m) return;
  useStore.setState({
    compare: [...compare, { id, name: m.name, evals: m.evals, tokensPerChar: m.tokensPerChar }],
  });
}
