/**
 * What the running backend and this browser say about memory (model/memory-fit.ts holds a training
 * step against it): wasm's heap cap, WebGPU's largest buffer, navigator.deviceMemory.
 */
import * as tf from '@tensorflow/tfjs';
import { canFuse, FUSED } from '../model/fused';
import type { MemoryLimits } from '../model/memory-fit';

/**
 * tfjs-backend-wasm 4.22's `getHeapMax()` (its Emscripten build: 4 GiB − 64 KiB, 32-bit wasm);
 * memory-limits.test.ts reads it from the package so an upgrade that changes it fails there.
 */
export const WASM_HEAP_MAX_BYTES = 4294901760;

interface GpuLimits {
  maxBufferSize?: number;
  maxStorageBufferBindingSize?: number;
}

/** The active backend's limits; call after the backend is set (initBackend does). */
export function memoryLimits(): MemoryLimits {
  const backend = tf.getBackend() as MemoryLimits['backend'];
  const nav = globalThis.navigator as { deviceMemory?: number } | undefined;
  let maxBufferBytes: number | null = null;
  if (backend === 'webgpu') {
    // tfjs's WebGPU backend asks its device for the adapter's own maxima of these two.
    const limits = (tf.backend() as { device?: { limits?: GpuLimits } }).device?.limits;
    const sizes = [limits?.maxBufferSize, limits?.maxStorageBufferBindingSize].filter(
      (x): x is number => typeof x === 'number' && x > 0,
    );
    maxBufferBytes = sizes.length ? Math.min(...sizes) : null;
  }
  return {
    backend,
    fusedAttention: canFuse(FUSED.causalAttention),
    wasmHeapMaxBytes: backend === 'wasm' ? WASM_HEAP_MAX_BYTES : null,
    maxBufferBytes,
    deviceMemoryBytes: nav?.deviceMemory ? nav.deviceMemory * 2 ** 30 : null,
  };
}
