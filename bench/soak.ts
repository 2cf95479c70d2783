/**
 * `npm run bench:soak [-- --steps 10000]`: train nano in the built app for many steps and sample,
 * every 15 s, the engine's live tensors and wasm heap (from the Train panel) and the JS heap of the
 * page and its worker together (performance.measureUserAgentSpecificMemory, cross-origin isolated).
 * Flat figures mean nothing leaks. Figures, never pass/fail: bench/results/soak-<date>.json.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_FLAGS, findChromium } from '../scripts/chromium-path.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argSteps = process.argv.indexOf('--steps');
const STEPS = argSteps > 0 ? Number(process.argv[argSteps + 1]) : 10_000;
const EVERY_MS = 15_000;

interface Sample {
  seconds: number;
  step: number;
  tensors: number;
  wasmHeapMB: number | null;
  jsHeapMB: number | null;
}

async function main(): Promise<void> {
  if (!existsSync(resolve(ROOT, 'dist/index.html'))) await build({ root: ROOT, logLevel: 'warn' });
  const server = await preview({ root: ROOT, preview: { port: 4391, strictPort: true, host: '127.0.0.1' } });
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: [...CHROMIUM_FLAGS, '--js-flags=--expose-gc'],
  });
  const samples: Sample[] = [];
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:4391/?preset=nano&seed=1&maxSteps=${STEPS}`);
    await page.getByTestId('train-start').waitFor();
    await page.waitForFunction('!document.querySelector("[data-testid=train-start]").disabled');
    const t0 = Date.now();
    await page.getByTestId('train-start').click();
    for (;;) {
      await page.waitForTimeout(EVERY_MS);
      const text = (await page.getByTestId('engine-memory').textContent()) ?? '';
      const step = Number((await page.getByTestId('train-step').textContent()) ?? 0);
      // Whole agent cluster (page + engine worker), after a GC the browser runs for the measurement.
      const jsBytes = (await page.evaluate(
        'performance.measureUserAgentSpecificMemory?.().then((m) => m.bytes).catch(() => null) ?? null',
      )) as number | null;
      const s: Sample = {
        seconds: Math.round((Date.now() - t0) / 1000),
        step,
        tensors: Number(/([\d,]+) tensors/.exec(text)?.[1].replaceAll(',', '') ?? Number.NaN),
        wasmHeapMB: Number(/wasm heap ([\d.]+) MB/.exec(text)?.[1] ?? Number.NaN) || null,
        jsHeapMB: jsBytes === null ? null : Math.round(jsBytes / 1e5) / 10,
      };
      samples.push(s);
      console.log(JSON.stringify(s));
      if ((await page.getByTestId('status').textContent()) !== 'training') break;
    }
  } finally {
    await browser.close();
    await new Promise<void>((r) => server.httpServer.close(() => r()));
  }
  const out = resolve(ROOT, 'bench/results');
  mkdirSync(out, { recursive: true });
  const file = resolve(out, `soak-${new Date().toISOString().slice(0, 10)}.json`);
  writeFileSync(file, JSON.stringify({ steps: STEPS, everyMs: EVERY_MS, samples }, null, 2));
  console.log(`written ${file}`);
}

await main();
