/**
 * The bundle's train.py and convert_nanogpt.py, run by the system's PyTorch (Debian's python3-torch):
 * train.py continues the app's run with the app's losses, DDP over two CPU processes trains and writes
 * a checkpoint the app reads back, and a nanoGPT ckpt.pt converts to the same logits.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  torchAbsent as absent,
  ddpTrainPy,
  greedyOf,
  hasTorch,
  itersOf,
  PY,
  run,
} from '../../scripts/torch-process';
import { DEFAULT_ADAMW } from '../model/adamw';
import { type Split, splitTokens } from '../model/batch';
import { decodeCheckpoint, encodeCheckpoint } from '../model/checkpoint';
import { makeConfig } from '../model/config';
import { generate } from '../model/generate';
import { GPT } from '../model/gpt';
import { Rng } from '../model/rng';
import { trainChar } from '../model/tokenizer';
import { Trainer, trainSteps } from '../model/trainer';
import { initNodeBackend } from '../worker/backend.node';
import { buildPytorchBundle, type PytorchRecipe, pytorchRecipe } from './pytorch-bundle';

if (!hasTorch) console.warn(`[pytorch bundle] train.py and convert_nanogpt.py not run${absent}`);
const GREEDY = { mode: 'greedy', temperature: 1, topK: 0, topP: 1 } as const;

/** A small text with plenty of structure, so a tiny model learns it in a few dozen steps. */
function makeCorpus(): string {
  const rng = new Rng(3);
  const who = ['the cat', 'a dog', 'my hen', 'the fox'];
  const did = ['sat on', 'ran to', 'hid by', 'saw'];
  const what = ['the mat.', 'a log.', 'the hill.', 'my hat.'];
  let text = '';
  while (text.length < 6000) text += `${who[rng.int(4)]} ${did[rng.int(4)]} ${what[rng.int(4)]}\n`;
  return text;
}

describe.skipIf(!hasTorch)('train.py from the bundle', () => {
  const corpus = makeCorpus();
  const tok = trainChar(corpus);
  const split: Split = splitTokens(tok.encode(corpus));
  const config = makeConfig({ n_layer: 2, n_head: 2, n_embd: 32, block_size: 16 }, tok.vocabSize);
  const PRE_STEPS = 60;
  let dir = '';
  let recipe: PytorchRecipe;
  let weights: Map<string, Float32Array>;

  beforeAll(async () => {
    // The app trains a while (on wasm: fast), then exports: weights, its batch RNG and where it stopped.
    await initNodeBackend('wasm');
    const model = GPT.create(config, 1);
    const trainer = new Trainer(model, split, {
      batchSize: 8,
      seed: 5,
      schedule: { learningRate: 1e-2, minLr: 1e-3, warmupIters: 5, decayIters: 100 },
    });
    const t0 = performance.now();
    const pre = await trainSteps(trainer, PRE_STEPS);
    console.log(
      `[pytorch bundle] app pre-training, ${PRE_STEPS} steps in ${(performance.now() - t0).toFixed(0)} ms: loss ${pre[0].toFixed(4)} → ${pre.at(-1)!.toFixed(4)}`,
    );
    weights = await model.readWeights();
    const checkpoint = encodeCheckpoint({
      config,
      tokenizer: tok.toJSON(),
      step: PRE_STEPS,
      corpusSha256: '',
      weights,
    });
    recipe = pytorchRecipe({
      batchSize: 8,
      schedule: { learningRate: 3e-3, minLr: 3e-4, warmupIters: 2, decayIters: 20 },
      adamw: DEFAULT_ADAMW,
      seed: 5,
      rngState: trainer.rngState,
      maxIters: 20,
      evalInterval: 1000,
      evalIters: 2,
      startStep: PRE_STEPS,
    });
    trainer.dispose();
    model.dispose();
    await initNodeBackend('cpu'); // the reference the continuations below are compared on
    const zip = buildPytorchBundle({ checkpoint, corpus, ...split, config, recipe });
    dir = mkdtempSync(join(tmpdir(), 'tinygpt-pytorch-'));
    for (const [name, data] of Object.entries(unzipSync(zip))) writeFileSync(join(dir, name), data);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The app's own continuation: the exported weights, a fresh AdamW, the same RNG state and schedule. */
  async function appContinuation(steps: number) {
    const model = new GPT(config, weights);
    const trainer = new Trainer(model, split, {
      batchSize: recipe.batch_size,
      seed: recipe.seed,
      schedule: {
        learningRate: recipe.learning_rate,
        minLr: recipe.min_lr,
        warmupIters: recipe.warmup_iters,
        decayIters: recipe.lr_decay_iters,
      },
    });
    trainer.rngState = recipe.rng_state;
    const losses = await trainSteps(trainer, steps);
    const est = await trainer.estimateLoss(recipe.eval_iters);
    trainer.dispose();
    model.dispose();
    return { losses, est };
  }

  it(`continues the app's run with the app's losses, step for step${absent}`, async () => {
    const { losses, est } = await appContinuation(5);
    const { out, ms } = run([PY, 'train.py', '--device=cpu', '--max_iters=5', '--eval_interval=1000'], dir);
    const py = itersOf(out);
    console.log(`[pytorch bundle] ${ms.toFixed(0)} ms; app ${losses.map((l) => l.toFixed(6)).join(' ')}`);
    console.log(`[pytorch bundle]   train.py ${py.map((p) => p.loss.toFixed(6)).join(' ')}`);
    expect(py.map((p) => p.step)).toEqual([61, 62, 63, 64, 65]);
    py.forEach((p, i) => {
      expect(Math.abs(p.loss - losses[i]) / losses[i], `iter ${p.step}`).toBeLessThan(1e-4);
    });
    // The closing evaluation: the app's estimateLoss batches (Rng(seed+1), Rng(seed+2)); printed to 4 places.
    const m = /^step 65: train loss ([\d.]+), val loss ([\d.]+)/m.exec(out)!;
    expect(Math.abs(Number(m[1]) - est.train)).toBeLessThan(2e-4);
    expect(Math.abs(Number(m[2]) - est.val)).toBeLessThan(2e-4);
    expect(decodeCheckpoint(new Uint8Array(readFileSync(join(dir, 'out/ckpt.safetensors')))).step).toBe(65);
  });

  it(`keeps the effective batch with gradient accumulation: 2 micro-batches of 4 = the app's 8${absent}`, async () => {
    const { losses } = await appContinuation(3);
    const { out } = run(
      [
        PY,
        'train.py',
        '--device=cpu',
        '--max_iters=3',
        '--batch_size=4',
        '--gradient_accumulation_steps=2',
        '--out_dir=accum',
      ],
      dir,
    );
    expect(out).toContain('effective batch 8 sequences = 1 x 2 micro-steps x 4');
    const py = itersOf(out);
    console.log(`[pytorch bundle] accumulated 2×4: ${py.map((p) => p.loss.toFixed(6)).join(' ')}`);
    py.forEach((p, i) => {
      expect(Math.abs(p.loss - losses[i]) / losses[i], `iter ${p.step}`).toBeLessThan(1e-4);
    });
    expect(py).toHaveLength(3);
  });

  it(`trains with DDP over 2 processes and writes a checkpoint the app reads back${absent}`, async () => {
    const prompt = 'the cat ';
    const { out, ms } = run(
      ddpTrainPy(2, ['--max_iters=20', '--out_dir=ddp', `--sample_prompt=${prompt}`, '--sample_tokens=24']),
      dir,
    );
    const py = itersOf(out);
    const { losses } = await appContinuation(1);
    console.log(
      `[pytorch bundle] DDP 2×cpu, 20 iters in ${(ms / 1000).toFixed(1)} s: loss ${py[0].loss} → ${py.at(-1)!.loss} (app's first ${losses[0].toFixed(4)}, ln V ${Math.log(tok.vocabSize).toFixed(2)})`,
    );
    expect(out).toContain('2 process(es) on cpu');
    expect(py.map((p) => p.step)).toEqual(Array.from({ length: 20 }, (_, i) => PRE_STEPS + 1 + i));
    // Rank 0 draws the app's first 4 windows, rank 1 four others: close to the app's loss, not equal.
    expect(Math.abs(py[0].loss - losses[0])).toBeLessThan(0.25 * losses[0]);
    expect(py[0].loss).toBeLessThan(0.6 * Math.log(tok.vocabSize));
    const ck = decodeCheckpoint(new Uint8Array(readFileSync(join(dir, 'ddp/ckpt.safetensors'))));
    expect(ck.step).toBe(PRE_STEPS + 20);
    expect(ck.tokenizer).toEqual(tok.toJSON());
    const model = new GPT(ck.config, ck.weights);
    const ids = await generate(model, tok.encode(prompt), 24, GREEDY, new Rng(0));
    model.dispose();
    expect(tok.decode(ids)).toBe(greedyOf(out));
  });

  it(`resumes a stopped run where it left off${absent}`, () => {
    // The DDP run above wrote ddp/ at step 80; resuming to --max_iters=22 takes two more iterations.
    const { out } = run(
      [PY, 'train.py', '--device=cpu', '--init_from=resume', '--out_dir=ddp', '--max_iters=22'],
      dir,
    );
    expect(itersOf(out).map((p) => p.step)).toEqual([PRE_STEPS + 21, PRE_STEPS + 22]);
    expect(decodeCheckpoint(new Uint8Array(readFileSync(join(dir, 'ddp/ckpt.safetensors')))).step).toBe(
      PRE_STEPS + 22,
    );
  });
});

describe.skipIf(!hasTorch)('convert_nanogpt.py', () => {
  it(`turns a nanoGPT ckpt.pt + meta.pkl into the app's format with the same logits, refuses GPT-2 BPE${absent}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'tinygpt-nanogpt-'));
    mkdirSync(join(dir, 'data'));
    writeFileSync(
      join(dir, 'convert_nanogpt.py'),
      readFileSync(new URL('./pytorch/convert_nanogpt.py', import.meta.url)),
    );
    writeFileSync(join(dir, 'fake.py'), FAKE_NANOGPT);
    const ref = new URL('../../scripts', import.meta.url).pathname;
    const { out } = run([PY, 'fake.py', ref], dir);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
    expect(out).toContain("trained on GPT-2's BPE"); // the refusal, and why
    const ck = decodeCheckpoint(new Uint8Array(readFileSync(join(dir, 'model.safetensors'))));
    expect(ck.config).toMatchObject({ tied: true, bias: false, vocab_size: 7, n_layer: 2 });
    expect(ck.tokenizer).toEqual({ kind: 'char', chars: [...'\n abcde'] });
    expect(ck.step).toBe(42);
    const model = new GPT(ck.config, ck.weights);
    const logits = tf.tidy(() =>
      model.forward(tf.tensor2d(expected.idx, [1, expected.idx[0].length], 'int32')).logits.dataSync(),
    );
    model.dispose();
    let err = 0;
    (expected.logits as number[]).forEach((v, i) => {
      err = Math.max(err, Math.abs(v - logits[i]));
    });
    console.log(`[pytorch bundle] nanoGPT → app: max |Δlogit| ${err.toExponential(2)}`);
    expect(err).toBeLessThan(1e-4);
    rmSync(dir, { recursive: true, force: true });
  });
});

/** A nanoGPT-style checkpoint from scripts/nanogpt_ref.py's model (nanoGPT's names and math), converted. */
const FAKE_NANOGPT = String.raw`
import json, pickle, sys, torch
sys.path.insert(0, sys.argv[1])
from nanogpt_ref import GPT, GPTConfig
import convert_nanogpt

torch.manual_seed(0)
chars = sorted(set('abcde \n'))
model = GPT(GPTConfig(block_size=8, vocab_size=len(chars), n_layer=2, n_head=2, n_embd=16, bias=False, tied=True))
sd = {'_orig_mod.' + k: v for k, v in model.state_dict().items()}  # as a torch.compile'd model saves
for i in range(2):  # nanoGPT without flash attention keeps its causal mask in the state_dict
    sd[f'_orig_mod.transformer.h.{i}.attn.bias'] = torch.tril(torch.ones(8, 8)).view(1, 1, 8, 8)
args = dict(n_layer=2, n_head=2, n_embd=16, block_size=8, bias=False, vocab_size=len(chars), dropout=0.0)
torch.save({'model': sd, 'model_args': args, 'iter_num': 42, 'best_val_loss': torch.tensor(1.5),
            'config': {'dataset': 'toy'}}, 'ckpt.pt')
import os
os.makedirs('data/toy', exist_ok=True)
with open('data/toy/meta.pkl', 'wb') as f:
    pickle.dump({'vocab_size': len(chars), 'itos': dict(enumerate(chars)), 'stoi': {c: i for i, c in enumerate(chars)}}, f)
# finds data/toy/meta.pkl by itself; trust_pickle: torch 1.13's weights_only loader can't read floats
convert_nanogpt.convert('ckpt.pt', out_path='model.safetensors', trust_pickle=True)

big = GPT(GPTConfig(block_size=8, vocab_size=50304, n_layer=1, n_head=2, n_embd=4, bias=False, tied=True))
torch.save({'model': big.state_dict(), 'model_args': dict(args, vocab_size=50304, n_layer=1, n_embd=4),
            'config': {'dataset': 'openwebtext'}}, 'gpt2.pt')
try:
    convert_nanogpt.convert('gpt2.pt', trust_pickle=True)
    print('converted a GPT-2 BPE model: it should have been refused')
except SystemExit as e:
    print(e)

idx = [[2, 3, 1, 4, 5, 6, 0, 2]]
with torch.no_grad():
    logits, _ = model(torch.tensor(idx))
json.dump({'idx': idx, 'logits': logits.flatten().tolist()}, open('expected.json', 'w'))
`;
