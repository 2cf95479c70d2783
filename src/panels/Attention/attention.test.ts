import { describe, expect, it } from 'vitest';
import { attentionArcs, labelledArcs, stripLayout, tokenX } from './arcs';
import {
  type AttentionSource,
  ablatedHeads,
  ablationNotice,
  attentionCells,
  attentionCsv,
  cellText,
  cycleHead,
  headMatrix,
  isAblated,
  maxWeight,
  rowSums,
  shownSnapshot,
  showToken,
  sourceFromSnapshot,
  strongestKey,
} from './attentionData';
import { cellAt, heatmapLayout, labelled, maskPath } from './heatmapLayout';
import { colorLut, MASKED_RGB, thumbPixels } from './thumbPixels';

/** A valid causal softmax attention (L, nh, T, T): each row's weights over keys ≤ query sum to 1. */
function source(L: number, nh: number, T: number, seed = 1): AttentionSource {
  let s = seed;
  const rand = () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
  const att = new Float32Array(L * nh * T * T);
  for (let b = 0; b < L * nh; b++) {
    for (let q = 0; q < T; q++) {
      const row = Array.from({ length: q + 1 }, () => Math.exp(3 * rand()));
      const z = row.reduce((a, c) => a + c, 0);
      row.forEach((v, k) => {
        att[(b * T + q) * T + k] = v / z;
      });
    }
  }
  const tokens = Array.from({ length: T }, (_, i) => 'ab c\n'[i % 5]);
  return { attention: att, tokens, nLayer: L, nHead: nh, T };
}

describe('attentionCells', () => {
  const src = source(2, 3, 6);
  it('flags every cell above the diagonal as masked, with weight 0', () => {
    const cells = attentionCells(src, 1, 2);
    expect(cells).toHaveLength(36);
    for (const c of cells) {
      expect(c.masked).toBe(c.k > c.q);
      if (c.masked) expect(c.w).toBe(0);
      expect(c.id).toBe(`${c.q}:${c.k}`);
    }
    expect(new Set(cells.map((c) => c.id)).size).toBe(36);
  });
  it('reads the right head: cells match the (L, nh, T, T) layout', () => {
    const cells = attentionCells(src, 1, 2);
    const m = headMatrix(src, 1, 2);
    expect(m.length).toBe(36);
    expect(cells[4 * 6 + 3].w).toBe(src.attention[((1 * 3 + 2) * 6 + 4) * 6 + 3]);
    expect(cells[4 * 6 + 3].w).toBe(m[27]);
  });
  it('keeps rows that sum to 1 given a valid input', () => {
    for (let l = 0; l < 2; l++)
      for (let h = 0; h < 3; h++)
        for (const s of rowSums(headMatrix(src, l, h), 6)) expect(s).toBeCloseTo(1, 5);
    const cells = attentionCells(src, 0, 1);
    for (let q = 0; q < 6; q++) {
      const sum = cells.filter((c) => c.q === q).reduce((a, c) => a + c.w, 0);
      expect(sum).toBeCloseTo(1, 5);
    }
  });
});

describe('maxWeight and strongestKey', () => {
  it('ignores masked and non-finite entries and has a floor', () => {
    const m = new Float32Array([1, 9, 0.3, Number.NaN]); // T=2, 9 is masked (q0,k1)
    expect(maxWeight(m, 2)).toBeCloseTo(0.3, 6);
    expect(maxWeight(new Float32Array(4), 2)).toBeGreaterThan(0);
    expect(strongestKey(new Float32Array([1, 0, 0.3, 0.7]), 2, 1)).toBe(1);
  });
  it('skips the first query row (always 1) unless it is the only one', () => {
    const src = source(1, 1, 5);
    const m = headMatrix(src, 0, 0);
    expect(maxWeight(m, 5)).toBeLessThan(1);
    expect(maxWeight(m.subarray(0, 1), 1)).toBeCloseTo(1, 6);
  });
});

describe('labels and read-outs', () => {
  it('makes whitespace visible and shortens long tokens', () => {
    expect(showToken(' the')).toBe('␣the');
    expect(showToken('\n')).toBe('↵');
    expect(showToken('\u00a0')).toBe('<U+00A0>');
    expect(showToken('')).toBe('∅');
    expect(showToken('abcdefghij', 5)).toBe('abcd…');
  });
  it('reads a cell as "query → key: weight" and says when it is masked', () => {
    expect(cellText(['a', ' ', 'b'], 2, 1, 0.4321)).toBe("query 'b' → key '␣': 0.43");
    expect(cellText(['a', 'b'], 0, 1, 0)).toMatch(/masked/);
  });
});

describe('ablation and head cycling', () => {
  it('lists ablated heads and words the notice', () => {
    expect(ablatedHeads(null, 4)).toEqual([]);
    expect(ablatedHeads([1, 0, 1, 1, 0, 1], 3)).toEqual([
      { layer: 0, head: 1 },
      { layer: 1, head: 1 },
    ]);
    expect(isAblated([1, 0], 2, 0, 1)).toBe(true);
    expect(isAblated(null, 2, 0, 1)).toBe(false);
    expect(ablationNotice(2)).toBe('2 heads ablated — the next-token panel shows the effect');
    expect(ablationNotice(1)).toMatch(/^1 head ablated/);
    expect(ablationNotice(0)).toBe('');
  });
  it('cycles heads in reading order and wraps', () => {
    expect(cycleHead({ layer: 0, head: 3 }, 1, 2, 4)).toEqual({ layer: 1, head: 0 });
    expect(cycleHead({ layer: 0, head: 0 }, -1, 2, 4)).toEqual({ layer: 1, head: 3 });
    expect(cycleHead({ layer: 1, head: 3 }, 1, 2, 4)).toEqual({ layer: 0, head: 0 });
  });
});

describe('snapshots and CSV', () => {
  it('accepts a snapshot only when its shape matches the model', () => {
    const src = source(2, 2, 3);
    const snap = { step: 10, tokens: src.tokens, attention: src.attention };
    expect(sourceFromSnapshot(snap, 2, 2)?.T).toBe(3);
    expect(sourceFromSnapshot(snap, 4, 4)).toBeNull();
  });
  it('shows the chosen snapshot, live, or the newest when nothing is live', () => {
    expect(shownSnapshot(0, 3, false)).toBeNull();
    expect(shownSnapshot(5, 9, true)).toBe(4);
    expect(shownSnapshot(5, null, true)).toBeNull();
    expect(shownSnapshot(5, null, false)).toBe(4);
  });
  it('writes only visible cells: T(T+1)/2 rows per head', () => {
    const src = source(2, 2, 4);
    const one = attentionCsv(src, { layer: 1, head: 0 });
    expect(one).toHaveLength(10);
    expect(one[0].slice(0, 6)).toEqual([1, 0, 0, src.tokens[0], 0, src.tokens[0]]);
    expect(one.every((r) => (r[4] as number) <= (r[2] as number))).toBe(true);
    expect(attentionCsv(src, 'all')).toHaveLength(40);
  });
});

describe('heatmap layout', () => {
  it('fits T cells into the width and labels every n-th token when cells are small', () => {
    const tokens = Array.from({ length: 64 }, () => 'x');
    const L = heatmapLayout(64, 600, tokens);
    expect(L.margin.left + L.plot + L.margin.right).toBeLessThanOrEqual(600);
    expect(L.stride).toBeGreaterThan(1);
    expect(labelled(L, 0, null)).toBe(true);
    expect(labelled(L, 63, null)).toBe(true);
    expect(labelled(L, 17, 17)).toBe(true);
    expect(L.rotateCols).toBe(false);
    expect(heatmapLayout(3, 600, ['a', 'bb', 'c']).rotateCols).toBe(true);
  });
  it('finds the cell under a point', () => {
    const L = heatmapLayout(4, 400, ['a', 'b', 'c', 'd']);
    const { left, top } = L.margin;
    expect(cellAt(L, left + L.cell * 2.5, top + L.cell * 3.5)).toEqual({ q: 3, k: 2 });
    expect(cellAt(L, left - 1, top)).toBeNull();
    expect(cellAt(L, left + L.plot + 1, top)).toBeNull();
  });
  it('covers the masked triangle with one staircase', () => {
    expect(maskPath(1, 10)).toBe('');
    expect(maskPath(3, 10)).toBe('M10,0H30V20H20V10H10V0Z');
  });
});

describe('arcs', () => {
  const src = source(1, 2, 12, 7);
  const L = stripLayout(12, 500);
  const x = (i: number) => tokenX(L, i);
  it('only go backwards, from the query to keys at or before it', () => {
    const m = headMatrix(src, 0, 1);
    for (let q = 0; q < 12; q++) {
      const arcs = attentionArcs(m.subarray(q * 12, q * 12 + 12), q, x, { baseline: 100, maxHeight: 90 });
      expect(arcs.length).toBeGreaterThan(0);
      for (const a of arcs) {
        expect(a.key).toBeLessThanOrEqual(q);
        expect(a.query).toBe(q);
        const [sx, , , , , , ex] = a.d.slice(1).split(/[C, ]/).map(Number);
        if (a.key < q) expect(ex).toBeLessThan(sx);
      }
    }
  });
  it('ignores weights after the query, drops faint ones but keeps the heaviest, heaviest drawn last', () => {
    const row = [0.005, 0.9, 0.095, 0.8];
    const arcs = attentionArcs(row, 2, x, { baseline: 100, maxHeight: 90, minWeight: 0.05 });
    expect(arcs.map((a) => a.key)).toEqual([2, 1]);
    expect(arcs[1].width).toBeGreaterThan(arcs[0].width);
    expect(arcs[1].opacity).toBe(1);
    expect(attentionArcs([0.001], 0, x, { baseline: 100, maxHeight: 90 })).toHaveLength(1);
  });
  it('lays tokens out at least minCell apart, wider than the container if needed', () => {
    expect(stripLayout(64, 600, 18).width).toBeGreaterThan(600);
    expect(stripLayout(4, 600).width).toBeLessThanOrEqual(600);
  });
});

describe('thumbnail pixels', () => {
  it('paints masked cells grey and scales weights to the head maximum', () => {
    const lut = colorLut();
    const m = new Float32Array([1, 0, 0.5, 0.5]);
    const px = thumbPixels(m, 2, 1, lut);
    expect(px.length).toBe(16);
    expect(Array.from(px.slice(4, 7))).toEqual([...MASKED_RGB]);
    expect(Array.from(px.slice(0, 3))).toEqual(Array.from(lut.slice(255 * 3, 255 * 3 + 3)));
    expect(px[3]).toBe(255);
  });
});

describe('arc scaling and labels', () => {
  const L = stripLayout(8, 400);
  const x = (i: number) => tokenX(L, i);
  it('draws a flat row faint when scaled to the head maximum', () => {
    const flat = Array(8).fill(1 / 8);
    const arcs = attentionArcs(flat, 7, x, { baseline: 100, maxHeight: 90, scaleMax: 1 });
    expect(arcs).toHaveLength(8);
    for (const a of arcs) expect(a.opacity).toBeLessThan(0.35);
  });
  it('raises longer arcs higher, the longest to maxHeight', () => {
    const row = [0.4, 0.1, 0.1, 0.4];
    const arcs = attentionArcs(row, 3, x, { baseline: 100, maxHeight: 90 });
    const apex = (k: number) => arcs.find((a) => a.key === k)!.apex.y;
    expect(apex(0)).toBeLessThan(apex(2));
    expect(arcs.find((a) => a.key === 0)!.d).toContain(`${100 - 90}`);
  });
  it('labels the heaviest arcs, never two on top of each other', () => {
    const row = [0.3, 0.3, 0.2, 0.1, 0.1];
    const arcs = attentionArcs(row, 4, x, { baseline: 100, maxHeight: 90 });
    const kept = labelledArcs(arcs, 3, 34);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThanOrEqual(3);
    expect(kept[0].weight).toBeCloseTo(0.3, 6);
    for (const a of kept)
      for (const b of kept)
        if (a !== b) expect(Math.hypot(a.apex.x - b.apex.x, a.apex.y - b.apex.y)).toBeGreaterThanOrEqual(34);
  });
});
