// Where is a Chromium we can drive? Shared by scripts/ensure-chromium.mjs and playwright.config.ts,
// so the pre-flight check and the test run always agree on the browser.
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Distribution browsers, in order of preference (Debian's `chromium` package first). */
export const SYSTEM_CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/** Environment variables that name a browser explicitly; the first one set wins. */
export const CHROMIUM_ENV_VARS = ['CHROMIUM_PATH', 'PLAYWRIGHT_CHROMIUM_PATH'];

/** True when `path` is an executable regular file. */
export function isExecutable(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The path Playwright would use for its own downloaded Chromium, whether or not it exists. */
export function playwrightChromiumPath() {
  const require = createRequire(import.meta.url);
  for (const pkg of ['playwright-core', '@playwright/test']) {
    try {
      const path = require(pkg).chromium?.executablePath?.();
      if (typeof path === 'string' && path) return path;
    } catch {
      // package missing (no `npm ci` yet) or no browser registry: try the next one
    }
  }
  return undefined;
}

/**
 * Every place we look, in order, with where each came from.
 * @returns {{ path: string, source: string }[]}
 */
export function chromiumCandidates(env = process.env) {
  const candidates = [];
  for (const name of CHROMIUM_ENV_VARS) {
    if (env[name]) candidates.push({ path: env[name], source: `$${name}` });
  }
  for (const path of SYSTEM_CHROMIUM_PATHS) candidates.push({ path, source: 'system' });
  const own = playwrightChromiumPath();
  if (own) candidates.push({ path: own, source: 'playwright' });
  return candidates;
}

/**
 * The first Chromium that exists and is executable, as `{ path, source }`, or undefined.
 * @returns {{ path: string, source: string } | undefined}
 */
export function locateChromium(env = process.env) {
  return chromiumCandidates(env).find((c) => isExecutable(c.path));
}

/** Path of the Chromium to drive, or undefined when there is none (Playwright then uses its default). */
export function findChromium(env = process.env) {
  return locateChromium(env)?.path;
}

/**
 * Launch flags for headless Chromium here (TFJS-NOTES pitfall 8), shared by the e2e tests and the
 * bench: no network chatter, and WebGL and WebGPU through SwiftShader where there is no GPU.
 */
export const CHROMIUM_FLAGS = Object.freeze([
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--enable-unsafe-webgpu', // WebGPU on SwiftShader's fallback adapter (TFJS-NOTES): correct, not fast
]);
