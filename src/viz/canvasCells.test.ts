import { describe, expect, it } from 'vitest';
import { squareCap } from './canvasCells';

describe('squareCap', () => {
  it('keeps a bitmap the same size while n grows within a power of two', () => {
    expect([1, 5, 8].map(squareCap)).toEqual([8, 8, 8]);
    expect([9, 16].map(squareCap)).toEqual([16, 16]);
    expect([33, 43, 63, 64].map(squareCap)).toEqual([64, 64, 64, 64]);
    expect(squareCap(65)).toBe(128);
  });
});
