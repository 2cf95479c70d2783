/** quietWrites: d3 writes only attributes and text that changed; everything else is d3's own. */
import { select } from 'd3';
import { describe, expect, it } from 'vitest';
import { fakeElement } from './fakeElement';
import { quietWrites } from './quietWrites';

describe('quietWrites', () => {
  quietWrites();

  it('writes an attribute once, then skips the same value (constant or function)', () => {
    const el = fakeElement();
    const s = select(el as unknown as Element);
    s.attr('x', 3);
    s.attr('x', 3);
    s.attr('x', () => '3');
    expect(el.writes).toBe(1);
    expect(el.getAttribute('x')).toBe('3');
    s.attr('x', 4);
    expect(el.writes).toBe(2);
    expect(el.getAttribute('x')).toBe('4');
  });

  it('removes an attribute for null, only when it is there', () => {
    const el = fakeElement();
    const s = select(el as unknown as Element);
    s.attr('fill', null);
    expect(el.writes).toBe(0);
    s.attr('fill', 'red').attr('fill', null);
    expect(el.writes).toBe(2);
    expect(el.hasAttribute('fill')).toBe(false);
  });

  it('sets a style only when its value differs, and removes it for null', () => {
    const el = fakeElement();
    const s = select(el as unknown as Element);
    s.style('font-size', '13px').style('font-size', () => '13px');
    expect(el.writes).toBe(1);
    s.style('font-size', null).style('font-size', null);
    expect(el.writes).toBe(2);
    expect(el.style.getPropertyValue('font-size')).toBe('');
  });

  it('sets text only when it differs, and still reads like d3', () => {
    const el = fakeElement();
    const s = select(el as unknown as Element);
    s.text('a')
      .text('a')
      .text(() => 'a');
    expect(el.writes).toBe(1);
    expect(s.text()).toBe('a');
    s.text(null);
    expect(s.text()).toBe('');
    expect(el.writes).toBe(2);
    expect(s.attr('missing')).toBeNull();
  });

  it('rewrites a lone text node in place instead of replacing it', () => {
    const el = fakeElement();
    const s = select(el as unknown as Element);
    s.text('16%');
    const node = el.firstChild;
    s.text('12%').text(() => '9.8%');
    expect(s.text()).toBe('9.8%');
    expect(el.writes).toBe(3);
    expect(el.replaced).toBe(1); // only the first write made a node
    expect(el.firstChild).toBe(node);
  });
});
