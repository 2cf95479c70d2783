import { expect, test } from './fixtures';
import { Lab } from './lab';

test('a reload resumes the session from IndexedDB, and training continues from its step', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.open('preset=nano&seed=2&maxSteps=30');
  expect(await lab.train()).toBe('done');
  const step = await lab.number('train-step');
  const loss = await lab.text('train-loss');
  const stats = await lab.text('corpus-stats');
  const corpus = await lab.id('corpus-text').inputValue();
  expect(step).toBe(30);

  await lab.reload();
  await expect(lab.id('train-step')).toHaveText(String(step));
  await expect(lab.id('status')).toHaveText('done');
  await expect(lab.id('train-loss')).toHaveText(loss);
  await expect(lab.id('corpus-text')).toHaveValue(corpus);
  await expect(lab.id('corpus-stats')).toContainText(stats.split(' · ').slice(0, 4).join(' · '));

  // Raise the limit and press Resume: every step shown from then on is past the restored one.
  await lab.setMaxSteps(60);
  await expect(lab.id('train-start')).toHaveText('Resume');
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seenSteps: string[] }).seenSteps = seen;
    const el = document.querySelector('[data-testid="train-step"]')!;
    new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, {
      characterData: true,
      childList: true,
      subtree: true,
    });
  });
  expect(await lab.train()).toBe('done');
  expect(await lab.number('train-step')).toBe(60);
  const seen = (await page.evaluate(() => (window as unknown as { seenSteps: string[] }).seenSteps)).map(
    Number,
  );
  expect(seen.length).toBeGreaterThan(0);
  expect(Math.min(...seen)).toBeGreaterThanOrEqual(step);
  // The resumed model kept learning: its loss is no worse than a fresh model's (ln(vocab) ≈ 3.7).
  expect(await lab.number('train-loss')).toBeLessThan(3);
});

test('a hard reload mid-training resumes from the last autosave: at most one 20 s interval is lost', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.open('preset=nano&seed=1&maxSteps=100000');
  await lab.id('train-start').click();
  // Training saves every 20 s: wait for the first save to show in My models, then reload at once.
  const saved = lab.id('models-list').locator('li').first();
  await expect(saved).toContainText(/step [1-9][\d,]*/, { timeout: 60_000 });
  const savedStep = Number(/step ([\d,]+)/.exec((await saved.textContent()) ?? '')?.[1].replaceAll(',', ''));
  await expect(lab.id('status')).toHaveText('training');
  const atReload = await lab.number('train-step');
  await page.reload();
  await lab.ready();
  const restored = await lab.number('train-step');
  expect(restored).toBeGreaterThanOrEqual(savedStep);
  expect(restored).toBeLessThanOrEqual(atReload + 50); // no more than the steps it had (+ those in flight)
  await expect(lab.id('status')).toHaveText('paused');
  console.log(
    `[reload] last periodic save at step ${savedStep}; reloaded at step ≥ ${atReload}; resumed at step ${restored} (lost ${Math.max(0, atReload - restored)} steps)`,
  );
});
