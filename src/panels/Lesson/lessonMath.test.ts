import { describe, expect, it } from 'vitest';
import { attentionRow, bitsOf, distribution, entropyBits, guessBits, topCandidates } from './lessonMath';

describe('lesson sums', () => {
  it('ranks candidates by probability', () => {
    expect(topCandidates([0.1, 0.5, 0.1, 0.3], 3)).toEqual([
      { id: 1, p: 0.5 },
      { id: 3, p: 0.3 },
      { id: 0, p: 0.1 },
    ]);
  });
  it('sharpens with a low temperature and flattens with a high one', () => {
    const logits = [2, 1, 0];
    const cold = distribution(logits, 0.5);
    const hot = distribution(logits, 2);
    expect(cold[0]).toBeCloseTo(Math.exp(4) / (Math.exp(4) + Math.exp(2) + 1), 12);
    expect(hot[0]).toBeCloseTo(Math.exp(1) / (Math.exp(1) + Math.exp(0.5) + 1), 12);
    expect(entropyBits(cold)).toBeLessThan(entropyBits(hot));
  });
  it('measures entropy and nats in bits', () => {
    expect(entropyBits([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(2, 12);
    expect(entropyBits([1, 0])).toBe(0);
    expect(bitsOf(Math.LN2 * 3)).toBeCloseTo(3, 12);
  });
  it('scores a guess as a bet of its confidence', () => {
    expect(guessBits(true, 0.5, 65)).toBeCloseTo(1, 12);
    expect(guessBits(false, 0.5, 65)).toBeCloseTo(Math.log2(128), 12);
  });
  it('reads one attention row out of (L, nh, T, T)', () => {
    const a = Float32Array.from({ length: 2 * 2 * 3 * 3 }, (_, i) => i);
    // layer 1, head 0, query 2: offset ((1·2+0)·3+2)·3 = 24
    expect(Array.from(attentionRow(a, 2, 3, 1, 0, 2))).toEqual([24, 25, 26]);
  });
});
