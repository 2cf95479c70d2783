/** settle: live data is written at once (no transition); a hand-made change animates. */
import 'd3-transition';
import { select } from 'd3';
import { describe, expect, it } from 'vitest';
import { fakeElement } from './fakeElement';
import { type SharedTransition, settle } from './settle';

describe('settle', () => {
  it('writes at once when there is no transition (live data)', () => {
    const el = fakeElement();
    const sel = select(el as unknown as SVGRectElement);
    expect(settle(sel, null)).toBe(sel);
    settle(sel, null).attr('width', 42);
    expect(el.getAttribute('width')).toBe('42');
  });

  it('hands back a transition of the selection when given one, leaving the attribute for later', () => {
    const el = fakeElement();
    const sel = select(el as unknown as SVGRectElement);
    const t = sel.transition('t').duration(300) as unknown as SharedTransition;
    const moved = settle(sel, t).attr('width', 42);
    expect(moved).not.toBe(sel);
    expect('duration' in moved).toBe(true);
    expect(el.hasAttribute('width')).toBe(false);
  });
});
