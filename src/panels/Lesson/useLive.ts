/**
 * A figure's numbers, asked of the model in the tab and asked again whenever the model changes
 * (another model opened, a training step, a fresh one built) or the question does. The answer to
 * an older question is dropped; a failed question keeps the last answer and reports why.
 */
import { useEffect, useState } from 'react';
import { actions } from '../../store/actions';
import { showError, useStore } from '../../store/store';
import type { InspectResult } from '../../worker/api';
import { useLesson } from './lessonState';

export interface Live<T> {
  data: T | null;
  /** The model is not there yet (start-up, a checkpoint loading). */
  waiting: boolean;
}

/** Changes whenever the weights may have: a new model, or a step trained. */
export function useModelVersion(): string | null {
  const model = useStore((s) => s.model);
  const source = useStore((s) => s.modelSource);
  const step = useStore((s) => (s.training.status === 'training' ? -1 : s.training.step));
  const [id] = useState(() => new WeakMap<object, number>());
  if (!model) return null;
  if (!id.has(model)) id.set(model, Math.random());
  return `${id.get(model)}|${source}|${step}`;
}

export function useLive<T>(ask: () => Promise<T>, question: string): Live<T> {
  const version = useModelVersion();
  const [data, setData] = useState<T | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `question` and the model version say when to ask again
  useEffect(() => {
    if (version === null) return;
    let current = true;
    ask().then(
      (d) => {
        if (current) setData(d);
      },
      (e: unknown) => {
        if (current) showError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      current = false;
    };
  }, [version, question]);
  return { data, waiting: version === null || data === null };
}

/** The lesson's prompt and what the model in the tab makes of it: most stops' figure starts here. */
export function usePromptInspection(): { prompt: string; data: InspectResult | null } {
  const prompt = useLesson((s) => s.prompt);
  const { data } = useLive(() => actions().lesson.inspect(prompt), prompt);
  return { prompt, data };
}
