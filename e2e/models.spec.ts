/** My models: every model is kept, listed, reopened exactly, renamed, copied, deleted, exported, compared. */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Lab } from './lab';

const SETUP = 'preset=nano&seed=1&maxSteps=20';

function entries(lab: Lab) {
  return lab.id('models-list').locator('li');
}

function entry(lab: Lab, name: string | RegExp) {
  return entries(lab).filter({ has: lab.page.getByText(name, { exact: typeof name === 'string' }) });
}

/** A second model: one layer instead of two, built with Reset, trained 20 steps. */
async function trainOneLayerModel(lab: Lab): Promise<void> {
  await lab.setNumber(lab.panel(/· Model$/).getByLabel('layers', { exact: true }), 1);
  await lab.id('train-reset').click();
  await expect(lab.modelStats()).toContainText('1×4×64');
  expect(await lab.train()).toBe('done');
}

test('each trained model is kept; switching back resumes exactly where it was', async ({ page, browser }) => {
  // The reference: one model trained 20 steps then 10 more without switching, in a profile of its own.
  const other = await browser.newContext();
  const ref = new Lab(await other.newPage());
  await ref.open(SETUP);
  expect(await ref.train()).toBe('done');
  await ref.setMaxSteps(30);
  expect(await ref.train()).toBe('done');
  const straight = await ref.text('train-loss');
  await other.close();

  const lab = new Lab(page);
  await lab.open(SETUP);
  expect(await lab.train()).toBe('done');
  await expect(entries(lab)).toHaveCount(1);
  await expect(entries(lab).first()).toContainText('step 20');
  await expect(entries(lab).first()).toContainText(/val \d\.\d{3} nats · \d\.\d\d bits\/char/);
  await expect(entries(lab).first()).toContainText('open');

  await trainOneLayerModel(lab);
  await expect(entries(lab)).toHaveCount(2);
  const twoLayers = entry(lab, /^nano on /);
  await expect(twoLayers).toContainText('2×4×64');

  // Compare: the two-layer model's validation curve over the open one's, in bits per character.
  await twoLayers.getByRole('checkbox', { name: 'compare' }).check();
  const id = await twoLayers.getAttribute('data-model-id');
  await expect(lab.id('panel-loss').locator(`path.compare-line[data-compare-id="${id}"]`)).toHaveCount(1);
  await expect(lab.id('panel-loss')).toContainText('Comparing in bits per character');

  // Back to the two-layer model, 10 more steps: the same loss as without the switch.
  await twoLayers.getByRole('button', { name: 'Open' }).click();
  await expect(lab.id('train-step')).toHaveText('20');
  await expect(lab.modelStats()).toContainText('2×4×64');
  await lab.setMaxSteps(30);
  expect(await lab.train()).toBe('done');
  await expect(lab.id('train-loss')).toHaveText(straight);

  // It survives a reload, as do both entries.
  await lab.reload();
  await expect(lab.id('train-step')).toHaveText('30');
  await expect(entries(lab)).toHaveCount(2);
});

test('rename, duplicate, delete and export a saved model', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open(SETUP);
  expect(await lab.train()).toBe('done');
  const first = entries(lab).first();
  await first.getByRole('button', { name: 'Rename' }).click();
  await lab.page.getByLabel('New name').fill('two layers');
  await lab.page.getByLabel('New name').press('Enter');
  await expect(entry(lab, 'two layers')).toHaveCount(1);

  await entry(lab, 'two layers').getByRole('button', { name: 'Duplicate' }).click();
  await expect(entry(lab, 'two layers (copy)')).toHaveCount(1);
  const copy = entry(lab, 'two layers (copy)');
  await expect(copy).toContainText('step 20');
  await expect(copy).not.toContainText('open');
  // Delete asks twice; the open model cannot be deleted.
  await expect(entry(lab, 'two layers').getByRole('button', { name: 'Delete' })).toBeDisabled();
  await copy.getByRole('button', { name: 'Delete' }).click();
  await copy.getByRole('button', { name: 'Really delete?' }).click();
  await expect(entries(lab)).toHaveCount(1);

  const file = await lab.download(entry(lab, 'two layers').getByRole('button', { name: 'Export' }));
  expect(file.name).toBe('tinygpt-nano-fables-prose-written-for-this-lab-step20.safetensors');
  expect(file.bytes.length).toBeGreaterThan(100_000);

  await lab.reload();
  await expect(entry(lab, 'two layers')).toHaveCount(1);
  await expect(lab.id('models-storage')).toContainText(/Using [\d.]+ [MG]B of the [\d.]+ [MG]B/);
});

/**
 * Give this origin only `bytes` of storage (Chromium's DevTools protocol). Chromium applies it only
 * before the origin's first write, so it is set before the app opens.
 */
async function limitStorage(page: Page, bytes: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(test.info().project.use.baseURL ?? 'http://127.0.0.1:4173').origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: bytes });
}

test('a save that does not fit says so, and the previous save is kept whole', async ({ page }) => {
  // Room for the nano model's save (1.3 MB), not for the pretrained model's beside it (3.3 MB more).
  await limitStorage(page, 2_500_000);
  const lab = new Lab(page);
  await lab.open(SETUP);
  expect(await lab.train()).toBe('done');
  const loss = await lab.text('train-loss');
  await expect(entries(lab)).toHaveCount(1);
  await lab.id('load-pretrained').click();
  await lab.expectError(/storage is full .*previous save is kept/);
  await expect(lab.modelStats()).toContainText('4×4×128'); // it is loaded, only not saved
  await expect(entries(lab)).toHaveCount(1);
  // What a reload finds is the last save that fitted: the nano model at step 20, its loss.
  await lab.reload();
  await expect(lab.id('train-step')).toHaveText('20');
  await expect(lab.id('train-loss')).toHaveText(loss);
  await expect(lab.modelStats()).toContainText('2×4×64');
  await expect(entries(lab).first()).toContainText('step 20');
});
