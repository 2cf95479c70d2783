import { expect, test } from './fixtures';
import { Lab } from './lab';

const SHARED = { preset: 'baby', seed: '7', tokenizer: 'char', backend: 'wasm', maxSteps: '123' };

function expectParams(url: string): void {
  const q = new URL(url).searchParams;
  for (const [key, value] of Object.entries(SHARED)) expect(q.get(key), key).toBe(value);
}

test('a shared link sets up the same run, and the address bar keeps the link', async ({ page, browser }) => {
  const lab = new Lab(page);
  await lab.open(new URLSearchParams(SHARED).toString());

  await expect(lab.id('max-steps')).toHaveValue('123');
  await expect(lab.panel(/· Train$/)).toContainText('/ 123');
  await expect(lab.id('backend')).toHaveText('wasm');
  const model = lab.panel(/· Model$/);
  await expect(model.getByLabel('Preset')).toHaveValue('baby');
  await expect(model.getByLabel('seed')).toHaveValue('7');
  await expect(model.getByLabel('Tokenizer')).toHaveValue('char');
  await expect(lab.modelStats()).toContainText('4×4×128, block 64');
  await expect(lab.id('corpus-stats')).toContainText('(char)');
  expectParams(page.url());

  // The link as it stands after load opens the same setup in a fresh browser profile.
  const other = await browser.newContext();
  try {
    const lab2 = new Lab(await other.newPage());
    await lab2.page.goto(page.url());
    await lab2.ready();
    await expect(lab2.id('max-steps')).toHaveValue('123');
    await expect(lab2.id('backend')).toHaveText('wasm');
    await expect(lab2.modelStats()).toContainText('4×4×128, block 64');
    expectParams(lab2.page.url());
  } finally {
    await other.close();
  }
});

test('a link to another setup starts that setup instead of restoring the last session, and keeps the corpus', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.open('preset=nano&seed=1&maxSteps=10');
  await lab.setCorpus('a small corpus of my own, repeated so it is long enough to train on. '.repeat(20));
  await lab.train();
  await expect(lab.id('status')).toHaveText('done');

  // Same setup: the session comes back.
  await page.reload();
  await expect(lab.id('train-step')).toHaveText('10');

  // Another setup (a different seed): a fresh model, the same corpus, and a notice saying why.
  await page.goto('/?preset=nano&seed=2&maxSteps=10');
  await expect(lab.id('corpus-stats')).toContainText('characters');
  await expect(lab.id('train-step')).toHaveText('0');
  await expect(lab.id('status')).toHaveText('idle');
  await expect(lab.id('corpus-text')).toHaveValue(/a small corpus of my own/);
  await expect(page.getByRole('status').filter({ hasText: 'different model' })).toBeVisible();
});
