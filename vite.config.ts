import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { tfjsWasmThreads } from './scripts/vite-plugin-tfjs-wasm-threads.mjs';

// Cross-origin isolation lets the wasm backend use threads where the machine has cores to spare.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './',
  plugins: [react()],
  // Worker bundles see only worker.plugins; this keeps tfjs's threaded wasm factory intact when minified.
  worker: { format: 'es', plugins: () => [tfjsWasmThreads()] },
  server: { headers: isolation },
  preview: { headers: isolation },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
});
