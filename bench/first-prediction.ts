/**
 * `npm run bench:arrival`: time from navigation to the first prediction drawn on a first visit
 * (the pretrained model's next-token candidates on screen), on the built app served by
 * `vite preview`, cold (a fresh browser profile: nothing cached) and warm (a reload: the HTTP
 * cache holds the app, the wasm binaries and the checkpoint). Figures, never pass/fail.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_FLAGS, findChromium } from '../scripts/chromium-path.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.RUNS ?? 5);

/**
 * In the page, from its first script: note when each milestone first shows (ms since navigation).
 * A string, not a function: tsx would wrap a function's inner names in helpers the page lacks.
 */
const WATCH_MILESTONES = `(() => {
  const marks = {};
  window.__marks = marks;
  const q = (s) => document.querySelector(s);
  const seen = (name, test) => { if (!(name in marks) && test()) marks[name] = performance.now(); };
  const tick = () => {
    seen('engine', () => /^(webgpu|webgl|wasm|cpu)$/.test(q('[data-testid="backend"]')?.textContent ?? ''));
    seen('prediction', () => Array.from(q('[data-testid="next-token-chart"]')?.querySelectorAll('text') ?? [])
      .some((t) => /%$/.test(t.textContent ?? '')));
    seen('lens', () => (q('[data-testid="logit-lens-grid"]')?.querySelectorAll('g.col').length ?? 0) > 0);
    if (!('prediction' in marks && 'lens' in marks)) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

async function visit(page: Page, url: string, reload: boolean): Promise<Record<string, number>> {
  if (reload) await page.reload();
  else await page.goto(url);
  await page.waitForFunction(
    () => {
      const m = (window as unknown as { __marks?: Record<string, number> }).__marks;
      return m && 'prediction' in m && 'lens' in m;
    },
    null,
    { timeout: 120_000 },
  );
  return page.evaluate(() => ({ ...(window as unknown as { __marks: Record<string, number> }).__marks }));
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  if (!existsSync(resolve(ROOT, 'dist/index.html'))) await build({ root: ROOT, logLevel: 'warn' });
  const server = await preview({ root: ROOT, preview: { port: 4390, strictPort: true, host: '127.0.0.1' } });
  const url = 'http://127.0.0.1:4390/';
  const browser: Browser = await chromium.launch({
    executablePath: findChromium(),
    args: [...CHROMIUM_FLAGS],
  });
  const results: Record<'cold' | 'warm', Record<string, number>[]> = { cold: [], warm: [] };
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      await context.addInitScript({ content: WATCH_MILESTONES });
      const page = await context.newPage();
      results.cold.push(await visit(page, url, false));
      results.warm.push(await visit(page, url, true)); // nothing autosaved: the first screen again
      await context.close();
    }
  } finally {
    await browser.close();
    await new Promise<void>((r) => server.httpServer.close(() => r()));
  }
  const summary = Object.fromEntries(
    (['cold', 'warm'] as const).map((k) => [
      k,
      Object.fromEntries(
        ['engine', 'prediction', 'lens'].map((m) => [m, Math.round(median(results[k].map((r) => r[m])))]),
      ),
    ]),
  );
  console.log(`time to first prediction, median of ${RUNS} (ms since navigation, 1280×720):`);
  console.table(summary);
  const out = resolve(ROOT, 'bench/results');
  mkdirSync(out, { recursive: true });
  const file = resolve(out, `first-prediction-${new Date().toISOString().slice(0, 10)}.json`);
  writeFileSync(file, JSON.stringify({ runs: RUNS, summary, results }, null, 2));
  console.log(`written ${file}`);
}

await main();
