import { expect, test } from '@playwright/test';
import { Lab } from './lab';

test('probe', async ({ page }) => {
  page.on('console', (m) => console.log('[console]', m.type(), m.text()));
  const lab = new Lab(page);
  const t0 = Date.now();
  await lab.open('preset=nano&seed=1&maxSteps=100');
  console.log('open ms', Date.now() - t0, await lab.text('backend'), await lab.text('corpus-stats'));
  const t1 = Date.now();
  await lab.train();
  console.log('train ms', Date.now() - t1, await lab.text('status'), await lab.text('train-step'), await lab.text('train-loss'));
  const t2 = Date.now();
  const out = await lab.generateGreedy('The ', 40);
  console.log('gen ms', Date.now() - t2, JSON.stringify(out));
  console.log('url', page.url());
});
