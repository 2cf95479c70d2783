/**
 * Fine-tune: the page opens with the pretrained model; a person pastes a text with characters its
 * vocabulary lacks, sees them listed, adds them (extend) and fine-tunes a few steps — the loss on
 * the new text starts far below a new model's and the vocabulary grows — then drops the new
 * characters of another text and sees how many went.
 */
import { expect, test } from './fixtures';
import { Lab } from './lab';

// Shakespeare with "é", "ü", "{" and "}", none of which Tiny Shakespeare (the model's 65 characters) holds.
const EXTEND_TEXT = `{ROMEO}:
But soft, what light through yonder window breaks?
It is thé east, and Juliet is thé sun.
Arise, fair sun, and kill thé envious moon,
Who is already sick and pale with grief.

{JULIET}:
O Romeo, Romeo! wherefore art thoü Romeo?
Deny thy father and refuse thy name;
Or, if thoü wilt not, be but sworn my love,
And I'll no longer be a Capulet.
`.repeat(5);

// Then "ß" and "ñ", which the grown vocabulary still lacks.
const DROP_TEXT = `HAMLET:
To be, or not to be, that is the queßtion:
Whether 'tis nobler in the mind to suffer
The slings and arrows of outrageouñ fortune,
Or to take arms against a sea of troubleñ.
`.repeat(6);
const count = (text: string, ch: string) => [...text].filter((c) => c === ch).length;

test('fine-tune the pretrained model on a new text: extend, then drop', async ({ page }) => {
  const lab = new Lab(page);
  await page.goto('/');
  await lab.setCorpus(EXTEND_TEXT);

  // The characters the vocabulary lacks are listed, each with its count.
  const missing = lab.id('fine-tune-missing');
  for (const ch of ['{', '}', 'é', 'ü']) await expect(missing).toContainText(ch);
  await expect(missing).toContainText(`×${count(EXTEND_TEXT, 'é')}`);
  await lab.id('vocab-policy').selectOption('extend');
  await lab.setNumber(lab.id('fine-tune-steps'), 4);
  await lab.id('fine-tune').click();

  // The loss on the new text before any step is shown at once, far below a model that knows nothing.
  const lnVocab = Math.log(65 + 4);
  await expect(lab.id('fine-tune-start-val')).toHaveText(/^\d+\.\d+$/, { timeout: 170_000 });
  expect(Number(await lab.text('fine-tune-start-val'))).toBeLessThan(0.6 * lnVocab);
  await expect(lab.id('fine-tune-before')).toContainText('{ROMEO}:');
  await expect(lab.id('status')).toHaveText('done', { timeout: 170_000 });
  expect(await lab.number('train-step')).toBe(3500 + 4);
  expect(await lab.number('val-loss')).toBeLessThan(0.6 * lnVocab);
  // The same model, its vocabulary grown by the four characters; the same prompt after the steps.
  await expect(lab.modelStats()).toContainText('4×4×128, block 64');
  await expect(lab.modelStats()).toContainText('vocab 69');
  await expect(lab.id('fine-tune-added')).toContainText('65 → 69');
  await expect(lab.id('fine-tune-after')).toContainText('{ROMEO}:');
  await expect(lab.id('error')).toBeEmpty();

  // Another text: this time the new characters are dropped from it, and the count is shown.
  await lab.setCorpus(DROP_TEXT);
  await expect(missing).toContainText('ß');
  await expect(missing).toContainText('ñ');
  await lab.id('vocab-policy').selectOption('drop');
  await lab.id('fine-tune').click();
  const removed = count(DROP_TEXT, 'ß') + count(DROP_TEXT, 'ñ');
  // Shown once the model is ready (a loss and a sample measured before the first step).
  await expect(lab.id('fine-tune-removed')).toContainText(`Removed ${removed} characters`, {
    timeout: 170_000,
  });
  await expect(lab.id('train-step')).toHaveText(String(3504 + 4), { timeout: 170_000 });
  await expect(lab.id('status')).toHaveText('done');
  await expect(lab.id('corpus-stats')).toContainText(
    `${([...DROP_TEXT].length - removed).toLocaleString('en')} characters`,
  );
  await expect(lab.id('corpus-text')).toHaveValue(DROP_TEXT.replaceAll(/[ßñ]/g, ''));
  await expect(lab.modelStats()).toContainText('vocab 69'); // nothing added this time
  await expect(lab.id('error')).toBeEmpty();
});
