/** Bundled by e2e/webgpu.spec.ts into a page of its own: the model's numbers on WebGPU (backend-check.ts). */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgpu';
import { checkBackend, type GoldenCase } from './backend-check';

(
  globalThis as unknown as { checkWebGPU: (cases: GoldenCase[], wasmDir: string) => Promise<unknown> }
).checkWebGPU = async (cases, wasmDir) => {
  setWasmPaths(wasmDir);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  return checkBackend('webgpu', 'wasm', cases);
};
