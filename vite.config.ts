import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicy } from './scripts/vite-plugin-csp.mjs';
import { tfjsWasmThreads } from './scripts/vite-plugin-tfjs-wasm-threads.mjs';

// Cross-origin isolation lets the wasm backend use threads where the machine has cores to spare.
// These servers send the headers; on a static host that sends none, the service worker adds them.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  // Relative URLs: dist/ works from any static host and any sub-path (https://example.org/course/lab/).
  base: './',
  plugins: [
    react(),
    contentSecurityPolicy(),
    // One service worker (src/sw/sw.ts) for offline and for isolation; Workbox precaches the build.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      registerType: 'prompt', // a new version waits for "Reload to update" (app/offline.ts)
      injectRegister: false,
      manifest: {
        name: 'TinyGPT Lab',
        short_name: 'TinyGPT Lab',
        description: 'Train a tiny GPT in your browser tab and watch it think. Nothing leaves your browser.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f7f8fb',
        theme_color: '#2f5bd3',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,wasm,svg,png,json,safetensors,webmanifest}'],
        // The engine worker (tfjs and its backends) is ~2.5 MB, the pretrained checkpoint ~3.3 MB.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      },
      devOptions: { enabled: false },
    }),
  ],
  // Worker bundles see only worker.plugins; this keeps tfjs's threaded wasm factory intact when minified.
  worker: { format: 'es', plugins: () => [tfjsWasmThreads()] },
  server: { headers: isolation },
  preview: { headers: isolation },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
});
