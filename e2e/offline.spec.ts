/**
 * The built app on a plain static host (a sub-path, no COOP/COEP, no CSP header): the service
 * worker makes it cross-origin isolated (wasm threads) and keeps it working with the network off.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Lab } from './lab';
import { Panels } from './panels';
import { isolated, type StaticHost, serveStatic } from './static-host';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
// Shakespeare's own characters, so the pretrained model's vocabulary covers them.
const VERSE = `${'Now is the winter of our discontent\nMade glorious summer by this sun of York;\n'.repeat(30)}`;

// Training the pretrained model further asks for Tiny Shakespeare, as the person pressed Train.
test.use({ allowOrigins: ['https://raw.githubusercontent.com'] });

let host: StaticHost;
test.beforeEach(async () => {
  host = await serveStatic(DIST);
});
test.afterEach(async () => {
  await host.close();
});

/** The mark a test left on this page: gone after a reload (null while it reloads). */
async function marked(page: Page): Promise<boolean | null> {
  try {
    return await page.evaluate(() => (window as { stillHere?: boolean }).stillHere ?? false);
  } catch {
    return null;
  }
}

test('on a plain static host the lab becomes isolated (wasm threads), then works offline: pretrained, train, generate, inspect', async ({
  page,
  context,
}) => {
  const lab = new Lab(page);
  const query = '?preset=baby&seed=1&maxSteps=3';
  await page.goto(host.url + query);
  // No headers from this host: the service worker adds them, and the untouched page reloads once.
  await expect.poll(() => isolated(page), { timeout: 60_000 }).toBe(true);
  await lab.ready();
  await expect(lab.id('backend')).toHaveText('wasm');
  await expect(page.locator('header .backend')).toContainText(/wasm SIMD, ([2-9]|\d\d+) threads/);
  await expect
    .poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.active))
    .toBe(true);

  // Installable: a manifest with icons, standalone display, and a service worker that serves offline.
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
    installabilityErrors: { errorId: string }[];
  };
  // A test's browser context is incognito, where nothing installs; that aside, nothing is missing.
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
  const manifest = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; data: string };
  expect(manifest.errors).toEqual([]);
  expect(JSON.parse(manifest.data)).toMatchObject({ name: 'TinyGPT Lab', display: 'standalone' });
  await cdp.detach();

  await context.setOffline(true);
  await page.reload();
  await lab.ready();
  expect(await isolated(page)).toBe(true);
  await lab.id('load-pretrained').click();
  await expect(lab.id('corpus-stats')).toContainText('Tiny Shakespeare');
  const output = await lab.generateGreedy('ROMEO:', 20);
  expect(output.length).toBeGreaterThan(6);
  await new Panels(page).expectShowing(6 + 20);

  // Training it further on Tiny Shakespeare needs the network: said plainly, nothing lost.
  await lab.id('train-start').click();
  await lab.expectError(/Could not load Tiny Shakespeare: .*offline.* The lab itself works offline/);
  await expect(lab.id('corpus-stats')).toContainText('Tiny Shakespeare'); // the model and its story stay
  await lab.dismissError();
  await lab.setCorpus(VERSE);
  await lab.setMaxSteps(Number(await lab.text('train-step')) + 3);
  expect(await lab.train()).toBe('done');
  await expect(lab.id('error')).toBeEmpty();
  expect(await lab.generateGreedy('Now is', 12)).toHaveLength(12);

  // Every request went to this host.
  expect(host.requests.every((p) => p.startsWith('/course/lab/'))).toBe(true);
});

test('a new version deployed while training waits: "Reload to update" is offered, nothing reloads by itself, and the reload keeps the session', async ({
  page,
}) => {
  const lab = new Lab(page);
  await page.goto(`${host.url}?preset=nano&seed=1&maxSteps=100000`);
  await expect.poll(() => isolated(page), { timeout: 60_000 }).toBe(true);
  await lab.ready();
  await lab.id('train-start').click();
  await expect(lab.id('status')).toHaveText('training');
  await page.evaluate(() => {
    (window as { stillHere?: boolean }).stillHere = true;
  });

  // Deploy a new version (a new service worker) and let the page find it, as its hourly check does.
  host.replace('sw.js', `${readFileSync(`${DIST}sw.js`, 'utf8')}\n// version 2\n`);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  await expect(lab.id('update-reload')).toBeVisible();
  await expect.poll(() => lab.number('train-step')).toBeGreaterThan(5);
  await expect(lab.id('status')).toHaveText('training');
  expect(await marked(page)).toBe(true);

  // The person takes it: training pauses, the session is saved, the new version opens it.
  await lab.id('update-reload').click();
  await expect.poll(() => marked(page)).toBe(false);
  await lab.ready();
  // The new version is the one running now: nothing waits any more.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const r = await navigator.serviceWorker.getRegistration();
        return !!r?.active && !r.waiting && !r.installing;
      }),
    )
    .toBe(true);
  await expect(lab.id('update-reload')).toHaveCount(0);
  expect(await lab.number('train-step')).toBeGreaterThan(5);
  await expect(lab.id('error')).toBeEmpty();
});

test('a person who starts typing before the lab is isolated is not reloaded under their hands: the header offers the reload, which keeps their text', async ({
  page,
}) => {
  const lab = new Lab(page);
  // On slow school Wi-Fi the service worker arrives after the person has begun.
  const release = host.hold('sw.js');
  await page.goto(`${host.url}?preset=nano&seed=1`);
  await lab.id('corpus-text').click(); // at once, as a person does
  await lab.setCorpus(VERSE);
  await lab.ready();
  release();
  const offer = page.getByRole('button', { name: 'Reload', exact: true });
  await expect(offer).toBeVisible();
  expect(await isolated(page)).toBe(false);
  await expect(page.locator('header .backend')).toContainText('1 thread');
  await offer.click();
  await expect.poll(() => isolated(page), { timeout: 60_000 }).toBe(true);
  await lab.ready();
  await expect(page.locator('header .backend')).toContainText(/wasm SIMD, ([2-9]|\d\d+) threads/);
  await expect(lab.id('corpus-text')).toHaveValue(VERSE);
});
