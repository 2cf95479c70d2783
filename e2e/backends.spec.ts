/** "Measure backends": a training step of the configuration timed on each backend offered here. */
import { expect, test } from './fixtures';
import { Lab } from './lab';

test('measuring times a step on webgpu, webgl and wasm (software GPUs labelled), and training goes on', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.open('preset=nano&seed=1&maxSteps=10');
  const before = await lab.text('backend');
  await page.getByRole('button', { name: 'Measure backends' }).click();
  const figures = lab.id('backend-figures');
  await expect(figures).toHaveText(/wasm [\d,]+ ms/, { timeout: 170_000 });
  const text = (await figures.textContent()) ?? '';
  console.log(`[backends] ${text}`);
  // Headless Chromium here offers SwiftShader for both GPU APIs: measured, and labelled software.
  expect(text).toMatch(/webgpu \(software\) ([\d,]+ ms|> 20 s)/);
  expect(text).toMatch(/webgl \(software\) ([\d,]+ ms|> 20 s)/);
  // Fastest first: the first figure is no slower than any other.
  const ms = [...text.matchAll(/([\d,]+) ms/g)].map((m) => Number(m[1].replaceAll(',', '')));
  expect(ms[0]).toBe(Math.min(...ms));
  // The engine is back on the backend it ran on, and trains.
  await expect(lab.id('backend')).toHaveText(before);
  expect(await lab.train()).toBe('done');
  expect(await lab.number('train-step')).toBe(10);
});
