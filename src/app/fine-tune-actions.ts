/**
 * Fine-tune: keep a trained model's weights and train them on the current corpus, with a fresh
 * optimizer, a fine-tuning learning rate and step count, and the characters the vocabulary lacks
 * added (new embedding and head rows) or dropped from the corpus. A new, untrained model has
 * nothing to keep: fine-tuning then starts from the shipped pretrained model.
 */
import { t } from '../i18n/i18n';
import type { FineTuneSlice } from '../store/fine-tune';
import { type AppState, patch, showError, useStore } from '../store/store';
import type { FineTuneStart, TokenizerJSON } from '../worker/api';
import { fetchPretrained, loadPretrained } from './checkpoint-actions';
import { flushCorpus } from './corpus-actions';
import { engine, messageOf } from './engine';
import { writeBeforeSample } from './fine-tune-run';
import { trainLoop } from './training-actions';

/** The model a fine-tune keeps: the one in the tab once it has learned something, else the shipped one. */
export function fineTuneBase(s: AppState): FineTuneSlice['base'] {
  return s.model && (s.modelSource !== 'new' || s.training.step > 0) ? 'current' : 'pretrained';
}

let shippedTokenizer: Promise<TokenizerJSON> | null = null;

/** The shipped checkpoint's tokenizer, read from its safetensors header (u64 length, then JSON). */
function pretrainedTokenizer(): Promise<TokenizerJSON> {
  shippedTokenizer ??= fetchPretrained().then((bytes) => {
    const length = Number(new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true));
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length)));
    return JSON.parse(header.__metadata__.tokenizer) as TokenizerJSON;
  });
  shippedTokenizer.catch(() => {
    shippedTokenizer = null; // tried again next time
  });
  return shippedTokenizer;
}

let planTicket = 0;

/** What the base model's vocabulary lacks of the corpus the engine holds (the panel lists it). */
export async function refreshFineTunePlan(): Promise<void> {
  const ticket = ++planTicket;
  const base = fineTuneBase(useStore.getState());
  let plan: FineTuneSlice['plan'] = null;
  try {
    plan = await engine.fineTunePlan(base === 'pretrained' ? await pretrainedTokenizer() : undefined);
  } catch {
    plan = null; // no engine or no shipped model: the panel says what it can
  }
  if (ticket === planTicket) patch('fineTune', { base, plan });
}

let running = false;

export async function fineTune(): Promise<void> {
  if (running || useStore.getState().training.status === 'training') return;
  running = true;
  try {
    if (await prepare()) await trainLoop();
  } finally {
    running = false;
  }
}

/** Make the model ready (base loaded, vocabulary policy applied, step-0 loss and sample); false if refused. */
async function prepare(): Promise<boolean> {
  useStore.setState({ arrival: false });
  if (!(await flushCorpus())) return false;
  if (!useStore.getState().corpus.text) {
    showError(t('fineTune.noText'));
    return false;
  }
  // Loaded unsaved: the fine-tuned model is what gets saved, not a copy of the shipped one.
  const base = fineTuneBase(useStore.getState());
  if (base === 'pretrained' && !(await loadPretrained({ keepCorpus: true, unsaved: true }))) return false;
  const { settings, fineTune: ft, model } = useStore.getState();
  useStore.setState({ busy: t('fineTune.preparing') });
  let start: FineTuneStart;
  try {
    start = await engine.prepareFineTune({
      policy: ft.policy,
      seed: settings.seed,
      batchSize: settings.batchSize,
      evalIters: 10,
    });
  } catch (e) {
    showError(t('fineTune.failed', { reason: messageOf(e) }));
    return false;
  } finally {
    useStore.setState({ busy: null });
  }
  adopt(start, model?.vocab_size ?? start.info.vocab_size);
  await writeBeforeSample();
  await engine.setProbe(start.prompt);
  void refreshFineTunePlan();
  return true;
}

/** The fine-tune's model and corpus into the store: the loss chart goes on from the step-0 loss. */
function adopt(start: FineTuneStart, vocabBefore: number): void {
  useStore.setState((s) => ({
    model: start.info,
    // A model of its own in My models (the one it started from keeps its last save), learning from this text.
    modelId: null,
    learnedFrom: null,
    demo: false,
    corpus: { ...s.corpus, stats: start.stats, text: start.removed.length ? start.text : s.corpus.text },
    settings: { ...s.settings, maxSteps: start.step + s.fineTune.steps },
    training: {
      ...s.training,
      step: start.step,
      evals: [...s.training.evals, start.eval],
      tokensPerChar: start.tokensPerChar,
    },
    fineTune: {
      ...s.fineTune,
      run: {
        info: start.info,
        from: start.step,
        startVal: start.eval.val,
        freshVal: Math.log(start.info.vocab_size),
        vocabBefore,
        added: start.added,
        removed: start.removed,
        prompt: start.prompt,
        before: null,
        after: null,
      },
    },
    error: null,
    notice: null,
  }));
}
