import { expect, test } from './fixtures';
import { Lab } from './lab';

test('trains nano in a Web Worker until max steps, and the loss falls', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('preset=nano&seed=3&maxSteps=40');
  // The engine runs in a module worker; the page itself never loads TensorFlow.js.
  expect(page.workers().some((w) => /engine/.test(w.url()))).toBe(true);
  expect(await page.evaluate(() => 'tf' in window)).toBe(false);

  await lab.train();
  await expect(lab.id('status')).toHaveText('done');
  expect(await lab.number('train-step')).toBe(40);
  const loss = await lab.number('train-loss');
  const val = await lab.number('val-loss');
  expect(loss).toBeGreaterThan(0);
  expect(val).toBeGreaterThan(0);
  // The char vocab of the default sample is ~50; ln(50) ≈ 3.9 at initialisation.
  expect(loss).toBeLessThan(3.5);
  expect(await lab.number('tokens-per-sec')).toBeGreaterThan(0);
});
