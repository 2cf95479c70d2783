/**
 * ArrayBuffers the page has handed back after drawing them, for the next inspection to be written
 * into: a recycled buffer's pages are already touched, a fresh one's cost a page fault each on
 * first write (model/readback.ts). Buffers are made with room for the longest context, so one keeps
 * serving as the context grows token by token.
 */
const KEEP = 6; // the page holds a few at a time (analysis panels, its grace period): enough to rotate

export class BufferPool {
  private free: ArrayBuffer[] = [];

  /** A buffer of at least `bytes`: the smallest recycled one that fits, else a new one of `capacity`. */
  take(bytes: number, capacity = bytes): ArrayBuffer {
    let best = -1;
    for (const [i, b] of this.free.entries()) {
      if (b.byteLength >= bytes && (best < 0 || b.byteLength < this.free[best].byteLength)) best = i;
    }
    if (best >= 0) return this.free.splice(best, 1)[0];
    return new ArrayBuffer(Math.max(bytes, capacity));
  }

  /** Buffers back for reuse (detached ones, and any beyond what is worth keeping, are dropped). */
  give(buffers: ArrayBuffer[]): void {
    for (const b of buffers) if (b.byteLength > 0 && this.free.length < KEEP) this.free.push(b);
  }

  get size(): number {
    return this.free.length;
  }
}
