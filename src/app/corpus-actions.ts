/** Corpus in: pasted text, files, URLs and built-in samples, checked before anything is replaced. */
import { patch, showError, useStore } from '../store/store';
import { callback, engine, messageOf } from './engine';
import { afterStartup } from './startup';
import { buildModel, rebuildIfUntrained } from './training-actions';

/** Largest file accepted, in bytes. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const TINY_SHAKESPEARE_URL =
  'https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt';

let pending: { text: string; source: string } | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

/** The textarea's edits, applied after a pause in typing (or at once by flushCorpus). */
export function draftCorpus(text: string, source = 'typed or pasted'): void {
  pending = { text, source };
  patch('corpus', { text }); // the source label changes only once the text is in use
  clearTimeout(timer);
  timer = setTimeout(() => void flushCorpus(), 500);
}

export async function flushCorpus(): Promise<boolean> {
  clearTimeout(timer);
  if (!pending) return true;
  await afterStartup(); // a text pasted during start-up is applied after it, not under the default sample
  if (!pending) return true;
  const draft = pending;
  pending = null;
  const ok = await applyCorpus(draft.text, draft.source);
  // A refused draft is still what the textarea shows, so it stays pending: Train checks it again
  // instead of quietly training on the previous corpus the user no longer sees.
  if (!ok && !pending && useStore.getState().corpus.text === draft.text) pending = draft;
  return ok;
}

/** Tokenize `text` in the worker and make it the corpus; on failure keep the previous one and say why. */
export async function applyCorpus(text: string, source: string): Promise<boolean> {
  const { settings, training, learnedFrom } = useStore.getState();
  // Their own text after the first visit's demo gets a fresh model of the chosen shape; the text
  // the demo learned from keeps it (to train it further).
  const fresh = useStore.getState().demo && source !== learnedFrom?.name;
  if (training.status === 'training') {
    showError('Pause training before changing the corpus.');
    return false;
  }
  // This text replaces whatever draft was waiting (a file, sample or URL also replaces the textarea).
  clearTimeout(timer);
  pending = null;
  const choice = { kind: settings.tokenizer, vocabSize: settings.bpeVocab };
  patch('corpus', { tokenizing: settings.tokenizer === 'bpe' ? 0 : null });
  try {
    const stats = await engine.setCorpus(
      text,
      choice,
      callback((done: number, total: number) => patch('corpus', { tokenizing: total ? done / total : 1 })),
    );
    patch('corpus', { text, source, stats, tokenizing: null });
    showError(null);
    useStore.setState({ arrival: false, demo: false });
    await (fresh ? buildModel() : rebuildIfUntrained());
    return true;
  } catch (e) {
    patch('corpus', { tokenizing: null });
    const kept = useStore.getState().corpus.stats;
    const keptNote = kept
      ? ` The previous corpus (${kept.characters.toLocaleString('en')} characters) is still in use.`
      : '';
    showError(`${messageOf(e)}${keptNote}`);
    return false;
  }
}

/** Read a picked or dropped file as UTF-8 text, refusing binary and oversized files. */
export async function loadFile(file: File): Promise<void> {
  if (file.size > MAX_FILE_BYTES) {
    showError(
      `"${file.name}" is ${(file.size / 1e6).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB.`,
    );
    return;
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.includes(0)) {
    showError(
      `"${file.name}" is not a text file (it contains binary data). Choose a plain-text (.txt) file.`,
    );
    return;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    showError(`"${file.name}" is not valid UTF-8 text. Save it as UTF-8 plain text and try again.`);
    return;
  }
  await applyCorpus(text, file.name);
}

export async function loadUrl(url: string, label = url): Promise<void> {
  useStore.setState({ busy: `Downloading ${label}…` });
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`the server answered ${res.status} ${res.statusText}`);
    const len = Number(res.headers.get('content-length') ?? 0);
    if (len > MAX_FILE_BYTES) throw new Error(`it is ${(len / 1e6).toFixed(1)} MB; the limit is 20 MB`);
    const text = await res.text();
    await applyCorpus(text, label);
  } catch (e) {
    showError(`Could not load ${label}: ${messageOf(e)}. The current corpus is unchanged.`);
  } finally {
    useStore.setState({ busy: null });
  }
}
