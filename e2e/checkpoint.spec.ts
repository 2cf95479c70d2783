import { expect, test } from './fixtures';
import { Lab } from './lab';
import { readHeader, tensor } from './safetensors';

test('export a trained model as safetensors, reset, import it back: the same text comes out', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.open('preset=nano&seed=5&maxSteps=20');
  expect(await lab.train()).toBe('done');
  const vocab = Number((await lab.text('corpus-stats')).match(/vocabulary (\d+)/)?.[1]);
  expect(vocab).toBeGreaterThan(10);
  const a = await lab.generateGreedy('The ', 40);
  expect([...a]).toHaveLength(40);

  // Export: a .safetensors download with nanoGPT's names, PyTorch shapes and the config in __metadata__.
  const file = await lab.exportCheckpoint();
  expect(file.name).toMatch(/\.safetensors$/);
  const { header, dataStart } = readHeader(file.bytes);
  expect(dataStart % 8).toBe(0);
  const wte = tensor(header, 'transformer.wte.weight');
  expect(wte.dtype).toBe('F32');
  expect(wte.shape).toEqual([vocab, 64]);
  expect(tensor(header, 'transformer.h.1.attn.c_attn.weight').shape).toEqual([192, 64]); // (out, in)
  const config = JSON.parse(header.__metadata__?.config ?? 'null');
  expect(config).toMatchObject({ n_layer: 2, n_head: 4, n_embd: 64, block_size: 32, vocab_size: vocab });
  expect(header.__metadata__?.step).toBe('20');
  const dataEnd = Math.max(
    ...Object.entries(header)
      .filter(([name]) => name !== '__metadata__')
      .map(([name]) => tensor(header, name).data_offsets[1]),
  );
  expect(file.bytes.length).toBe(dataStart + dataEnd);

  // Reset: a new, untrained model writes something else.
  await lab.id('train-reset').click();
  await expect(lab.id('train-step')).toHaveText('0');
  await expect(lab.id('status')).toHaveText('idle');
  expect(await lab.generateGreedy('The ', 40)).not.toBe(a);

  // Import the download: the trained model is back, step and all.
  await lab.importCheckpoint(file.path);
  await expect(lab.id('train-step')).toHaveText('20');
  await expect(lab.id('error')).toBeEmpty();
  expect(await lab.generateGreedy('The ', 40)).toBe(a);
});
