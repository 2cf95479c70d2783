/** Corpus in: pasted text, files, URLs and built-in samples, checked before anything is replaced. */
import { fixed, formatNumber, t } from '../i18n/i18n';
import { patch, showError, useStore } from '../store/store';
import { callback, engine, messageOf } from './engine';
import { oneAtATime } from './one-at-a-time';
import { afterStartup, personActed } from './startup';
import { buildModel, rebuildIfUntrained } from './training-actions';

/**
 * Most bytes of a file or URL taken as a corpus: 20 MB, at most the worker's 20 million characters
 * (worker/corpus.ts). A bigger file is not refused: its first 20 MB are taken, and the person told.
 */
export const MAX_FILE_BYTES = 20_000_000;
export const TINY_SHAKESPEARE_URL =
  'https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt';

let pending: { text: string; source: string } | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * The textarea's edits, applied after a pause in typing (or at once by flushCorpus). The source
 * stays this English value (autosave.ts and the corpus panel know it); the panel says it in the
 * person's language.
 */
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
export const applyCorpus = oneAtATime(
  async (text: string, source: string, options: { unlessActed?: boolean } = {}): Promise<boolean> => {
    // Start-up's default sample waits in this queue; a text the person gave meanwhile wins (app/startup.ts).
    if (options.unlessActed && personActed()) return false;
    const { settings, training, learnedFrom, demo } = useStore.getState();
    // Their own text after the first visit's demo gets a fresh model of the chosen shape; the text
    // the demo learned from keeps it (to train it further).
    const fresh = demo && source !== learnedFrom?.name;
    if (training.status === 'training') {
      showError(t('corpus.pauseFirst'));
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
      const keptNote = kept ? t('corpus.previousKept', { characters: formatNumber(kept.characters) }) : '';
      showError(`${messageOf(e)}${keptNote}`);
      return false;
    }
  },
);

/**
 * The source of a file's or URL's first 20 MB: "name (first 20 MB)". Kept in English, as the
 * typed-or-pasted source is; the corpus panel reads it back and says it in the person's language.
 */
function partSource(name: string): string {
  return `${name} (first ${MAX_FILE_BYTES / 1e6} MB)`;
}

/** "… is 212.0 MB; the lab trains on at most 20 MB, so it took the first 20 MB (…)." */
function partNotice(name: string, bytes: number, text: string): string {
  return t('corpus.partTaken', {
    name,
    size: fixed(bytes / 1e6, 1),
    max: formatNumber(MAX_FILE_BYTES / 1e6),
    characters: formatNumber(text.length),
  });
}

/**
 * Bytes → text: UTF-8, refusing binary data. `cut` says the bytes stop inside a bigger file, so a
 * character split at the end is dropped rather than refused. Throws a message naming the file.
 */
function decodeText(bytes: Uint8Array, name: string, cut: boolean): string {
  if (bytes.includes(0)) {
    throw new Error(t('corpus.binary', { name }));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: cut });
  } catch {
    throw new Error(t('corpus.notUtf8', { name }));
  }
}

/** Read a picked or dropped file as UTF-8 text; of a file over the limit, the first 20 MB (read alone: no freeze). */
export async function loadFile(file: File): Promise<void> {
  const cut = file.size > MAX_FILE_BYTES;
  if (cut)
    useStore.setState({
      busy: t('corpus.readingPart', { mb: formatNumber(MAX_FILE_BYTES / 1e6), name: file.name }),
    });
  try {
    const bytes = new Uint8Array(await file.slice(0, MAX_FILE_BYTES).arrayBuffer());
    const text = decodeText(bytes, file.name, cut);
    const source = cut ? partSource(file.name) : file.name;
    if ((await applyCorpus(text, source)) && cut)
      useStore.setState({ notice: partNotice(file.name, file.size, text) });
  } catch (e) {
    showError(messageOf(e));
  } finally {
    if (cut) useStore.setState({ busy: null });
  }
}

/** A response's body, at most MAX_FILE_BYTES of it (the rest is not downloaded), with progress. */
async function readCapped(
  res: Response,
  label: string,
): Promise<{ bytes: Uint8Array; cut: boolean; total: number }> {
  const total = Number(res.headers.get('content-length') ?? 0);
  const reader = res.body?.getReader();
  if (!reader) return { bytes: new Uint8Array(await res.arrayBuffer()), cut: false, total };
  const chunks: Uint8Array[] = [];
  let got = 0;
  while (got < MAX_FILE_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    got += value.length;
    useStore.setState({ busy: t('corpus.downloadingSize', { label, size: fixed(got / 1e6, 1) }) });
  }
  const cut = got >= MAX_FILE_BYTES;
  if (cut) await reader.cancel();
  const bytes = new Uint8Array(Math.min(got, MAX_FILE_BYTES));
  let at = 0;
  for (const c of chunks) {
    const take = c.subarray(0, bytes.length - at);
    bytes.set(take, at);
    at += take.length;
  }
  return { bytes, cut, total: Math.max(total, got) };
}

export async function loadUrl(url: string, label = url): Promise<void> {
  useStore.setState({ busy: t('corpus.downloading', { label }) });
  try {
    const res = await fetch(url);
    if (!res.ok)
      throw new Error(t('corpus.serverAnswered', { status: res.status, statusText: res.statusText }));
    const { bytes, cut, total } = await readCapped(res, label);
    const text = decodeText(bytes, label, cut);
    if ((await applyCorpus(text, cut ? partSource(label) : label)) && cut)
      useStore.setState({ notice: partNotice(label, total, text) });
  } catch (e) {
    // fetch rejects with a TypeError when the network cannot be reached (offline, a captive Wi-Fi).
    if (e instanceof TypeError || navigator.onLine === false) {
      const why = navigator.onLine === false ? t('corpus.offline') : t('corpus.unreachable');
      showError(t('corpus.loadFailedOffline', { label, why }));
    } else showError(t('corpus.loadFailed', { label, reason: messageOf(e) }));
  } finally {
    useStore.setState({ busy: null });
  }
}
