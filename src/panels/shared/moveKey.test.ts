import { describe, expect, it } from 'vitest';
import { moveKey } from './moveKey';

describe('moveKey', () => {
  it('moves and clamps the selected position', () => {
    expect(moveKey('ArrowLeft', 2, 4)).toBe(1);
    expect(moveKey('ArrowLeft', 0, 4)).toBe(0);
    expect(moveKey('ArrowRight', 3, 4)).toBe(3);
    expect(moveKey('ArrowRight', null, 4)).toBe(3);
    expect(moveKey('Home', 2, 4)).toBe(0);
    expect(moveKey('End', 0, 4)).toBe(3);
    expect(moveKey('x', 0, 4)).toBeNull();
  });
});
