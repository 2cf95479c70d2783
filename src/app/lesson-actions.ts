/**
 * The guided lesson: which stop is open (store.lesson, `?lesson=k`, remembered for the next visit),
 * a clicker's keys (Page Down / Page Up, → / ←, space; Esc back to the lab), and the questions its
 * live figures ask the model in the tab — none of which changes the model.
 */
import { STOP_COUNT } from '../panels/Lesson/stops';
import type { LessonCalls } from '../store/actions';
import { useStore } from '../store/store';
import { engine } from './engine';

const REMEMBERED = 'tinygpt-lab/lesson-stop';

const clamp = (k: number) => Math.min(STOP_COUNT, Math.max(1, Math.round(k)));

function remembered(): number {
  try {
    const k = Number(localStorage.getItem(REMEMBERED));
    return Number.isInteger(k) && k >= 1 ? clamp(k) : 1;
  } catch {
    return 1;
  }
}

export function openLesson(stop?: number): void {
  const k = clamp(stop ?? remembered());
  try {
    localStorage.setItem(REMEMBERED, String(k));
  } catch {
    // storage blocked: the stop lasts this visit
  }
  useStore.setState({ lesson: k, presenting: null });
  document.documentElement.dataset.lesson = String(k);
}

export function closeLesson(): void {
  useStore.setState({ lesson: null });
  delete document.documentElement.dataset.lesson;
}

/** `?lesson=k` opens the lesson at stop k from the first frame, whatever the model is still doing. */
export function lessonFromUrl(search: string): void {
  const k = Number(new URLSearchParams(search).get('lesson'));
  if (Number.isInteger(k) && k >= 1) openLesson(k);
}

const NEXT = new Set(['PageDown', 'ArrowRight', ' ']);
const PREV = new Set(['PageUp', 'ArrowLeft']);

/** A clicker sends Page Down / Page Up; a keyboard adds arrows, space, Home and End (not while typing in a field). */
export function followLessonKeys(): void {
  window.addEventListener('keydown', (e) => {
    const stop = useStore.getState().lesson;
    if (stop === null || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const typing = e.target instanceof HTMLElement && e.target.matches('input, textarea, select');
    const page = e.key === 'PageDown' || e.key === 'PageUp';
    if (e.key === 'Escape') {
      e.preventDefault();
      closeLesson();
    } else if (typing && !page) {
      // the field keeps its arrows and spaces
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      openLesson(e.key === 'Home' ? 1 : STOP_COUNT);
    } else if (NEXT.has(e.key) && !e.shiftKey) {
      e.preventDefault();
      openLesson(stop + 1);
    } else if (PREV.has(e.key) || (e.key === ' ' && e.shiftKey)) {
      e.preventDefault();
      openLesson(stop - 1);
    }
  });
}

export const lessonCalls: LessonCalls = {
  async inspect(text) {
    return (await engine.inspect(text)).result;
  },
  encode: (text) => engine.encode(text),
  async neighbours(id, k) {
    const [near, probe] = await Promise.all([engine.neighbours(id, k), engine.inspect('\n')]);
    return { ...near, vocab: probe.result.vocab };
  },
  async attention(text, layer, head) {
    const { result, concepts } = await engine.inspect(text, { concepts: { position: 'last', layer, head } });
    return { result, cell: concepts! };
  },
  stepDemo: (text, learningRate) => engine.stepDemo(text, learningRate),
  saliency: (ids, token) =>
    engine.saliency({ ids, position: ids.length - 1, token, method: 'grad-x-input', steps: 1 }),
};
