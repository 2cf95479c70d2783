/** Two tabs of the lab in one browser: each keeps its own model, and each hears about the other. */
import { expect, test } from './fixtures';
import { Lab } from './lab';

const SETUP = 'preset=nano&seed=1&maxSteps=40';

test('two tabs train different models; reloading either brings back its own', async ({ context }) => {
  const a = new Lab(await context.newPage());
  await a.open(SETUP);
  expect(await a.train()).toBe('done');
  expect(await a.number('train-step')).toBe(40);

  // Tab B starts from A's last save, then goes its own way: another text, 10 steps.
  const b = new Lab(await context.newPage());
  await b.open(SETUP);
  await expect(b.page.getByRole('status').filter({ hasText: 'open in another tab' })).toBeVisible();
  expect(await b.number('train-step')).toBe(40);
  await expect(a.page.getByRole('status').filter({ hasText: 'opened in another tab' })).toBeVisible();
  await b.setCorpus('abcabcabc abc bca cab\n'.repeat(60));
  await expect(b.id('corpus-stats')).toContainText('typed or pasted');
  await b.id('train-reset').click();
  await expect(b.id('train-step')).toHaveText('0');
  await b.setMaxSteps(10);
  expect(await b.train()).toBe('done');
  expect(await b.number('train-step')).toBe(10);

  await a.reload();
  expect(await a.number('train-step')).toBe(40);
  await expect(a.id('corpus-text')).not.toHaveValue(/abcabc/);
  await b.reload();
  expect(await b.number('train-step')).toBe(10);
  await expect(b.id('corpus-text')).toHaveValue(/abcabc/);
});

test('a tab hears that another one is training', async ({ context }) => {
  const a = new Lab(await context.newPage());
  await a.open('preset=nano&seed=1&maxSteps=30');
  const b = new Lab(await context.newPage());
  await b.open('preset=nano&seed=1&maxSteps=30');
  await b.id('train-start').click();
  await expect(
    a.page.getByRole('status').filter({ hasText: 'Another tab of the lab is training' }),
  ).toBeVisible();
  await expect(b.id('status')).toHaveText('done');
});
