/** Where the logit lens grid goes: sizes in pixels, pure so it can be tested without a DOM. */
import type { LensGrid } from './lensCells';

export interface LensLayout {
  /** Width of the row-label column (kept visible while the grid scrolls). */
  labelW: number;
  /** Where column 0 starts: a small gap after the labels, so the selection frame shows. */
  gridX: number;
  headerH: number;
  cellW: number;
  cellH: number;
  /** Top of the legend, below the grid. */
  legendY: number;
  legendH: number;
  /** The legend's keys take two lines (a narrow panel: three across, first screen). */
  legendWraps: boolean;
  /** The whole svg. */
  width: number;
  height: number;
  /** Characters of a 13px monospace label that fit in a cell. */
  cellChars: number;
  /** Characters of a 14px monospace column label that fit in a column. */
  headChars: number;
  /** True when the grid is wider than the space it has (the box scrolls sideways). */
  scrolls: boolean;
}

export const MIN_CELL_W = 30;
export const MAX_CELL_W = 72;
const CELL_H = 34;
const HEADER_H = 46;
const LEGEND_H = 78;
/** Below this width the three keys (about 460 px in one line) wrap onto a second line. */
const KEYS_ONE_LINE = 480;
const KEY_LINE_H = 26;
const LABEL_W = 172;
const GAP = 5;
const CHAR_13 = 7.9;
const CHAR_14 = 8.5;

/** Cells share the available width, never narrower than MIN_CELL_W (then the box scrolls). */
export function lensLayout(grid: Pick<LensGrid, 'T' | 'rows'>, available: number): LensLayout {
  const T = Math.max(1, grid.T);
  const gridX = LABEL_W + GAP;
  const fitW = Math.floor((available - gridX - 6) / T);
  const cellW = Math.max(MIN_CELL_W, Math.min(MAX_CELL_W, fitW));
  const gridH = grid.rows.length * CELL_H;
  const legendY = HEADER_H + gridH + 14;
  const gridRight = gridX + T * cellW + 6;
  const legendWraps = available < KEYS_ONE_LINE;
  const legendH = LEGEND_H + (legendWraps ? KEY_LINE_H : 0);
  return {
    labelW: LABEL_W,
    gridX,
    headerH: HEADER_H,
    cellW,
    cellH: CELL_H,
    legendY,
    legendH,
    legendWraps,
    width: Math.max(available, gridRight),
    height: legendY + legendH,
    cellChars: Math.max(1, Math.floor((cellW - 6) / CHAR_13)),
    headChars: Math.max(1, Math.floor((cellW - 4) / CHAR_14)),
    scrolls: gridRight > available,
  };
}

/** The scrollLeft that brings column `pos` fully into view (unchanged when it already is). */
export function scrollToColumn(L: LensLayout, pos: number, scrollLeft: number, viewW: number): number {
  const left = L.gridX + pos * L.cellW;
  const right = left + L.cellW;
  const visibleLeft = scrollLeft + L.labelW; // the sticky labels cover the first labelW pixels
  if (left < visibleLeft) return Math.max(0, left - L.labelW - L.cellW);
  if (right > scrollLeft + viewW) return right - viewW + L.cellW;
  return scrollLeft;
}

export interface TipPlace {
  left: number;
  top: number;
  /** Which side of the cell the tooltip sits on (left: its right edge is at `left`). */
  side: 'left' | 'right';
}

const TIP_W = 230;
const TIP_H = 180;

/**
 * Where a cell's tooltip goes, in the scroll box's visible coordinates: beside the cell (right
 * if it fits, else left) so it never covers the row, kept within the chart's height.
 */
export function tipPlace(
  L: LensLayout,
  layer: number,
  pos: number,
  scrollLeft: number,
  viewW: number,
): TipPlace {
  const cellLeft = L.gridX + pos * L.cellW - scrollLeft;
  const cellRight = cellLeft + L.cellW;
  const top = Math.max(0, Math.min(L.height - TIP_H, L.headerH + layer * L.cellH - 24));
  if (cellRight + 8 + TIP_W <= viewW || cellLeft - 8 - TIP_W < 0)
    return { left: cellRight + 8, top, side: 'right' };
  return { left: cellLeft - 8, top, side: 'left' };
}
