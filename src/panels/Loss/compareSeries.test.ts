import { describe, expect, it } from 'vitest';
import type { CompareCurve } from '../../store/store';
import { COMPARE_COLORS, compareAt, compareLines, compareSteps, summarizeCompare } from './compareSeries';
import { prepareLossSeries } from './lossSeries';
import { SERIES } from './series';

const char: CompareCurve = {
  id: 'char-2l',
  name: '2 layers, characters',
  tokensPerChar: 1,
  evals: [
    { step: 200, train: 2.0, val: 2.2 },
    { step: 100, train: 2.6, val: 2.8 },
  ],
};
const bpe: CompareCurve = {
  id: 'bpe-4l',
  name: '4 layers, BPE',
  tokensPerChar: 0.25,
  evals: [
    { step: 100, train: 5.0, val: 5.2 },
    { step: 300, train: 4.0, val: 4.4 },
  ],
};
const untrained: CompareCurve = { id: 'none', name: 'fresh', tokensPerChar: 1, evals: [] };
const opts = { smoothing: 0.9, units: 'bits' as const, tokensPerChar: 1, log: false, maxPoints: 1000 };

describe('compareLines', () => {
  it('converts each curve to bits per char with its own tokens per char, in step order', () => {
    const [a, b] = compareLines([char, bpe], 'bits');
    expect(a.points.map((p) => p.step)).toEqual([100, 200]);
    expect(a.points[0].value).toBeCloseTo(2.8 / Math.LN2, 10);
    expect(b.points[1].value).toBeCloseTo((4.4 / Math.LN2) * 0.25, 10);
  });

  it('keeps nats as they are', () => {
    expect(compareLines([bpe], 'nats')[0].points.map((p) => p.value)).toEqual([5.2, 4.4]);
  });

  it('skips curves with no (finite) evaluations but keeps colours by position', () => {
    const nan: CompareCurve = { ...char, id: 'nan', evals: [{ step: 1, train: 1, val: Number.NaN }] };
    const lines = compareLines([untrained, nan, bpe], 'bits');
    expect(lines.map((l) => l.id)).toEqual(['bpe-4l']);
    expect(lines[0].color).toBe(COMPARE_COLORS[2]);
  });

  it("uses colours the current model's series do not, then dashes once they run out", () => {
    const own = Object.values(SERIES).map((s) => s.color);
    for (const c of COMPARE_COLORS) expect(own).not.toContain(c);
    const many = Array.from({ length: COMPARE_COLORS.length + 1 }, (_, i) => ({ ...char, id: `m${i}` }));
    const lines = compareLines(many, 'bits');
    expect(new Set(lines.slice(0, COMPARE_COLORS.length).map((l) => l.color)).size).toBe(
      COMPARE_COLORS.length,
    );
    expect(lines[0].dash).toBeUndefined();
    expect(lines[COMPARE_COLORS.length].dash).toBeDefined();
  });
});

describe('overlays in prepareLossSeries', () => {
  it('count toward the x and y domains, and make the chart non-empty', () => {
    const lines = compareLines([char, bpe], 'bits');
    const d = prepareLossSeries([], [], { ...opts, compare: lines });
    expect(d.empty).toBe(false);
    expect(d.compare).toHaveLength(2);
    expect(d.xDomain[1]).toBe(300);
    expect(d.yDomain[0]).toBeLessThanOrEqual((4.4 / Math.LN2) * 0.25);
    expect(d.yDomain[1]).toBeGreaterThanOrEqual(2.8 / Math.LN2);
  });

  it('widen the domains beyond the current model', () => {
    const own = [{ step: 50, train: 1.0, val: 1.1 }];
    const alone = prepareLossSeries([], own, opts);
    const withOverlay = prepareLossSeries([], own, { ...opts, compare: compareLines([char], 'bits') });
    expect(withOverlay.xDomain[1]).toBeGreaterThan(alone.xDomain[1]);
    expect(withOverlay.yDomain[1]).toBeGreaterThan(alone.yDomain[1]);
  });

  it('count toward a log domain too, which stays positive', () => {
    const d = prepareLossSeries([], [], { ...opts, log: true, compare: compareLines([char, bpe], 'bits') });
    expect(d.yDomain[0]).toBeGreaterThan(0);
    expect(d.yDomain[0]).toBeLessThan((4.4 / Math.LN2) * 0.25);
    expect(d.yDomain[1]).toBeGreaterThan(2.8 / Math.LN2);
  });

  it('only empty curves leave the chart empty', () => {
    const d = prepareLossSeries([], [], { ...opts, compare: compareLines([untrained], 'bits') });
    expect(d.empty).toBe(true);
  });
});

describe('compare hover and keyboard steps', () => {
  const lines = compareLines([char, bpe], 'bits');
  it('lists every overlay step once, sorted', () => {
    expect(compareSteps(lines)).toEqual([100, 200, 300]);
  });
  it('reads each overlay at its nearest evaluation when near enough', () => {
    const hits = compareAt(lines, 110);
    expect(hits.map((h) => [h.id, h.step])).toEqual([
      ['char-2l', 100],
      ['bpe-4l', 100],
    ]);
    // 260 is past half of char's gap (50) from its last eval at 200, but near bpe's 300.
    expect(compareAt(lines, 260).map((h) => h.id)).toEqual(['bpe-4l']);
  });
});

describe('summarizeCompare', () => {
  it('names each model and its last validation in bits per char', () => {
    const s = summarizeCompare([char, bpe, untrained]);
    expect(s).toContain('Comparing in bits per character');
    expect(s).toContain(
      `2 layers, characters, validation ${(2.2 / Math.LN2).toFixed(3)} bits/char at step 200`,
    );
    expect(s).toContain(
      `4 layers, BPE, validation ${((4.4 / Math.LN2) * 0.25).toFixed(3)} bits/char at step 300`,
    );
    expect(s).not.toContain('fresh');
  });
  it('says nothing when there is nothing to compare', () => {
    expect(summarizeCompare([])).toBe('');
  });
});
