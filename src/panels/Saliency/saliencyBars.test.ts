import { describe, expect, it } from 'vitest';
import type { Saliency } from '../../worker/api';
import {
  completeness,
  completenessError,
  predictionAt,
  type SaliencySource,
  saliencyBars,
  saliencyCsv,
  saliencyQuestion,
  saliencySummary,
  strongest,
} from './saliencyBars';

/** Context "th e" → ids [0, 1, 3, 2]; 1 layer, k = 2; the output row predicts id (pos + 1) % 4. */
function fake(): SaliencySource {
  const T = 4;
  const k = 2;
  const L = 1;
  const lensIds = new Int32Array((L + 1) * T * k);
  const lensProbs = new Float32Array((L + 1) * T * k);
  for (let pos = 0; pos < T; pos++) {
    const b = (L * T + pos) * k;
    lensIds[b] = (pos + 1) % 4;
    lensIds[b + 1] = pos;
    lensProbs[b] = 0.5 + pos / 10;
    lensProbs[b + 1] = 0.1;
  }
  return {
    ids: [0, 1, 3, 2],
    tokens: ['t', 'h', ' ', 'e'],
    vocab: ['t', 'h', 'e', '␣'],
    n_layer: L,
    lensIds,
    lensProbs,
    lensK: k,
  };
}

const sal = (scores: number[], over: Partial<Saliency> = {}): Saliency => ({
  scores: Float32Array.from(scores),
  method: 'integrated-gradients',
  steps: 32,
  logit: 3,
  baselineLogit: 1,
  ...over,
});

describe('predictionAt', () => {
  it('reads the model’s top prediction at the selected position', () => {
    const p = predictionAt(fake(), 1);
    expect(p).toMatchObject({ position: 1, id: 2, text: 'e', after: 'h' });
    expect(p.prob).toBeCloseTo(0.6, 6);
  });
  it('defaults to the last position and clamps out-of-range selections', () => {
    expect(predictionAt(fake(), null).position).toBe(3);
    expect(predictionAt(fake(), 99).position).toBe(3);
    expect(predictionAt(fake(), -4).position).toBe(0);
  });
  it('asks the question in words', () => {
    expect(saliencyQuestion(predictionAt(fake(), 1))).toBe(
      "Why does the model predict 'e' after position 1 ('h')?",
    );
  });
});

describe('saliencyBars', () => {
  it('marks future tokens and normalises by the largest |score| up to the output', () => {
    const v = saliencyBars(fake(), sal([0.5, -2, 0, 0]), 1);
    expect(v.bars.map((b) => b.future)).toEqual([false, false, true, true]);
    expect(v.bars.map((b) => b.output)).toEqual([false, true, false, false]);
    expect(v.maxAbs).toBe(2);
    expect(v.bars[0].norm).toBeCloseTo(0.25, 6);
    expect(v.bars[1].norm).toBe(-1);
    expect(v.bars[2].norm).toBe(0);
    expect(v.bars.map((b) => b.label)).toEqual(['t', 'h', '␣', 'e']);
    expect(v.bars[2].raw).toBe(' ');
  });

  it('computes the completeness check', () => {
    const v = saliencyBars(fake(), sal([0.5, 1.4, 0, 0]), 1);
    expect(v.sum).toBeCloseTo(1.9, 6);
    expect(v.delta).toBe(2);
    expect(completeness(v)).toBe('Σ attributions = 1.900 vs logit − baseline = 2.000');
    expect(completenessError(v)).toBeCloseTo(0.05, 6);
  });

  it('survives all-zero and non-finite scores', () => {
    const v = saliencyBars(fake(), sal([0, Number.NaN, 0, 0]), null);
    expect(v.maxAbs).toBe(0);
    expect(v.bars.every((b) => b.norm === 0 && Number.isFinite(b.score))).toBe(true);
    expect(v.sum).toBe(0);
  });

  it('finds the strongest pushes and summarises them', () => {
    const v = saliencyBars(fake(), sal([0.5, -2, 0.7, 0], { method: 'grad-x-input' }), 2);
    const s = strongest(v);
    expect(s.toward?.pos).toBe(2);
    expect(s.against?.pos).toBe(1);
    const text = saliencySummary(v);
    expect(text).toContain('gradient × input');
    expect(text).toContain("most against it: 'h' at 1");
    expect(text).toContain('1 later tokens score 0 by causality');
  });

  it('exports position, token and score as CSV', () => {
    const csv = saliencyCsv(saliencyBars(fake(), sal([0.5, -2, 0, 0]), 1));
    expect(csv.header).toEqual(['position', 'token', 'score']);
    expect(csv.rows).toEqual([
      [0, 't', 0.5],
      [1, 'h', -2],
      [2, ' ', 0],
      [3, 'e', 0],
    ]);
    expect(saliencyCsv(null).rows).toEqual([]);
  });
});
