/** Backend names and the report of which one runs and why: plain types the UI may import. */
import type { MemoryLimits } from '../model/memory-fit';

export type BackendRequest = 'auto' | 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export interface BackendInfo {
  name: BackendName;
  /** Human-readable engine: the GPU adapter or GL renderer, "wasm SIMD, 1 thread" or "JavaScript". */
  renderer: string;
  /** Why this backend, in plain words (including any fallback). */
  reason: string;
  /** wasm only: XNNPACK thread-pool size. */
  threads?: number;
  /**
   * What this browser offers, as one string (WebGPU adapter, WebGL renderer, cores, isolation):
   * the key a measured backend choice is remembered under (app/backend-choice.ts).
   */
  device?: string;
  /** What this backend and browser allow a training step (worker/memory-limits.ts). */
  memory?: MemoryLimits;
}
