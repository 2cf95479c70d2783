/**
 * "Train this in PyTorch" as a student does it: train in the tab, download the bundle, run it with
 * torchrun on two CPU processes (gloo), and open what PyTorch wrote back in the lab. Where the
 * system's python3 has no torch the PyTorch half is skipped, saying so.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { greedyOf, hasTorch, itersOf, run, TORCHRUN, torchAbsent } from '../scripts/torch-process';
import { expect, test } from './fixtures';
import { Lab } from './lab';

const SHAKESPEARE = new URL('../../shared/data/tinyshakespeare.txt', import.meta.url);

test(`a model trained in the tab goes on training under torchrun and comes back${torchAbsent}`, async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.open('preset=nano&seed=3&maxSteps=60');
  await lab.id('corpus-text').fill(readFileSync(SHAKESPEARE, 'utf8').slice(0, 30_000));
  expect(await lab.train()).toBe('done');
  const appLoss = await lab.number('train-loss');
  const vocab = Number((await lab.text('corpus-stats')).match(/vocabulary (\d+)/)?.[1]);

  // The bundle: train.py and all it needs, the recipe the lab used, the weights at step 60.
  const zip = await lab.download(lab.id('export-pytorch'));
  expect(zip.name).toMatch(/-pytorch\.zip$/);
  const files = unzipSync(new Uint8Array(zip.bytes));
  for (const name of ['train.py', 'README.md', 'config.json', 'ckpt.safetensors', 'input.txt', 'train.bin'])
    expect(Object.keys(files)).toContain(name);
  const config = JSON.parse(new TextDecoder().decode(files['config.json']));
  expect(config.model).toMatchObject({
    n_layer: 2,
    n_head: 4,
    n_embd: 64,
    block_size: 32,
    vocab_size: vocab,
  });
  expect(config.train).toMatchObject({ start_step: 60, seed: 3 });

  test.skip(!hasTorch, torchAbsent);
  const dir = mkdtempSync(join(tmpdir(), 'tinygpt-bundle-'));
  for (const [name, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), bytes);
  }
  const prompt = 'ROMEO:';
  const { out, ms } = run(
    [
      ...TORCHRUN,
      '--standalone',
      '--nproc_per_node=2',
      'train.py',
      '--device=cpu',
      '--max_iters=20',
      `--sample_prompt=${prompt}`,
      '--sample_tokens=40',
    ],
    dir,
  );
  const iters = itersOf(out);
  console.log(
    `[pytorch] torchrun 2×cpu (gloo), 20 iters in ${(ms / 1000).toFixed(1)} s: loss ${iters[0].loss} → ${iters.at(-1)!.loss}; the app's last ${appLoss}, a fresh model's ≈ ln ${vocab} = ${Math.log(vocab).toFixed(2)}`,
  );
  expect(out).toContain('2 process(es) on cpu');
  expect(iters.map((i) => i.step)).toEqual(Array.from({ length: 20 }, (_, k) => 61 + k));
  // It goes on from the lab's weights: its first loss is the app's, not a fresh model's ln V.
  expect(iters[0].loss).toBeLessThan((appLoss + Math.log(vocab)) / 2);
  expect(Math.abs(iters[0].loss - appLoss)).toBeLessThan(0.35);
  const pytorchText = greedyOf(out);

  // Back in the lab: PyTorch's checkpoint opens at step 80 and writes PyTorch's greedy text.
  await lab.importCheckpoint(join(dir, 'out', 'ckpt.safetensors'));
  await expect(lab.id('train-step')).toHaveText('80');
  await expect(lab.id('error')).toBeEmpty();
  expect(await lab.generateGreedy(prompt, 40)).toBe(pytorchText);
});
