import { expect, test } from './fixtures';
import { Lab } from './lab';
import { noise, readHeader, withHeader } from './safetensors';

test.describe('bad input gets a specific message and the lab keeps working', () => {
  test('corpus: empty text, binary file, oversized file, a corpus shorter than a block', async ({ page }) => {
    const lab = new Lab(page);
    await lab.open('preset=nano&seed=1&maxSteps=10');
    const stats = await lab.text('corpus-stats');
    const original = await lab.id('corpus-text').inputValue();

    // Empty text: refused as soon as typing pauses, and again on Train; the old corpus stays, nothing trains.
    await lab.setCorpus('');
    await lab.expectError(/corpus is empty/);
    await expect(lab.id('corpus-stats')).toHaveText(stats);
    await lab.dismissError();
    expect(await lab.train()).toBe('idle');
    await lab.expectError(/corpus is empty/);
    await expect(lab.id('corpus-stats')).toHaveText(stats);
    await expect(lab.id('train-step')).toHaveText('0');

    // A binary file (NUL bytes).
    await lab.corpusFile({
      name: 'x.bin',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 0, 3, 104, 105]),
    });
    await lab.expectError(/"x\.bin" is not a text file/);
    await expect(lab.id('corpus-stats')).toHaveText(stats);

    // A file over the 20 MB limit that is not text either: refused, naming the file.
    const binary = Buffer.alloc(21_000_000, 'a');
    binary[5] = 0;
    await lab.corpusFile({ name: 'big.bin', mimeType: 'application/octet-stream', buffer: binary });
    await lab.expectError(/"big\.bin" is not a text file/);
    await expect(lab.id('corpus-stats')).toHaveText(stats);

    // Three characters are a valid text but cannot fill one block of 32 (+1) tokens: training refuses.
    await lab.setCorpus('abc');
    await expect(lab.id('corpus-stats')).toContainText('3 characters');
    expect(await lab.train()).toBe('idle');
    await lab.expectError(/too short.*block size 32/);
    await expect(lab.id('train-step')).toHaveText('0');

    // Put the text back: training works.
    await lab.setCorpus(original);
    await expect(lab.id('corpus-stats')).toHaveText(stats.replace(/ · [^·]*$/, ' · typed or pasted'));
    expect(await lab.train()).toBe('done');
    await expect(lab.id('error')).toBeEmpty();
    expect(await lab.number('train-step')).toBe(10);
  });

  test('model: unknown prompt characters, corrupt and mismatched checkpoints, a NaN learning rate', async ({
    page,
  }) => {
    const lab = new Lab(page);
    await lab.open('preset=nano&seed=9&maxSteps=20');
    expect(await lab.train()).toBe('done');
    const stats = await lab.text('corpus-stats');
    const good = await lab.generateGreedy('The ', 40);
    expect([...good]).toHaveLength(40);

    // A prompt with characters the char vocabulary never saw: the message names them.
    await lab.generateGreedy('€☃', 10);
    await lab.expectError(/prompt/);
    await lab.expectError(/"€"/);
    await lab.expectError(/"☃"/);
    expect(await lab.generateGreedy('The ', 40)).toBe(good);
    await expect(lab.id('error')).toBeEmpty();

    // Random bytes named .safetensors.
    await lab.importCheckpoint({
      name: 'corrupt.safetensors',
      mimeType: 'application/octet-stream',
      buffer: noise(4096),
    });
    await lab.expectError(/Could not load "corrupt\.safetensors": .*(header|safetensors)/);
    await lab.expectError(/model is unchanged/);
    await expect(lab.id('train-step')).toHaveText('20');
    expect(await lab.generateGreedy('The ', 40)).toBe(good);

    // A well-formed file whose config (n_embd 32) does not match its tensors (64 wide).
    const exported = await lab.exportCheckpoint();
    const { header } = readHeader(exported.bytes);
    const meta = header.__metadata__!;
    header.__metadata__ = { ...meta, config: JSON.stringify({ ...JSON.parse(meta.config), n_embd: 32 }) };
    await lab.importCheckpoint({
      name: 'mismatched.safetensors',
      mimeType: 'application/octet-stream',
      buffer: withHeader(exported.bytes, header),
    });
    await lab.expectError(/Could not load "mismatched\.safetensors": .*shape/);
    await lab.expectError(/model is unchanged/);
    await expect(lab.id('train-step')).toHaveText('20');
    await expect(lab.modelStats()).toContainText('2×4×64, block 32');
    expect(await lab.generateGreedy('The ', 40)).toBe(good);

    // A learning rate so large the loss blows up: training stops, the last good weights come back.
    await lab.setLearningRate('1e6');
    await lab.setMaxSteps(30);
    expect(await lab.train()).toBe('error');
    await lab.expectError(/loss became (NaN|-?Infinity)/);
    await lab.expectError(/learning rate 1000000 is probably too high/);
    await lab.expectError(/back to step 20\b/);
    await expect(lab.id('train-step')).toHaveText('20');
    expect(await lab.generateGreedy('The ', 40)).toBe(good);
    await expect(lab.id('corpus-stats')).toHaveText(stats);

    // With a sane learning rate the same model trains on from step 20.
    await lab.setLearningRate('0.003');
    expect(await lab.train()).toBe('done');
    expect(await lab.number('train-step')).toBe(30);
    expect(Number.isFinite(await lab.number('train-loss'))).toBe(true);
  });
});
