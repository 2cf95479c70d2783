/**
 * What the lesson's stops share while it is open: the prompt the figures think about (one text,
 * so the class follows one example from stop to stop) and the passage training and the game use.
 */
import { create } from 'zustand';

/** The pretrained model read Shakespeare: a prompt whose next character it knows well. */
export const LESSON_PROMPT = 'To be, or not to b';
export const LESSON_PASSAGE = 'First Citizen:\nBefore we proceed any further, hear me speak.';

interface LessonState {
  prompt: string;
  setPrompt(prompt: string): void;
}

export const useLesson = create<LessonState>((set) => ({
  prompt: LESSON_PROMPT,
  setPrompt: (prompt) => set({ prompt }),
}));

/**
 * The game's passage: a line from the person's own corpus when there is one (the model read that
 * text), else the Shakespeare the pretrained model read. Deterministic for a given corpus.
 */
export function gamePassage(corpus: string): string {
  if (corpus.length < 2000) return LESSON_PASSAGE;
  // A line start near 90 % of the text: the validation part, which the model did not train on.
  const from = corpus.indexOf('\n', Math.floor(corpus.length * 0.9));
  const line = corpus.slice(from + 1, from + 1 + 60);
  return line.length >= 30 ? line : LESSON_PASSAGE;
}
