/** Axis look shared by every chart: large projector-friendly type, muted ink, light grid. */
import type { BaseType, Selection } from 'd3';

export const AXIS_FONT_SIZE = 13;
export const LABEL_FONT_SIZE = 14;

export const INK = {
  fg: 'var(--fg, #1b1f24)',
  muted: 'var(--muted, #5f6b7a)',
  grid: 'var(--grid, #e6e9ee)',
  bg: 'var(--panel-bg, #ffffff)',
  border: 'var(--border, #d8dde3)',
} as const;

type G<P extends BaseType> = Selection<SVGGElement, unknown, P, unknown>;

/**
 * Style an axis group once, at creation: d3-axis draws in `currentColor`, so the group's
 * `color` sets ticks and labels; CSS beats the font attributes the axis writes on every call.
 */
export function styleAxis<P extends BaseType>(g: G<P>): G<P> {
  return g
    .style('color', INK.muted)
    .style('font-size', `${AXIS_FONT_SIZE}px`)
    .style('font-family', 'inherit')
    .style('font-variant-numeric', 'tabular-nums');
}

/** A grid drawn by an axis with full-length ticks and no labels; call after the axis update. */
export function styleGrid<P extends BaseType>(g: G<P>): G<P> {
  g.style('color', INK.grid).attr('aria-hidden', 'true');
  g.select('.domain').remove();
  g.selectAll('text').remove();
  return g;
}

/** The child `<tag class=cls>` of parent, created on first use (for layers that exist once). */
export function layer<K extends keyof SVGElementTagNameMap, E extends SVGElement, P extends BaseType, PD>(
  parent: Selection<E, unknown, P, PD>,
  tag: K,
  cls: string,
): Selection<SVGElementTagNameMap[K], unknown, P, PD> {
  const found = parent.select<SVGElementTagNameMap[K]>(`:scope > ${tag}.${cls}`);
  return found.empty() ? parent.append<SVGElementTagNameMap[K]>(tag as string).attr('class', cls) : found;
}

/** An axis title: `text` anchored at (x, y), optionally rotated -90° for a y axis. */
export function axisTitle<P extends BaseType>(
  parent: Selection<SVGGElement, unknown, P, unknown>,
  cls: string,
  text: string,
  x: number,
  y: number,
  vertical = false,
): void {
  layer(parent, 'text', cls)
    .attr('text-anchor', 'middle')
    .attr('transform', vertical ? `translate(${x},${y}) rotate(-90)` : `translate(${x},${y})`)
    .style('fill', INK.fg)
    .style('font-size', `${LABEL_FONT_SIZE}px`)
    .text(text);
}
