/**
 * A first visit: nothing autosaved and a plain link. The shipped model is loaded at once and
 * thinks about a famous line on the first screen (next token, attention, logit lens), with two
 * ways on: try your own prompt, or train your own model. Nothing is autosaved until the person
 * acts, so the demo never stands in for a session of theirs.
 */
import { patch, useStore } from '../store/store';
import { fetchPretrained, loadPretrained } from './checkpoint-actions';
import { refreshInspection } from './inspect-actions';

export const ARRIVAL_PROMPT = 'To be, or not to be, that is the question:';

/** A link that sets up nothing beyond the backend or the language is a plain visit. */
export function isPlainVisit(search: string): boolean {
  return [...new URLSearchParams(search).keys()].every(
    (k) => k === 'backend' || k === 'lang' || k === 'lesson',
  );
}

/** Begin downloading the shipped checkpoint now, while the engine starts (it is fetched once). */
export function prefetchArrival(): void {
  fetchPretrained().catch(() => {}); // a failure is reported when the model is loaded
}

/** Show the first visit's demo; false when the pretrained model could not be loaded. */
export async function arrive(): Promise<boolean> {
  useStore.setState({ arrival: true });
  patch('generation', { prompt: ARRIVAL_PROMPT, output: '' });
  const ok = await loadPretrained({ unsaved: true });
  if (!ok) useStore.setState({ arrival: false });
  return ok;
}

let typing: ReturnType<typeof setTimeout> | undefined;

/** "Try your own prompt": the panels follow the prompt as it is typed (one inspection per pause). */
export function tryPrompt(prompt: string): void {
  patch('generation', { prompt, output: '' });
  patch('inspect', { text: '' });
  clearTimeout(typing);
  typing = setTimeout(() => void refreshInspection(), 150);
}

/** "Train your own model": the lab's steps come first again; the demo model stays until a corpus is given. */
export function leaveArrival(): void {
  useStore.setState({ arrival: false });
}
