/**
 * `npm run bench:soak [-- --steps 10000]`: train nano in the built app for many steps and sample,
 * every 15 s, the engine's live tensors and wasm heap (from the Train panel), the page's JS heap
 * after a GC (DevTools protocol), and the resident memory of the renderer processes, which hold
 * the page, the engine worker and its wasm threads (no API reads a worker's JS heap alone).
 * Flat figures mean nothing leaks. Figures, never pass/fail: bench/results/soak-<date>.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  pageHeapMB: number;
  rendererRssMB: number;
}

/** Resident set of a process, MB (Linux /proc). */
function rssMB(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb ? Number(kb) / 1000 : 0;
}

async function main(): Promise<void> {
  if (!existsSync(resolve(ROOT, 'dist/index.html'))) await build({ root: ROOT, logLevel: 'warn' });
  const server = await preview({ root: ROOT, preview: { port: 4391, strictPort: true, host: '127.0.0.1' } });
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: [...CHROMIUM_FLAGS],
  });
  const browserCdp = await browser.newBrowserCDPSession();
  const samples: Sample[] = [];
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`http://127.0.0.1:4391/?preset=nano&seed=1&maxSteps=${STEPS}`);
    await page.getByTestId('train-start').waitFor();
    await page.waitForFunction('!document.querySelector("[data-testid=train-start]").disabled');
    const t0 = Date.now();
    await page.getByTestId('train-start').click();
    for (;;) {
      await page.waitForTimeout(EVERY_MS);
      const text = (await page.getByTestId('engine-memory').textContent()) ?? '';
      const step = Number((await page.getByTestId('train-step').textContent()) ?? 0);
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const { processInfo } = (await browserCdp.send('SystemInfo.getProcessInfo')) as {
        processInfo: { type: string; id: number }[];
      };
      const renderers = processInfo.filter((p) => p.type === 'renderer');
      const s: Sample = {
        seconds: Math.round((Date.now() - t0) / 1000),
        step,
        tensors: Number(/([\d,]+) tensors/.exec(text)?.[1].replaceAll(',', '') ?? Number.NaN),
        wasmHeapMB: Number(/wasm heap ([\d.]+) MB/.exec(text)?.[1] ?? Number.NaN) || null,
        pageHeapMB: Math.round(heap.usedSize / 1e5) / 10,
        rendererRssMB: Math.round(renderers.reduce((sum, p) => sum + rssMB(p.id), 0)),
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
