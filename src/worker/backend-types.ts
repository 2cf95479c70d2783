/** Backend names and the report of which one runs and why: plain types the UI may import. */
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
}
