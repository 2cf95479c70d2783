import { describe, expect, it } from 'vitest';
import {
  decimate,
  ema,
  lossDomain,
  nearestIndex,
  prepareLossSeries,
  summarize,
  toUnits,
  valuesAt,
} from './lossSeries';

const opts = { smoothing: 0.9, units: 'nats' as const, tokensPerChar: 1, log: false, maxPoints: 1000 };
const series = (n: number, f: (i: number) => number) =>
  Array.from({ length: n }, (_, i) => ({ step: i + 1, loss: f(i) }));

describe('units', () => {
  it('converts nats per token to bits per character', () => {
    expect(toUnits(Math.LN2, 'bits', 1)).toBeCloseTo(1, 12);
    expect(toUnits(Math.LN2, 'bits', 0.25)).toBeCloseTo(0.25, 12);
    expect(toUnits(2.5, 'nats', 0.25)).toBe(2.5);
  });
});

describe('ema', () => {
  it('is debiased: a constant series stays constant from the first point', () => {
    const out = ema([3, 3, 3, 3], 0.9);
    for (const v of out) expect(v).toBeCloseTo(3, 12);
  });
  it('smoothing 0 returns the input', () => {
    expect(Array.from(ema([1, 5, 2], 0))).toEqual([1, 5, 2]);
  });
  it('lags a step change and converges toward it', () => {
    const out = ema([...Array(10).fill(1), ...Array(200).fill(2)], 0.9);
    expect(out[10]).toBeGreaterThan(1);
    expect(out[10]).toBeLessThan(1.5);
    expect(out[209]).toBeCloseTo(2, 6);
  });
  it('skips non-finite values without poisoning the average', () => {
    const out = ema([2, Number.NaN, 2, Number.POSITIVE_INFINITY, 2], 0.5);
    expect(Number.isNaN(out[1])).toBe(true);
    expect(Number.isNaN(out[3])).toBe(true);
    expect(out[4]).toBeCloseTo(2, 12);
  });
});

describe('decimate', () => {
  it('keeps short series whole', () => {
    const pts = decimate([1, 2, 3], [3, 2, 1], 100);
    expect(pts).toEqual([
      { step: 1, value: 3 },
      { step: 2, value: 2 },
      { step: 3, value: 1 },
    ]);
  });
  it('bounds the point count, keeps the ends, spikes and step order', () => {
    const n = 100_000;
    const steps = Float64Array.from({ length: n }, (_, i) => i);
    const values = Float64Array.from({ length: n }, (_, i) => 3 - i / n);
    values[54_321] = 9; // a spike
    const pts = decimate(steps, values, 500);
    expect(pts.length).toBeLessThanOrEqual(500);
    expect(pts[0]).toEqual({ step: 0, value: 3 });
    expect(pts.at(-1)?.step).toBe(n - 1);
    expect(pts.some((p) => p.value === 9)).toBe(true);
    for (let i = 1; i < pts.length; i++) expect(pts[i].step).toBeGreaterThan(pts[i - 1].step);
  });
});

describe('lossDomain', () => {
  it('pads a linear domain and never goes below zero', () => {
    const [lo, hi] = lossDomain([1, 2, 4], false);
    expect(lo).toBeLessThan(1);
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeGreaterThan(4);
  });
  it('keeps a log domain positive and ignores non-positive values', () => {
    const [lo, hi] = lossDomain([0, -1, 0.5, 4, Number.NaN], true);
    expect(lo).toBeGreaterThan(0);
    expect(lo).toBeLessThan(0.5);
    expect(hi).toBeGreaterThan(4);
  });
  it('has a sensible default when there is nothing to show', () => {
    expect(lossDomain([], false)).toEqual([0, 5]);
    expect(lossDomain([], true)[0]).toBeGreaterThan(0);
  });
  it('widens a flat series', () => {
    const [lo, hi] = lossDomain([2, 2], false);
    expect(hi - lo).toBeGreaterThan(0);
  });
});

describe('prepareLossSeries', () => {
  const losses = series(5000, (i) => 4 * Math.exp(-i / 1000) + 1 + 0.1 * Math.sin(i));
  const evals = [
    { step: 1000, train: 2.5, val: 2.7 },
    { step: 2000, train: 1.6, val: 1.9 },
  ];

  it('is empty with no data, with default domains', () => {
    const d = prepareLossSeries([], [], opts);
    expect(d.empty).toBe(true);
    expect(d.raw).toEqual([]);
    expect(d.xDomain[1]).toBeGreaterThan(0);
  });

  it('decimates the drawn lines but keeps full-resolution values for read-outs', () => {
    const d = prepareLossSeries(losses, evals, { ...opts, maxPoints: 400 });
    expect(d.empty).toBe(false);
    expect(d.raw.length).toBeLessThanOrEqual(400);
    expect(d.smooth.length).toBeLessThanOrEqual(400);
    expect(d.rawValues.length).toBe(5000);
    expect(d.xDomain).toEqual([0, 5000]);
    expect(d.val.map((p) => p.value)).toEqual([2.7, 1.9]);
    expect(d.trainEst.map((p) => p.value)).toEqual([2.5, 1.6]);
  });

  it('converts every series to bits per char', () => {
    const n = prepareLossSeries(losses, evals, opts);
    const b = prepareLossSeries(losses, evals, { ...opts, units: 'bits', tokensPerChar: 0.5 });
    const k = 0.5 / Math.LN2;
    expect(b.rawValues[10]).toBeCloseTo(n.rawValues[10] * k, 10);
    expect(b.smoothValues[10]).toBeCloseTo(n.smoothValues[10] * k, 10);
    expect(b.val[1].value).toBeCloseTo(1.9 * k, 10);
    expect(b.yDomain[1]).toBeLessThan(n.yDomain[1]);
  });

  it('fits the y domain to the visible series only', () => {
    const all = prepareLossSeries(losses, evals, opts);
    const smoothOnly = prepareLossSeries(losses, evals, {
      ...opts,
      visible: { raw: false, smooth: true, val: false, trainEst: false },
    });
    expect(smoothOnly.yDomain[1]).toBeLessThanOrEqual(all.yDomain[1]);
  });

  it('drops non-finite losses from the drawn line', () => {
    const d = prepareLossSeries(
      series(10, (i) => (i === 4 ? Number.NaN : 2)),
      [],
      opts,
    );
    expect(d.raw.length).toBe(9);
    expect(d.yDomain.every(Number.isFinite)).toBe(true);
  });
});

describe('hover read-out', () => {
  it('finds the nearest index in a sorted array', () => {
    expect(nearestIndex([], 3)).toBe(-1);
    expect(nearestIndex([10, 20, 30], 14)).toBe(0);
    expect(nearestIndex([10, 20, 30], 26)).toBe(2);
    expect(nearestIndex([10, 20, 30], 99)).toBe(2);
    expect(nearestIndex([10, 20, 30], -5)).toBe(0);
  });

  it('reads the nearest step and a nearby evaluation, in chart units', () => {
    const losses = series(300, () => 2);
    const evals = [
      { step: 100, train: 2.1, val: 2.3 },
      { step: 200, train: 1.9, val: 2.2 },
    ];
    const d = prepareLossSeries(losses, evals, { ...opts, units: 'bits', tokensPerChar: 1 });
    const v = valuesAt(d, 190.4, 1);
    expect(v?.step).toBe(190);
    expect(v?.raw).toBeCloseTo(2 / Math.LN2, 10);
    expect(v?.evalAt?.step).toBe(200);
    expect(v?.evalAt?.val).toBeCloseTo(2.2 / Math.LN2, 10);
    // Far from any evaluation: none is read out.
    expect(valuesAt(d, 20, 1)?.evalAt).toBeUndefined();
  });

  it('returns null with no data', () => {
    expect(valuesAt(prepareLossSeries([], [], opts), 5, 1)).toBeNull();
  });
});

describe('summarize', () => {
  it('says there is nothing yet', () => {
    expect(summarize([], [], 'nats', 1)).toMatch(/no training yet/);
  });
  it('names the latest training and validation loss with units', () => {
    const s = summarize(
      series(3, (i) => 4 - i),
      [{ step: 3, train: 2.2, val: 2.5 }],
      'nats',
      1,
    );
    expect(s).toContain('training loss 2.000 nats at step 3');
    expect(s).toContain('validation loss 2.500 nats at step 3');
    expect(s).toContain('starting from 4.000 nats');
  });
});
