/** Saliency explains the inspection the panels show, even once a newer generation has changed the text. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SaliencyQuery } from '../worker/api';

const asked: SaliencyQuery[] = [];
vi.mock('./engine', () => ({
  engine: {
    recycle: async () => {},
    saliency: async (q: SaliencyQuery) => {
      asked.push(q);
      return { scores: new Float32Array(q.ids.length), logit: 0, baseline: 0 };
    },
  },
  messageOf: (e: unknown) => String(e),
  transfer: <T>(x: T) => x,
}));

const { runSaliency } = await import('./inspect-actions');
const { useStore } = await import('../store/store');

describe('runSaliency', () => {
  beforeEach(() => {
    asked.length = 0;
  });

  it('sends the shown inspection’s ids and its position, not the text as it is now', async () => {
    // An inspection of 4 tokens with its last one selected; then a new generation started over
    // from a 2-character prompt (its inspection not back yet).
    const result = { ids: [3, 1, 4, 1], n_layer: 1, lensK: 1, lensIds: new Int32Array(2 * 4).fill(7) };
    useStore.setState((s) => ({
      inspect: { ...s.inspect, result: result as never, selected: 3, text: '' },
      generation: { ...s.generation, prompt: 'ab', output: '' },
    }));
    await runSaliency('grad-x-input', 1);
    expect(asked).toHaveLength(1);
    expect(asked[0].ids).toEqual([3, 1, 4, 1]);
    expect(asked[0].position).toBe(3);
    expect(asked[0].token).toBe(7);
    expect(useStore.getState().error).toBeNull();
  });
});
