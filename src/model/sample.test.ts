import { describe, expect, it } from 'vitest';
import { Rng } from './rng';
import { argmax, type SamplingOptions, sampleToken, samplingDistribution, softmax } from './sample';

const logits = Float32Array.from([2.0, -1.0, 0.5, 3.0, 1.5, -2.0, 0.0, 2.5]);
const sample = (o: Partial<SamplingOptions>, n: number, seed = 1) => {
  const rng = new Rng(seed);
  const opts: SamplingOptions = { mode: 'sample', temperature: 1, topK: 0, topP: 1, ...o };
  return Array.from({ length: n }, () => sampleToken(logits, opts, rng));
};

describe('sampling', () => {
  it('top-k never returns a token outside the top k', () => {
    const top3 = new Set([3, 7, 0]);
    const draws = sample({ topK: 3, temperature: 2 }, 2000);
    for (const t of draws) expect(top3.has(t)).toBe(true);
    expect(new Set(draws).size).toBe(3);
  });

  it('top-p never returns a token outside the nucleus', () => {
    const p = softmax(logits);
    const order = [...p.keys()].sort((a, b) => p[b] - p[a]);
    // The nucleus for 0.8: the fewest top tokens whose mass reaches 0.8.
    let mass = 0;
    const nucleus = new Set<number>();
    for (const i of order) {
      if (mass >= 0.8) break;
      nucleus.add(i);
      mass += p[i];
    }
    const draws = sample({ topP: 0.8 }, 2000);
    for (const t of draws) expect(nucleus.has(t)).toBe(true);
    expect(new Set(draws)).toEqual(nucleus);
    const q = samplingDistribution(logits, { mode: 'sample', temperature: 1, topK: 0, topP: 0.8 });
    expect(q.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });

  it('temperature → 0 equals greedy', () => {
    expect(new Set(sample({ temperature: 1e-3 }, 200))).toEqual(new Set([argmax(logits)]));
    expect(sample({ temperature: 0 }, 5)).toEqual(Array(5).fill(3));
    expect(sample({ mode: 'greedy', temperature: 5 }, 5)).toEqual(Array(5).fill(3));
  });

  it('repeats for a fixed seed and differs for another', () => {
    expect(sample({}, 50, 42)).toEqual(sample({}, 50, 42));
    expect(sample({}, 50, 42)).not.toEqual(sample({}, 50, 43));
  });

  it('matches the softmax frequencies at temperature 1', () => {
    const p = softmax(logits);
    const draws = sample({}, 20000, 7);
    const freq = draws.filter((t) => t === 3).length / draws.length;
    expect(Math.abs(freq - p[3])).toBeLessThan(0.02);
  });
});
