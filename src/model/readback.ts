/**
 * Reading a tensor back into an array the caller owns. On wasm the bytes are copied straight out
 * of tfjs-wasm's heap: `data()` would copy them into a fresh array, and on this kind of VM the first
 * touch of a fresh 4 KB page costs ~11 µs (a token's 256 KB of attention: ~0.7 ms, bench/NOTES.md
 * tries 24 and 27), where copying into pages already touched is a memcpy.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

export async function readInto<A extends Float32Array | Int32Array>(t: tf.Tensor, into: A): Promise<A> {
  const kind = into instanceof Float32Array ? 'float32' : 'int32';
  if (t.dtype !== kind || t.size !== into.length)
    throw new RangeError(`cannot read a ${t.dtype} tensor of ${t.size} into ${kind} × ${into.length}`);
  const be = tf.getBackend() === 'wasm' ? (tf.backend() as BackendWasm) : null;
  if (be?.dataIdMap.has(t.dataId))
    into.set(be.typedArrayFromHeap(t) as A); // a view of the heap
  else into.set((await t.data()) as A);
  return into;
}
