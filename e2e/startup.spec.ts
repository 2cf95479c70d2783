/** What a person does the moment the page appears counts: start-up never puts its default over it. */
import { expect, test } from './fixtures';
import { Lab } from './lab';

const TEXT = 'ROMEO:\nBut soft, what light through yonder window breaks?\n'.repeat(40);

test('a file picked at once is the corpus once start-up ends, not the default sample', async ({ page }) => {
  const lab = new Lab(page);
  await page.goto('/?preset=nano&seed=1&maxSteps=20');
  await lab.id('corpus-file').setInputFiles({
    name: 'romeo.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(TEXT),
  });
  await expect(lab.id('corpus-stats')).toContainText('romeo.txt');
  await expect(lab.id('train-start')).toBeEnabled();
  await expect(lab.id('corpus-text')).toHaveValue(TEXT);
  expect(await lab.train()).toBe('done');
  await expect(lab.id('corpus-text')).toHaveValue(TEXT);
  await expect(lab.id('corpus-stats')).toContainText('romeo.txt');
});

test('a text pasted at once is the corpus once start-up ends, not the default sample', async ({ page }) => {
  const lab = new Lab(page);
  await page.goto('/?preset=nano&seed=1&maxSteps=20');
  await lab.id('corpus-text').fill(TEXT);
  await expect(lab.id('corpus-stats')).toContainText('typed or pasted');
  await expect(lab.id('train-start')).toBeEnabled();
  await expect(lab.id('corpus-text')).toHaveValue(TEXT);
  await expect(lab.id('corpus-stats')).toContainText(`${TEXT.length.toLocaleString('en')} characters`);
});

test('"Load pretrained" pressed at once ends with the pretrained model, not the default sample', async ({
  page,
}) => {
  const lab = new Lab(page);
  await page.goto('/?preset=nano&seed=1');
  await lab.id('load-pretrained').click();
  await expect(lab.modelStats()).toContainText('4×4×128, block 64');
  await expect(lab.id('train-step')).toHaveText('3500');
  await expect(lab.id('corpus-text')).not.toHaveValue(/The lamp and the moth/);
  await expect(lab.id('error')).toBeEmpty();
});
