/**
 * `npx tsx bench/static-host.ts`: the deployed build on a plain static host (a sub-path, no
 * COOP/COEP: the service worker isolates the page) beside `vite preview` (which sends the headers),
 * training baby on wasm in each, alternating, so drift falls on both. Figures, never pass/fail:
 * the two should be equal within noise, with the same thread count.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { isolated, serveStatic } from '../e2e/static-host';
import { CHROMIUM_FLAGS, findChromium } from '../scripts/chromium-path.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.RUNS ?? 3);
const STEPS = Number(process.env.STEPS ?? 80);
const QUERY = `?preset=baby&seed=1&maxSteps=${STEPS}&backend=wasm`;

interface Run {
  host: 'static' | 'preview';
  tokensPerSec: number;
  threads: string;
  isolated: boolean;
}

async function trainOnce(browser: Browser, url: string, host: Run['host']): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  try {
    await page.goto(url + QUERY);
    const t0 = Date.now();
    while (!(await isolated(page)) && Date.now() - t0 < 60_000) await page.waitForTimeout(200);
    await page.getByTestId('train-start').waitFor();
    await page.waitForFunction(() =>
      /characters/.test(document.querySelector('[data-testid="corpus-stats"]')?.textContent ?? ''),
    );
    await page.getByTestId('train-start').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="status"]')?.textContent?.trim() === 'done',
      null,
      { timeout: 600_000 },
    );
    const text = (id: string) =>
      page
        .getByTestId(id)
        .textContent()
        .then((t) => t?.trim() ?? '');
    const renderer = (await page.locator('header .backend').textContent()) ?? '';
    return {
      host,
      tokensPerSec: Number((await text('tokens-per-sec')).replace(/[^\d.]/g, '')),
      threads: renderer.match(/(\d+) threads?/)?.[0] ?? '1 thread',
      isolated: await isolated(page),
    };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  if (!existsSync(resolve(ROOT, 'dist/sw.js'))) await build({ root: ROOT, logLevel: 'warn' });
  const server = await preview({ root: ROOT, preview: { port: 4391, strictPort: true, host: '127.0.0.1' } });
  const plain = await serveStatic(resolve(ROOT, 'dist'));
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_FLAGS] });
  const runs: Run[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      runs.push(await trainOnce(browser, plain.url, 'static'));
      runs.push(await trainOnce(browser, 'http://127.0.0.1:4391/', 'preview'));
      console.log(runs.slice(-2));
    }
  } finally {
    await browser.close();
    await plain.close();
    await new Promise<void>((r) => server.httpServer.close(() => r()));
  }
  const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const summary = Object.fromEntries(
    (['static', 'preview'] as const).map((h) => {
      const mine = runs.filter((r) => r.host === h);
      return [
        h,
        {
          tokensPerSec: median(mine.map((r) => r.tokensPerSec)),
          threads: mine[0].threads,
          isolated: mine.every((r) => r.isolated),
        },
      ];
    }),
  );
  console.log(`baby on wasm, ${STEPS} steps, median of ${RUNS} (tokens/s as the Train panel shows it):`);
  console.table(summary);
  const out = resolve(ROOT, 'bench/results');
  mkdirSync(out, { recursive: true });
  const file = resolve(out, `static-host-${new Date().toISOString().slice(0, 10)}.json`);
  writeFileSync(file, JSON.stringify({ runs: RUNS, steps: STEPS, summary, all: runs }, null, 2));
  console.log(`written ${file}`);
}

await main();
