// The bench page: its own Vite build (root bench/app) of the engine from src/ and the peer from
// bench/peer, with the app's worker settings (module workers, the wasm-threads plugin).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { tfjsWasmThreads } from '../scripts/vite-plugin-tfjs-wasm-threads.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** Where `npm run bench` builds to: under node_modules/.cache, so neither git nor Biome sees it. */
export const BENCH_OUT = resolve(here, '../node_modules/.cache/tinygpt-bench/page');

export default defineConfig({
  root: resolve(here, 'app'),
  base: './',
  logLevel: 'warn',
  resolve: { alias: { '@peer': resolve(here, 'peer/node_modules/@genai-fi/nanogpt/dist') } },
  worker: { format: 'es', plugins: () => [tfjsWasmThreads()] },
  build: {
    outDir: BENCH_OUT,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 10000,
    // Readable stack traces in the bench's error reports.
    minify: false,
    sourcemap: false,
  },
});
