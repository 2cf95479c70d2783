import type { Plugin } from 'vite';

/** Keeps tfjs-backend-wasm's threaded build intact through minification; register in `worker.plugins`. */
export declare function tfjsWasmThreads(): Plugin;
