/**
 * Headless Chromium for the bench: the system browser through playwright-core (never a download),
 * SwiftShader WebGL and (--enable-unsafe-webgpu in CHROMIUM_FLAGS) SwiftShader's software WebGPU
 * adapter, a fresh profile per run. The bench page runs jobs one at a time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../scripts/chromium-path.mjs';
import type { Job, PageResult } from './app/protocol';

export const CHROMIUM = '/usr/bin/chromium';

export const FLAGS = ['--headless', ...CHROMIUM_FLAGS];

export interface Browser {
  context: BrowserContext;
  version: string;
  /** A new tab at url, with its console echoed (prefixed) when `echo` is set. */
  open(url: string, echo?: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launch(extraFlags: string[] = []): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'tinygpt-bench-profile-'));
  const removeProfile = () => rmSync(profile, { recursive: true, force: true });
  process.once('exit', removeProfile); // also after Ctrl-C (Playwright closes the browser, then exits)
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...FLAGS, ...extraFlags],
  });
  const version = context.browser()?.version() ?? (await versionFromPage(context));
  return {
    context,
    version,
    async open(url, echo) {
      const page = await context.newPage();
      if (echo) {
        page.on('console', (m) =>
          console.log(`  ${echo}${m.type() === 'log' ? '' : ` ${m.type()}`}: ${m.text()}`),
        );
        page.on('pageerror', (e) => console.log(`  ${echo} page error: ${e.message}`));
      }
      await page.goto(url);
      return page;
    },
    async close() {
      await context.close();
      removeProfile();
    },
  };
}

async function versionFromPage(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  const ua = await page.evaluate(() => navigator.userAgent);
  await page.close();
  return ua.match(/Chrome\/([\d.]+)/)?.[1] ?? 'unknown';
}

/** Run one job on the bench page (a fresh worker per job) and return what the page saw. */
export async function runJob(page: Page, job: Job): Promise<PageResult> {
  await page.waitForFunction(() => 'bench' in window);
  return page.evaluate(
    (j) => (window as unknown as { bench: { run(j: Job): Promise<PageResult> } }).bench.run(j),
    job,
  );
}
