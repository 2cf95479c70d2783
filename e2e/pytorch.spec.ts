/**
 * "Train this in PyTorch" as a student does it: train in the tab, download the bundle, run it with
 * torchrun on two CPU processes (gloo), and open what PyTorch wrote back in the lab. Where the
 * system's python3 has no torch the PyTorch half is skipped, saying so.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { ddpTrainPy, greedyOf, hasTorch, itersOf, PY, run, torchAbsent } from '../scripts/torch-process';
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
    ddpTrainPy(2, ['--max_iters=20', `--sample_prompt=${prompt}`, '--sample_tokens=40']),
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

/** A karpathy/nanoGPT character model as its train.py saves it (torch.compile'd names, mask buffers, tied head, no biases). */
const NANOGPT_RUN = String.raw`
import json, os, pickle, sys, torch
sys.path.insert(0, sys.argv[1])
from nanogpt_ref import GPT, GPTConfig
torch.manual_seed(1)
chars = sorted(set('abcdefgh \n'))
args = dict(n_layer=2, n_head=2, n_embd=16, block_size=8, bias=False, vocab_size=len(chars), dropout=0.0)
model = GPT(GPTConfig(**{k: v for k, v in args.items() if k != 'dropout'}, tied=True))
sd = {'_orig_mod.' + k: v for k, v in model.state_dict().items()}
for i in range(2):
    sd[f'_orig_mod.transformer.h.{i}.attn.bias'] = torch.tril(torch.ones(8, 8)).view(1, 1, 8, 8)
os.makedirs('out-toy', exist_ok=True)
torch.save({'model': sd, 'model_args': args, 'iter_num': 300, 'config': {'dataset': 'toy'}}, 'out-toy/ckpt.pt')
os.makedirs('data/toy', exist_ok=True)
pickle.dump({'vocab_size': len(chars), 'itos': dict(enumerate(chars)), 'stoi': {c: i for i, c in enumerate(chars)}},
            open('data/toy/meta.pkl', 'wb'))
idx = [chars.index(c) for c in 'abc']
with torch.no_grad():
    for _ in range(12):  # greedy, the context cropped to block_size as nanoGPT's generate does
        logits, _ = model(torch.tensor([idx[-8:]]))
        idx.append(int(logits[0, -1].argmax()))
print('greedy: ' + json.dumps(''.join(chars[i] for i in idx[3:])))
`;

test(`a model trained with karpathy/nanoGPT, converted by the bundle's script, opens in the lab${torchAbsent}`, async ({
  page,
}) => {
  test.skip(!hasTorch, torchAbsent);
  const dir = mkdtempSync(join(tmpdir(), 'tinygpt-nanogpt-'));
  writeFileSync(join(dir, 'make.py'), NANOGPT_RUN);
  const expected = greedyOf(run([PY, 'make.py', new URL('../scripts', import.meta.url).pathname], dir).out);
  writeFileSync(
    join(dir, 'convert_nanogpt.py'),
    readFileSync(new URL('../src/export/pytorch/convert_nanogpt.py', import.meta.url)),
  );
  // As its README says (torch 1.13 here wants --trust_pickle for nanoGPT's plain floats).
  run(
    [
      PY,
      'convert_nanogpt.py',
      'out-toy/ckpt.pt',
      '--meta=data/toy/meta.pkl',
      '--out=toy.safetensors',
      '--trust_pickle',
    ],
    dir,
  );

  const lab = new Lab(page);
  await lab.open('preset=nano&seed=1');
  await lab.importCheckpoint(join(dir, 'toy.safetensors'));
  await expect(lab.id('train-step')).toHaveText('300');
  await expect(lab.id('error')).toBeEmpty();
  await expect(lab.modelStats()).toContainText('2×2×16, block 8');
  expect(await lab.generateGreedy('abc', 12)).toBe(expected);
  await expect(lab.id('panel-next-token').locator('svg').first()).toBeVisible();
});
