import { describe, expect, it } from 'vitest';
import { lensLayout, MAX_CELL_W, MIN_CELL_W, scrollToColumn, tipPlace } from './lensLayout';

const rows = (n: number) => Array.from({ length: n }, (_, layer) => ({ layer, label: '', output: false }));

describe('lensLayout', () => {
  it('shares the width among few columns, up to a maximum', () => {
    const L = lensLayout({ T: 4, rows: rows(3) }, 800);
    expect(L.cellW).toBe(MAX_CELL_W);
    expect(L.scrolls).toBe(false);
    expect(L.width).toBe(800);
  });
  it('keeps long contexts readable (≥ 28 px cells) and scrolls', () => {
    const L = lensLayout({ T: 64, rows: rows(5) }, 560);
    expect(L.cellW).toBeGreaterThanOrEqual(28);
    expect(L.cellW).toBe(MIN_CELL_W);
    expect(L.scrolls).toBe(true);
    expect(L.width).toBeGreaterThanOrEqual(L.gridX + 64 * L.cellW);
    expect(L.cellChars).toBeGreaterThanOrEqual(2);
  });
  it('stacks header, rows and legend', () => {
    const L = lensLayout({ T: 8, rows: rows(5) }, 900);
    expect(L.legendY).toBeGreaterThan(L.headerH + 5 * L.cellH);
    expect(L.height).toBe(L.legendY + L.legendH);
  });
  it('wraps the legend keys onto a second line in a narrow panel, and grows to hold them', () => {
    const wide = lensLayout({ T: 8, rows: rows(5) }, 900);
    const narrow = lensLayout({ T: 8, rows: rows(5) }, 400);
    expect(wide.legendWraps).toBe(false);
    expect(narrow.legendWraps).toBe(true);
    expect(narrow.legendH).toBeGreaterThan(wide.legendH);
    expect(narrow.height).toBe(narrow.legendY + narrow.legendH);
  });
  it('survives a zero-width first measurement', () => {
    const L = lensLayout({ T: 8, rows: rows(2) }, 0);
    expect(L.cellW).toBe(MIN_CELL_W);
    expect(Number.isFinite(L.width)).toBe(true);
  });
});

describe('scrollToColumn', () => {
  const L = lensLayout({ T: 64, rows: rows(3) }, 560);
  it('leaves a visible column alone', () => {
    expect(scrollToColumn(L, 3, 0, 560)).toBe(0);
  });
  it('scrolls right to reveal a column past the edge', () => {
    const left = scrollToColumn(L, 60, 0, 560);
    const colRight = L.gridX + 61 * L.cellW;
    expect(left + 560).toBeGreaterThanOrEqual(colRight);
  });
  it('scrolls left so the column is not hidden under the sticky labels', () => {
    const left = scrollToColumn(L, 2, 1000, 560);
    expect(L.gridX + 2 * L.cellW).toBeGreaterThanOrEqual(left + L.labelW);
  });
});

describe('tipPlace', () => {
  const L = lensLayout({ T: 20, rows: rows(3) }, 900);
  it('puts the tooltip right of a cell when there is room', () => {
    const p = tipPlace(L, 1, 0, 0, 900);
    expect(p.side).toBe('right');
    expect(p.left).toBe(L.gridX + L.cellW + 8);
  });
  it('puts it left of a cell near the right edge, accounting for scrolling', () => {
    const p = tipPlace(L, 2, 19, 0, 900);
    expect(p.side).toBe('left');
    expect(p.left).toBe(L.gridX + 19 * L.cellW - 8);
    expect(tipPlace(L, 2, 19, 100, 900).left).toBe(p.left - 100);
  });
  it('stays inside the chart vertically', () => {
    const p = tipPlace(L, 2, 3, 0, 900);
    expect(p.top).toBeGreaterThanOrEqual(0);
    expect(p.top).toBeLessThanOrEqual(L.height);
  });
});
