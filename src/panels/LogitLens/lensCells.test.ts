import { describe, expect, it } from 'vitest';
import {
  accuracyByLayer,
  cellAt,
  clipText,
  type LensSource,
  lensCells,
  lensCsv,
  lensMove,
  lensSummary,
  pct,
  rowLabel,
  visibleText,
} from './lensCells';

/** Context "ab a" → ids [0, 1, 2, 0]; 2 layers (3 lens rows), k = 2. */
function fake(): LensSource {
  const T = 4;
  const k = 2;
  const L = 2;
  const lensIds = new Int32Array((L + 1) * T * k);
  const lensProbs = new Float32Array((L + 1) * T * k);
  // For each (layer, pos): top = (pos + layer) % 3, second = next one; probability grows with depth.
  for (let layer = 0; layer <= L; layer++) {
    for (let pos = 0; pos < T; pos++) {
      const b = (layer * T + pos) * k;
      lensIds[b] = (pos + layer) % 3;
      lensIds[b + 1] = (pos + layer + 1) % 3;
      lensProbs[b] = 0.4 + 0.2 * layer;
      lensProbs[b + 1] = 0.1;
    }
  }
  return {
    ids: [0, 1, 2, 0],
    tokens: ['a', 'b', ' ', 'a'],
    vocab: ['a', 'b', '␣'],
    n_layer: L,
    lensIds,
    lensProbs,
    lensK: k,
  };
}

describe('lensCells', () => {
  const grid = lensCells(fake());

  it('has one row per layer (embed … output) and one column per position', () => {
    expect(grid.rows.map((r) => r.label)).toEqual(['embed', 'after block 1', 'after block 2 = output']);
    expect(grid.rows.map((r) => r.output)).toEqual([false, false, true]);
    expect(grid.cols.map((c) => c.label)).toEqual(['a', 'b', '␣', 'a']);
    expect(grid.cols[2].raw).toBe(' ');
    expect(grid.cells).toHaveLength(12);
    expect(grid.T).toBe(4);
    expect(grid.k).toBe(2);
  });

  it('reads top tokens and probabilities row-major from the lens arrays', () => {
    const c = cellAt(grid, 1, 2)!;
    expect(c.layer).toBe(1);
    expect(c.pos).toBe(2);
    expect(c.id).toBe(0); // (2 + 1) % 3
    expect(c.text).toBe('a');
    expect(c.prob).toBeCloseTo(0.6, 6);
    expect(c.top.map((t) => t.text)).toEqual(['a', 'b']);
    expect(c.top[1].prob).toBeCloseTo(0.1, 6);
  });

  it('flags cells whose top guess is the actual next token', () => {
    // Layer 1 at pos p guesses (p + 1) % 3: ids[p + 1] is 1, 2, 0 for p = 0, 1, 2 → all correct.
    expect([0, 1, 2].map((p) => cellAt(grid, 1, p)!.correct)).toEqual([true, true, true]);
    // Embeddings guess the token itself: never the next one here.
    expect([0, 1, 2].map((p) => cellAt(grid, 0, p)!.correct)).toEqual([false, false, false]);
    // The last position has no next token in the context.
    expect(cellAt(grid, 1, 3)!.next).toBeNull();
    expect(cellAt(grid, 1, 3)!.correct).toBe(false);
    expect(accuracyByLayer(grid)).toEqual([0, 3, 0]);
  });

  it('marks only the final row’s last column as the model’s prediction', () => {
    const preds = grid.cells.filter((c) => c.prediction);
    expect(preds).toHaveLength(1);
    expect(preds[0]).toMatchObject({ layer: 2, pos: 3 });
  });

  it('returns undefined outside the grid', () => {
    expect(cellAt(grid, 3, 0)).toBeUndefined();
    expect(cellAt(grid, 0, -1)).toBeUndefined();
  });

  it('exports every candidate as CSV rows', () => {
    const { header, rows } = lensCsv(grid);
    expect(header).toEqual(['layer', 'position', 'token', 'rank', 'candidate', 'probability']);
    expect(rows).toHaveLength(3 * 4 * 2);
    expect(rows[0]).toEqual([0, 0, 'a', 1, 'a', 0.4]);
    expect(rows[5]).toEqual([0, 2, ' ', 2, 'a', 0.1]);
  });

  it('summarises for screen readers', () => {
    const s = lensSummary(grid);
    expect(s).toContain('4 positions and 3 layers');
    expect(s).toContain('after block 1: 3 of 3');
    expect(s).toContain('predicts “␣” next, with probability 80.0%');
  });
});

describe('helpers', () => {
  it('labels rows', () => {
    expect(rowLabel(0, 4)).toBe('embed');
    expect(rowLabel(3, 4)).toBe('after block 3');
    expect(rowLabel(4, 4)).toBe('after block 4 = output');
  });
  it('makes whitespace visible', () => {
    expect(visibleText('a b\n\t')).toBe('a␣b↵⇥');
  });
  it('fits text with an ellipsis', () => {
    expect(clipText('abc', 3)).toBe('abc');
    expect(clipText('abcdef', 3)).toBe('ab…');
    expect(clipText('abc', 1)).toBe('…');
  });
  it('formats percentages', () => {
    expect(pct(0.1234)).toBe('12.3%');
    expect(pct(1)).toBe('100%');
  });
});

describe('lensMove', () => {
  it('moves the position with ←/→ and clamps at the ends', () => {
    expect(lensMove('ArrowLeft', { pos: 2, row: 1 }, 4, 3)).toEqual({ pos: 1, row: 1 });
    expect(lensMove('ArrowLeft', { pos: 0, row: 1 }, 4, 3)).toEqual({ pos: 0, row: 1 });
    expect(lensMove('ArrowRight', { pos: 3, row: 1 }, 4, 3)).toEqual({ pos: 3, row: 1 });
    expect(lensMove('Home', { pos: 3, row: 1 }, 4, 3)).toEqual({ pos: 0, row: 1 });
    expect(lensMove('End', { pos: 0, row: 1 }, 4, 3)).toEqual({ pos: 3, row: 1 });
  });
  it('starts from the last position when nothing is selected', () => {
    expect(lensMove('ArrowLeft', { pos: null, row: 0 }, 4, 3)).toEqual({ pos: 3, row: 0 });
  });
  it('moves the focused row with ↑/↓', () => {
    expect(lensMove('ArrowDown', { pos: 1, row: 1 }, 4, 3)).toEqual({ pos: 1, row: 2 });
    expect(lensMove('ArrowDown', { pos: 1, row: 2 }, 4, 3)).toEqual({ pos: 1, row: 2 });
    expect(lensMove('ArrowUp', { pos: 1, row: 0 }, 4, 3)).toEqual({ pos: 1, row: 0 });
  });
  it('ignores other keys', () => {
    expect(lensMove('a', { pos: 1, row: 1 }, 4, 3)).toBeNull();
  });
});
