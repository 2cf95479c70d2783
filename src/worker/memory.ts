/** What the engine holds, for the soak test and the Train panel: live tensors and the wasm heap. */
import * as tf from '@tensorflow/tfjs';
import type { EngineMemory } from './api';

export function engineMemory(): EngineMemory {
  const m = tf.memory();
  // The wasm backend's Emscripten module: its heap only grows, so a flat figure means no leak there.
  const wasm = (tf.backend() as { wasm?: { HEAPU8?: Uint8Array } }).wasm;
  return { tensors: m.numTensors, tensorBytes: m.numBytes, wasmHeapBytes: wasm?.HEAPU8?.length ?? null };
}
