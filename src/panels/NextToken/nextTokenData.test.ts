import { describe, expect, it } from 'vitest';
import { Rng } from '../../model/rng';
import { sampleToken } from '../../model/sample';
import { csvRows, DEMO_TOP_K, nextTokenView, segments, sharedUniform, visible } from './nextTokenData';

const vocab = Array.from({ length: 20 }, (_, i) => String.fromCharCode(97 + i));
const logits = Float32Array.from({ length: 20 }, (_, i) => Math.sin(i * 1.7) * 3);
const settings = { mode: 'sample' as const, temperature: 0.8, topK: 0, topP: 1 };

const rule = (v: ReturnType<typeof nextTokenView>, id: string) => v.rules.find((r) => r.id === id)!;

describe('nextTokenView', () => {
  it('has one distribution per rule, each summing to 1', () => {
    const v = nextTokenView(logits, vocab, settings, 0.5);
    expect(v.rules.map((r) => r.id)).toEqual(['model', 'greedy', 'temperature', 'topk', 'topp', 'yours']);
    for (const r of v.rules) expect(r.dist.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('truncates: greedy keeps 1, top-k keeps k (demo when off), top-p a nucleus reaching p', () => {
    const v = nextTokenView(logits, vocab, settings, 0.5);
    expect(rule(v, 'greedy').kept).toBe(1);
    expect(rule(v, 'topk').kept).toBe(DEMO_TOP_K);
    expect(rule(v, 'topk').detail).toMatch(/\*/);
    expect(rule(v, 'temperature').kept).toBe(20);
    const w = nextTokenView(logits, vocab, { ...settings, topK: 3, topP: 0.5 }, 0.5);
    expect(rule(w, 'topk').kept).toBe(3);
    expect(rule(w, 'topk').detail).not.toMatch(/\*/);
    expect(rule(w, 'topp').kept).toBeLessThan(20);
  });

  it('picks, for "your settings", exactly the token the generator draws with the same seed', () => {
    for (const s of [settings, { ...settings, topK: 4 }, { ...settings, topP: 0.7, temperature: 1.3 }]) {
      for (const seed of [1, 7, 42]) {
        const output = 'abc';
        const v = nextTokenView(logits, vocab, s, sharedUniform(seed, output));
        expect(v.pick).toBe(sampleToken(logits, s, new Rng(seed + 3)));
      }
    }
    const g = nextTokenView(logits, vocab, { ...settings, mode: 'greedy' }, 0.99);
    expect(g.pick).toBe(rule(g, 'greedy').pick);
  });

  it('shows the top tokens as rows, plus any token a rule picks outside them', () => {
    const v = nextTokenView(logits, vocab, { ...settings, temperature: 5 }, 0.999, 3);
    const ids = v.rows.map((r) => r.id);
    for (const r of v.rules) expect(ids).toContain(r.pick);
    expect(v.rows.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < v.rows.length; i++)
      expect(v.rows[i - 1].probs[0]).toBeGreaterThanOrEqual(v.rows[i].probs[0]);
  });

  it('the u marker falls in the picked token’s segment of every rule', () => {
    for (const u of [0.01, 0.3, 0.77, 0.999]) {
      const v = nextTokenView(logits, vocab, { ...settings, topK: 6, topP: 0.8 }, u);
      for (const r of v.rules) {
        if (r.id === 'greedy') continue;
        const seg = r.segments.find((s) => u >= s.start && u < s.end);
        expect(seg?.id).toBe(r.pick);
      }
    }
  });
});

describe('segments', () => {
  it('covers [0, 1] in id order, merging runs of unshown tokens', () => {
    const s = segments([0.1, 0.2, 0, 0.3, 0.4], new Set([1]));
    expect(s.map((x) => x.id)).toEqual([null, 1, null]);
    expect(s[0].start).toBe(0);
    expect(s[2].end).toBeCloseTo(1, 12);
    expect(s[2].start).toBeCloseTo(0.3, 12);
  });
});

describe('csv and text', () => {
  it('lists each rule’s non-zero tokens with the pick marked', () => {
    const v = nextTokenView(logits, vocab, settings, 0.4);
    const rows = csvRows(v, vocab);
    expect(rows.filter((r) => r[0] === 'greedy')).toHaveLength(1);
    expect(rows.filter((r) => r[0] === 'model')).toHaveLength(20);
    expect(rows.filter((r) => r[4] === 1)).toHaveLength(6);
  });

  it('makes whitespace visible', () => {
    expect(visible('a b\n\t')).toBe('a␣b↵⇥');
  });
});
