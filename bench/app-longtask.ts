/**
 * The longest main-thread long task in the real app while it trains: the app built from the repo's
 * own Vite config (into node_modules/.cache, not dist/, which e2e runs may be using), driven through
 * CONTRACT.md's test ids. Optional: src/ may be mid-edit, so a failure is reported, never fatal.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Browser } from './browser';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const APP_OUT = resolve(ROOT, 'node_modules/.cache/tinygpt-bench/app');

/** Build the app into APP_OUT; `minify: false` keeps function names for CPU profiles. */
export async function buildApp(minify = true): Promise<void> {
  await build({
    configFile: resolve(ROOT, 'vite.config.ts'),
    root: ROOT,
    logLevel: 'error',
    build: { outDir: APP_OUT, emptyOutDir: true, minify },
  });
}

export interface AppLongTask {
  query: string;
  max_longtask_ms: number;
  longtask_count: number;
  training_s: number;
  steps: number;
  backend: string;
  status: string;
}

type Probe = { longTasks: { start: number; end: number }[] };

/** Train the app for `steps` steps of `preset` and report the longest long task meanwhile. */
export async function appLongTask(
  browser: Browser,
  origin: string,
  preset: string,
  steps: number,
): Promise<AppLongTask> {
  const page = await browser.context.newPage();
  try {
    await page.addInitScript(() => {
      const w = window as unknown as Probe;
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          w.longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const query = `preset=${preset}&seed=1&maxSteps=${steps}`;
    await page.goto(`${origin}/app/?${query}`);
    const id = (t: string) => page.getByTestId(t);
    await page.waitForFunction(
      () =>
        /^(webgl|wasm|cpu)$/.test(
          document.querySelector('[data-testid="backend"]')?.textContent?.trim() ?? '',
        ),
      null,
      { timeout: 60_000 },
    );
    await id('train-start').click({ timeout: 60_000 });
    const from = await page.evaluate(() => performance.now());
    await page.waitForFunction(
      () =>
        /^(done|paused|error)$/.test(
          document.querySelector('[data-testid="status"]')?.textContent?.trim() ?? '',
        ),
      null,
      { timeout: 300_000, polling: 250 },
    );
    const to = await page.evaluate(() => performance.now());
    await page.waitForTimeout(200); // let the last long-task entries arrive
    const tasks = (await page.evaluate(() => (window as unknown as Probe).longTasks)).filter(
      (t) => t.end >= from && t.start <= to,
    );
    return {
      query,
      max_longtask_ms: Math.round(Math.max(0, ...tasks.map((t) => t.end - t.start))),
      longtask_count: tasks.length,
      training_s: Number(((to - from) / 1000).toFixed(1)),
      steps: Number((await id('train-step').textContent())?.trim()),
      backend: (await id('backend').textContent())?.trim() ?? '',
      status: (await id('status').textContent())?.trim() ?? '',
    };
  } finally {
    await page.close();
  }
}
