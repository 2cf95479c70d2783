// Node-side backend setup for tests and scripts (Vitest, node): cpu, or wasm loaded from node_modules.
// The browser goes through backend.ts instead, which uses the .wasm files Vite emitted.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

/** Absolute directory (with trailing slash) holding the tfjs-backend-wasm .wasm binaries. */
export function wasmDistDir(): string {
  // This file lives at src/worker/; node_modules sits at the repo root (npm hoists the package).
  const url = new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url);
  return decodeURIComponent(url.pathname);
}

let wasmPathsSet = false;

/** Make `name` the active backend in node; throws if it does not start. */
export async function initNodeBackend(name: 'cpu' | 'wasm'): Promise<void> {
  if (name === 'wasm' && !wasmPathsSet) {
    setWasmPaths(wasmDistDir());
    wasmPathsSet = true;
  }
  if (!(await tf.setBackend(name))) throw new Error(`tfjs ${name} backend did not initialise in node`);
  await tf.ready();
}
