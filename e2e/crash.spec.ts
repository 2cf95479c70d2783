/** The engine worker dies mid-training: a new one starts from the last save, and nothing else is lost. */
import { expect, test } from './fixtures';
import { Lab } from './lab';

const TEXT = 'the cat sat on the mat. the dog sat on the log.\n'.repeat(30);

test('a worker that dies mid-training is replaced and the session comes back from its last save', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.open('preset=nano&seed=1&maxSteps=30');
  await lab.setCorpus(TEXT);
  await expect(lab.id('corpus-stats')).toContainText('typed or pasted');
  expect(await lab.train()).toBe('done'); // saved at step 30
  await lab.setMaxSteps(100_000);
  await lab.id('train-start').click();
  await expect(lab.id('status')).toHaveText('training');
  await expect.poll(() => lab.number('train-step')).toBeGreaterThan(40);

  // The worker closes itself, as a crashed one goes silent: the heartbeat notices.
  const worker = page.workers().find((w) => w.url().includes('engine.worker'));
  expect(worker).toBeTruthy();
  await worker!.evaluate(() => setTimeout(() => self.close(), 0));

  await expect(page.getByRole('status').filter({ hasText: 'The engine stopped' })).toContainText(
    'started again from your last save, at step 30',
  );
  await expect(lab.id('train-step')).toHaveText('30');
  await expect(lab.id('status')).toHaveText('paused');
  await expect(lab.id('error')).toBeEmpty();
  await expect(lab.id('corpus-text')).toHaveValue(TEXT);
  await expect(lab.id('models-list').locator('li')).toHaveCount(1);
  // And it trains on.
  await lab.setMaxSteps(40);
  expect(await lab.train()).toBe('done');
  expect(await lab.number('train-step')).toBe(40);
});
