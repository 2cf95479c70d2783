/**
 * The peak of live tensor memory while a function runs, counted as tfjs's engine holds it: bytes
 * of distinct data buffers. tf.memory().numBytes and tf.profile's peakBytes count every tensor,
 * so a reshape (a view of the same buffer) counts twice there and the peak reads ~30 % high.
 * For tests and the bench (memory.test.ts, bench/presets.ts), not the app.
 */
import * as tf from '@tensorflow/tfjs';

interface EngineState {
  tensorInfo: WeakMap<object, { bytes: number }>;
}

/** Runs `fn` and returns its value with the highest live-buffer bytes seen, above those alive before. */
export async function peakBufferBytes<T>(fn: () => Promise<T>): Promise<{ value: T; peakBytes: number }> {
  // The engine records each data buffer once in this map, when first tracked, and drops it when freed.
  const info = (tf.engine() as unknown as { state: EngineState }).state.tensorInfo;
  const { set, delete: del } = info;
  let live = 0;
  let peak = 0;
  info.set = function (key, value) {
    if (!info.has(key)) {
      live += value.bytes;
      peak = Math.max(peak, live);
    }
    return set.call(this, key, value);
  };
  info.delete = function (key) {
    live -= info.get(key)?.bytes ?? 0;
    return del.call(this, key);
  };
  try {
    return { value: await fn(), peakBytes: peak };
  } finally {
    info.set = set;
    info.delete = del;
  }
}

/** The wasm backend's heap size (it only grows), or null on another backend. */
export function currentWasmHeapBytes(): number | null {
  return (tf.backend() as { wasm?: { HEAPU8?: Uint8Array } }).wasm?.HEAPU8?.length ?? null;
}
