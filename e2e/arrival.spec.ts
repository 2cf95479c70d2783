/**
 * A first visit (nothing saved, a plain link): the pretrained model thinks about a prompt on the
 * first screen with no click, and both ways on work: try your own prompt, train your own model.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Lab } from './lab';

// Training the pretrained model further fetches Tiny Shakespeare: the person asked, by pressing Train.
test.use({ allowOrigins: ['https://raw.githubusercontent.com'] });

import { Panels } from './panels';

const PROMPT = 'To be, or not to be, that is the question:';
const TINY_SHAKESPEARE =
  'https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt';

test.use({ viewport: { width: 1280, height: 720 } });

/** Tiny Shakespeare by its public URL, answered from ../shared/data (CI has no network). */
async function serveTinyShakespeare(page: Page): Promise<void> {
  const body = await readFile(new URL('../../shared/data/tinyshakespeare.txt', import.meta.url));
  await page.route(TINY_SHAKESPEARE, (route) => route.fulfill({ body, contentType: 'text/plain' }));
}

test('a first visit shows the pretrained model predicting, its attention and logit lens, with no click', async ({
  page,
}) => {
  const lab = new Lab(page);
  await page.goto('/');
  const panels = new Panels(page);
  // Drawn for the famous line: the context strip holds it, the candidates have numbers, the maps paint.
  await expect(page.getByLabel('Try your own prompt')).toHaveValue(PROMPT);
  const T = [...PROMPT].length;
  const state = await panels.expectShowing(T);
  expect(state.context.map((c) => c.text).join('')).toBe(PROMPT.replaceAll(' ', '␣'));
  expect(state.nextTokenNumbers.length).toBeGreaterThan(3);
  expect(state.lensCols).toBe(T);
  // The first head's small map has paint where the first query meets key 0 (weight 1, never masked).
  const thumb = lab.id('panel-attention').locator('canvas').first();
  const painted = () =>
    thumb.evaluate(
      (c) => ((c as HTMLCanvasElement).getContext('2d')?.getImageData(0, 0, 1, 1).data[3] ?? 0) > 0,
    );
  await expect.poll(painted).toBe(true);
  for (const id of ['panel-next-token', 'panel-attention', 'panel-logit-lens']) {
    await expect(lab.id(id)).toBeInViewport();
  }
  await expect(lab.id('logit-lens-grid')).toBeInViewport();
  await expect(lab.id('next-token-chart')).toBeInViewport();
  // The model is the shipped one, and the corpus panel says where its text came from.
  await expect(lab.modelStats()).toContainText('4×4×128, block 64');
  await expect(lab.id('corpus-stats')).toContainText('learned from Tiny Shakespeare (1,115,394 characters)');
  // The link stays plain, so a reload (nothing autosaved) shows the same first screen.
  expect(new URL(page.url()).search).toBe('');
  await page.reload();
  await expect(page.getByLabel('Try your own prompt')).toHaveValue(PROMPT);
  await panels.expectShowing(T);
});

test('try your own prompt: the panels follow what is typed', async ({ page }) => {
  await page.goto('/');
  const panels = new Panels(page);
  const box = page.getByLabel('Try your own prompt');
  await expect(box).toBeEnabled();
  await box.fill('ROMEO:');
  const state = await panels.expectShowing(6);
  expect(state.context.map((c) => c.text).join('')).toBe('ROMEO:');
});

test('after Generate on the first screen, the saliency chart shows the bar it explains, not an empty start', async ({
  page,
}) => {
  const lab = new Lab(page);
  await page.goto('/');
  await expect(page.getByLabel('Try your own prompt')).toHaveValue(PROMPT);
  await lab.generateGreedy(PROMPT, 30);
  const saliency = lab.id('panel-saliency');
  await saliency.scrollIntoViewIfNeeded();
  // The context is the model's block (64 tokens) at most; the newest token is explained.
  const pos = Math.min([...PROMPT].length + 30, 64) - 1;
  await expect(lab.id('saliency-question')).toContainText(`after position ${pos} (`);
  // The context is longer than the chart is wide: the explained bar is scrolled into view.
  await expect(saliency.locator(`[data-testid="saliency-bars"] rect[data-pos="${pos}"]`)).toBeInViewport();
});

test('train your own model: their text gets a fresh model of the chosen shape, which trains', async ({
  page,
}) => {
  const lab = new Lab(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Train your own model' }).click();
  await expect(lab.id('corpus-text')).toBeFocused();
  await lab.setCorpus('the cat sat on the mat. the dog sat on the log.\n'.repeat(30));
  await expect(lab.id('corpus-stats')).toContainText('typed or pasted');
  await expect(lab.modelStats()).toContainText('2×4×64, block 32 · new');
  await lab.setMaxSteps(10);
  expect(await lab.train()).toBe('done');
  expect(await lab.number('train-step')).toBe(10);
  // Now it is their session: the link carries the setup, and a reload brings the model back.
  expect(new URL(page.url()).searchParams.get('preset')).toBe('nano');
  await lab.reload();
  expect(await lab.number('train-step')).toBe(10);
});

test('Train on the first screen trains the pretrained model further on Tiny Shakespeare', async ({
  page,
}) => {
  await serveTinyShakespeare(page);
  const lab = new Lab(page);
  await page.goto('/');
  await expect(lab.modelStats()).toContainText('4×4×128');
  await lab.setMaxSteps(3502);
  expect(await lab.train()).toBe('done');
  expect(await lab.number('train-step')).toBe(3502);
  await expect(lab.id('corpus-stats')).toContainText('1,115,394 characters');
  await expect(lab.id('corpus-stats')).toContainText('Tiny Shakespeare');
  await expect(lab.id('error')).toBeEmpty();
});
