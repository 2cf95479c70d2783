import { describe, expect, it } from 'vitest';
import { barsLayout, MIN_BAND, NEGATIVE, POSITIVE } from './drawSaliency';

describe('barsLayout', () => {
  it('gives long contexts readable bands and a scrollable width', () => {
    const L = barsLayout(64, 560);
    expect(L.band).toBe(MIN_BAND);
    expect(L.width).toBeGreaterThan(560);
    expect(L.plotW).toBe(64 * MIN_BAND);
  });
  it('fills the available width for short contexts', () => {
    const L = barsLayout(12, 700);
    expect(L.width).toBe(700);
    expect(L.plotH).toBeGreaterThan(100);
    expect(L.labelChars).toBeGreaterThanOrEqual(2);
  });
  it('uses two distinct colours for the two signs', () => {
    expect(POSITIVE).not.toBe(NEGATIVE);
  });
});
