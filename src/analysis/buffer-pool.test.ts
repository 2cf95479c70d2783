import { describe, expect, it } from 'vitest';
import { BufferPool } from './buffer-pool';

/** A buffer as the page leaves it after transferring it back: detached, 0 bytes. */
function detached(): ArrayBuffer {
  const b = new ArrayBuffer(64);
  structuredClone(b, { transfer: [b] });
  return b;
}

describe('BufferPool', () => {
  it('makes a buffer with the room asked for when it has none that fits', () => {
    const pool = new BufferPool();
    expect(pool.take(100, 400).byteLength).toBe(400);
    expect(pool.take(100).byteLength).toBe(100);
  });

  it('hands back the smallest given buffer that fits, once', () => {
    const pool = new BufferPool();
    const [small, mid, big] = [new ArrayBuffer(16), new ArrayBuffer(64), new ArrayBuffer(256)];
    pool.give([big, small, mid]);
    expect(pool.take(40)).toBe(mid);
    expect(pool.take(40)).toBe(big);
    expect(pool.take(40)).not.toBe(small); // too small: a new one
    expect(pool.size).toBe(1);
  });

  it('drops detached buffers and keeps only a few', () => {
    const pool = new BufferPool();
    pool.give([detached()]);
    expect(pool.size).toBe(0);
    pool.give(Array.from({ length: 20 }, () => new ArrayBuffer(8)));
    expect(pool.size).toBeLessThan(20);
    expect(pool.size).toBeGreaterThan(2);
  });
});
