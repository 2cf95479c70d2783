import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from './scripts/chromium-path.mjs';

// E2E runs against the built app (`npm run test:e2e` builds first) in a system Chromium.
// Without a GPU, WebGL is SwiftShader and training runs on wasm: slow, hence the generous timeouts.
const PORT = Number(process.env.E2E_PORT ?? 4173); // E2E_PORT lets two suites run side by side
const baseURL = `http://127.0.0.1:${PORT}`;
// E2E_DIST serves another build folder (`vite build --outDir …`), so a second suite never sees dist/ rebuilt under it.
const DIST = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1, // 2-core machines: one browser training at a time
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 180_000,
  expect: { timeout: 60_000 },
  use: {
    baseURL,
    headless: true,
    trace: 'retain-on-failure',
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: findChromium(),
          args: [...CHROMIUM_FLAGS],
        },
      },
    },
  ],
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1 --outDir ${DIST}`,
    url: baseURL,
    reuseExistingServer: false, // always test the dist/ just built, never a stray server
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
