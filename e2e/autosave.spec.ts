import { expect, test } from '@playwright/test';
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
