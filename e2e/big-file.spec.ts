/** A text file far over the limit (200 MB): its first 20 MB are taken, said so, and trained on. */
import { randomBytes } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { Lab } from './lab';

const MB = 1_000_000;

/** A 200 MB UTF-8 text file on disk: lines of words, with a two-byte letter (é) now and then. */
async function writeBigText(path: string, bytes: number): Promise<void> {
  const words = ['the', 'cat', 'sat', 'on', 'a', 'mat', 'café', 'and', 'dog', 'ran'];
  const pick = randomBytes(4096);
  const line = Array.from(pick.subarray(0, 12), (b) => words[b % words.length]).join(' ');
  const block = Buffer.from(`${line}\n`.repeat(Math.ceil(MB / (line.length + 1))));
  const file = await open(path, 'w');
  for (let written = 0; written < bytes; written += block.length) await file.write(block);
  await file.close();
}

test('a 200 MB text file: the first 20 MB are taken, with a clear note, and the model trains on them', async ({
  page,
}) => {
  const path = join(tmpdir(), `tinygpt-big-${process.pid}.txt`);
  await writeBigText(path, 200 * MB);
  try {
    const lab = new Lab(page);
    await lab.open('preset=nano&seed=1&maxSteps=5');
    await lab.corpusFile(path);
    await expect(page.getByRole('status').filter({ hasText: 'so it took the first 20 MB' })).toBeVisible();
    await expect(lab.id('corpus-stats')).toContainText('(first 20 MB)');
    const chars = Number((await lab.text('corpus-stats')).split(' ')[0].replaceAll(',', ''));
    expect(chars).toBeGreaterThan(18 * MB); // é takes two bytes: fewer characters than bytes
    expect(chars).toBeLessThanOrEqual(20 * MB);
    await expect(lab.id('error')).toBeEmpty();
    // The box shows the start of it (a 20-million-character textarea would freeze the tab for seconds).
    await expect(page.getByText(/Showing the first 100,000 of [\d,]+ characters/)).toBeVisible();
    expect((await lab.id('corpus-text').inputValue()).length).toBeLessThanOrEqual(100_001);
    expect(await lab.train()).toBe('done');
    expect(await lab.number('train-step')).toBe(5);
    // Writing one's own text over it: the box empties, and what is typed becomes the corpus.
    await page.getByRole('button', { name: 'Write my own text instead' }).click();
    await expect(lab.id('corpus-text')).toHaveValue('');
    await lab.setCorpus('hello there\n'.repeat(100));
    await expect(lab.id('corpus-stats')).toContainText('1,200 characters');
  } finally {
    await rm(path, { force: true });
  }
});
