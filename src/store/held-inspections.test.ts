/** Attention buffers go back to the worker only once nothing on the page can draw them. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { InspectResult } from '../worker/api';
import { HeldInspections } from './held-inspections';

let given: ArrayBuffer[] = [];
let held: HeldInspections;
beforeEach(() => {
  given = [];
  held = new HeldInspections((buffers) => given.push(...buffers));
});
const hold = (r: InspectResult) => held.hold(r);
const release = (r: InspectResult) => held.release(r);
const replaced = (r: InspectResult) => held.replaced(r);
const result = () => ({ attention: new Float32Array(4) }) as unknown as InspectResult;
const bufferOf = (r: InspectResult) => r.attention.buffer;

describe('held inspections', () => {
  it('gives a replaced result back once two newer ones have been replaced after it', () => {
    const [a, b, c, d] = [result(), result(), result(), result()];
    replaced(a);
    replaced(b);
    expect(given).toEqual([]);
    replaced(c);
    expect(given).toEqual([bufferOf(a)]);
    replaced(d);
    expect(given).toEqual([bufferOf(a), bufferOf(b)]);
  });

  it('keeps one a panel holds until the panel lets go, however old', () => {
    const frozen = result(); // e.g. a panel hidden while another is presented
    hold(frozen);
    hold(frozen); // two panels
    replaced(frozen);
    const later = [result(), result(), result(), result()];
    for (const r of later) replaced(r);
    expect(given).not.toContain(bufferOf(frozen));
    expect(given).toContain(bufferOf(later[0]));
    release(frozen);
    expect(given).not.toContain(bufferOf(frozen));
    release(frozen);
    expect(given).toContain(bufferOf(frozen));
  });

  it('never gives back the current result or one still within the grace', () => {
    const current = result();
    hold(current);
    release(current); // drawn and let go, but the store still has it: never replaced
    expect(given).toEqual([]);
  });

  it('does not hand over a buffer twice or a detached one', () => {
    const a = result();
    structuredClone(a.attention.buffer, { transfer: [a.attention.buffer as ArrayBuffer] }); // already gone
    for (const r of [a, result(), result(), result()]) replaced(r);
    expect(given.every((b) => b.byteLength > 0)).toBe(true);
    const count = given.length;
    replaced(result());
    expect(new Set(given).size).toBe(given.length);
    expect(given.length).toBe(count + 1);
  });
});
