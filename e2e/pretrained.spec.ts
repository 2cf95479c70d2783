import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { Lab } from './lab';

const PRETRAINED = fileURLToPath(
  new URL('../public/pretrained/baby-shakespeare.safetensors', import.meta.url),
);

test('the shipped pretrained model writes Shakespeare-like text after "ROMEO:"', async ({ page }) => {
  test.skip(!existsSync(PRETRAINED), 'pretrained checkpoint not built yet');
  const lab = new Lab(page);
  await lab.open('preset=nano&seed=1');
  await lab.id('load-pretrained').click();
  // The baby model (4 layers, 4 heads, 128 wide, block 64) replaces the nano one, trained already.
  await expect(lab.modelStats()).toContainText('4×4×128, block 64');
  await expect(lab.id('error')).toBeEmpty();
  expect(await lab.number('train-step')).toBeGreaterThan(0);
  // The default sample was not the person's text, so it goes: the corpus panel names the model's own.
  await expect(lab.id('corpus-stats')).toContainText('learned from Tiny Shakespeare (1,115,394 characters)');
  await expect(lab.id('corpus-text')).toHaveValue('');
  await expect(page.getByRole('status').filter({ hasText: 'can generate but not train' })).toHaveCount(0);
  // It comes with its loss curve (validation every 250 steps) and is named by its real shape.
  await expect(lab.panel(/Loss chart/).getByText('Train to see the loss fall')).toHaveCount(0);
  await expect(lab.id('val-loss')).toHaveText(/^1\.\d+$/);
  expect((await lab.exportCheckpoint()).name).toBe('tinygpt-baby-tiny-shakespeare-step3500.safetensors');

  const text = await lab.generateGreedy('ROMEO:', 100);
  await expect(lab.id('error')).toBeEmpty();
  expect([...text]).toHaveLength(100);
  expect(text).toMatch(/[A-Za-z]/);
  expect(text).toMatch(/ /);
  expect(text).toMatch(/[A-Za-z]{3,}/); // at least one word, not letter soup
  expect(await lab.generateGreedy('ROMEO:', 100)).toBe(text);
});

test('Load pretrained keeps a text of the person’s own, read with the model’s vocabulary', async ({
  page,
}) => {
  test.skip(!existsSync(PRETRAINED), 'pretrained checkpoint not built yet');
  const lab = new Lab(page);
  await lab.open('preset=nano&seed=1');
  const TEXT = 'ROMEO:\nBut soft, what light through yonder window breaks?\n'.repeat(20);
  await lab.setCorpus(TEXT);
  await expect(lab.id('corpus-stats')).toContainText('typed or pasted');
  await expect(lab.modelStats()).toContainText('vocab 28'); // the new model for the text, as the page shows it
  await lab.id('load-pretrained').click();
  await expect(lab.modelStats()).toContainText('4×4×128, block 64');
  await expect(lab.id('corpus-text')).toHaveValue(TEXT);
  await expect(lab.id('corpus-stats')).toContainText('vocabulary 65');
  await expect(lab.id('corpus-stats')).toContainText(`${TEXT.length.toLocaleString('en')} characters`);
});
