/**
 * Which inspections the page may still draw, so each one's attention array (L·nh·T² floats,
 * 256 KB for baby) can go back to the worker once nothing here reads it, and a later inspection be
 * written into it: a fresh buffer costs the worker ~0.7 ms of first-touch page faults a token on
 * this kind of VM (bench/NOTES.md try 27).
 *
 * Holders are each panel's committed snapshot (shared/useInspection) and the store itself, which
 * lets go of a result when a newer one replaces it (`replaced`). A replaced result goes back once no
 * panel holds it and GRACE newer ones have been replaced after it, which covers draws already
 * queued and renders in flight. The lens arrays stay on the page: 13 KB, and Saliency keeps a
 * result past later tokens.
 */
import type { InspectResult } from '../worker/api';

/** How many newer results must have replaced one before it goes back. */
export const GRACE = 2;
/** Replaced results still held beyond this many (a panel frozen while another is presented) are left to the GC. */
const MAX_WAITING = 16;

export class HeldInspections {
  private holds = new Map<InspectResult, number>();
  private waiting: InspectResult[] = [];

  /** `giveBack` receives the buffers to return (the app sends them to the engine). */
  constructor(private giveBack: (buffers: ArrayBuffer[]) => void = () => {}) {}

  /** Where buffers go back to (the app wires the engine in at start-up). */
  onGiveBack(fn: (buffers: ArrayBuffer[]) => void): void {
    this.giveBack = fn;
  }

  hold(r: InspectResult | null): void {
    if (r) this.holds.set(r, (this.holds.get(r) ?? 0) + 1);
  }

  release(r: InspectResult | null): void {
    if (!r) return;
    const n = (this.holds.get(r) ?? 0) - 1;
    if (n > 0) this.holds.set(r, n);
    else {
      this.holds.delete(r);
      this.sweep();
    }
  }

  /** The store has let go of `r`: a newer inspection took its place. */
  replaced(r: InspectResult): void {
    this.waiting.push(r);
    this.sweep();
  }

  private sweep(): void {
    const old = this.waiting.slice(0, Math.max(0, this.waiting.length - GRACE));
    const free = old.filter((r) => !this.holds.has(r));
    if (free.length === 0) return;
    this.waiting = this.waiting.filter((r) => !free.includes(r)).slice(-MAX_WAITING);
    const buffers = free.map((r) => r.attention.buffer).filter((b) => b.byteLength > 0);
    if (buffers.length > 0) this.giveBack(buffers as ArrayBuffer[]);
  }
}

/** The page's one registry. */
export const heldInspections = new HeldInspections();
