/**
 * `auto` chooses by measuring: the first training of a configuration times a step on each backend
 * worth choosing (software GPUs, the only GPUs here, are labelled and left untimed), runs on the
 * fastest, and remembers it for this device and configuration; a new configuration is measured
 * again, and the engine moves there with the session, no reload.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Lab } from './lab';

/** Auto's remembered choices, as the app keeps them (app/backend-choice.ts). */
async function rememberAll(page: Page, winner: string): Promise<number> {
  return page.evaluate((w) => {
    const key = 'tinygpt-lab/backend-choice';
    const all = JSON.parse(localStorage.getItem(key) ?? '{}') as Record<
      string,
      Record<string, { winner: string }>
    >;
    let n = 0;
    for (const device of Object.values(all))
      for (const choice of Object.values(device)) {
        choice.winner = w;
        n++;
      }
    localStorage.setItem(key, JSON.stringify(all));
    return n;
  }, winner);
}

test('auto measures at first training, runs on the fastest, remembers it, and measures a new configuration again', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.open('preset=nano&seed=1&maxSteps=10');
  expect(await lab.train()).toBe('done');
  await expect(lab.id('backend')).toHaveText('wasm');
  const figures = lab.id('backend-figures');
  await expect(figures).toHaveText(/^wasm \d[\d,]* ms/);
  // Both GPUs here are SwiftShader: labelled, and not timed by auto.
  await expect(figures).toContainText('webgl (software) not timed');
  await expect(figures).toContainText('webgpu (software) not timed');
  await expect(lab.id('backend-choice')).toContainText('auto chose wasm');
  const loss = await lab.text('train-loss');

  // The next visit starts on the remembered choice, without timing anything.
  await lab.reload();
  await expect(lab.id('backend-choice')).toContainText('auto runs on wasm: it measured fastest');
  await expect(lab.id('backend-figures')).toHaveText(/^wasm \d[\d,]* ms/);

  // A device where WebGL measured fastest (as on a real GPU): the next visit runs there, same session.
  expect(await rememberAll(page, 'webgl')).toBe(1);
  await lab.reload();
  await expect(lab.id('backend')).toHaveText('webgl');
  await expect(lab.id('backend-choice')).toContainText('auto runs on webgl');
  await expect(lab.id('train-step')).toHaveText('10');
  await expect(lab.id('train-loss')).toHaveText(loss);
  expect(new URL(page.url()).searchParams.get('backend')).toBe('auto');

  // Another configuration is measured again at its first training, and the engine moves to its winner.
  await lab
    .panel(/· Model$/)
    .getByLabel('Preset')
    .selectOption('baby');
  await lab.id('train-reset').click();
  await expect(lab.id('train-step')).toHaveText('0');
  expect(await lab.train()).toBe('done');
  await expect(lab.id('backend-choice')).toContainText('auto chose wasm');
  await expect(lab.id('backend')).toHaveText('wasm');
  await expect(lab.id('train-step')).toHaveText('10');
  await expect(lab.id('error')).toBeEmpty();
});
