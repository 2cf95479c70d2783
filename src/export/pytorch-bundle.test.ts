import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeCheckpoint, encodeCheckpoint } from '../model/checkpoint';
import { makeConfig } from '../model/config';
import { initialWeights } from '../model/params';
import {
  BUNDLE_FILES,
  binToTokens,
  buildPytorchBundle,
  type PytorchRecipe,
  pytorchRecipe,
  tokensToBin,
} from './pytorch-bundle';

const chars = [...' abcdefgh'];
const config = makeConfig({ n_layer: 1, n_head: 2, n_embd: 8, block_size: 4 }, chars.length, { tied: true });
const checkpoint = encodeCheckpoint({
  config,
  tokenizer: { kind: 'char', chars },
  step: 7,
  corpusSha256: 'cd'.repeat(32),
  weights: initialWeights(config, 1),
});
const recipe: PytorchRecipe = pytorchRecipe({
  batchSize: 12,
  schedule: { learningRate: 1e-3, minLr: 1e-4, warmupIters: 10, decayIters: 500 },
  adamw: { beta1: 0.9, beta2: 0.99, eps: 1e-8, weightDecay: 0.1, gradClip: 1 },
  seed: 42,
  rngState: 0xdeadbeef,
  maxIters: 500,
  evalInterval: 50,
  evalIters: 10,
  startStep: 7,
});
const corpus = 'abc defgh ha ha hee';
const ids = Int32Array.from([...corpus], (c) => chars.indexOf(c));
const train = ids.subarray(0, 17);
const val = ids.subarray(17);

describe('the PyTorch bundle', () => {
  const zip = buildPytorchBundle({
    checkpoint,
    corpus,
    train,
    val,
    config,
    recipe,
    mtime: new Date(2024, 0, 1),
  });
  const files = unzipSync(zip);

  it('holds every file, the corpus and the checkpoint byte for byte', () => {
    expect(Object.keys(files).sort()).toEqual([...BUNDLE_FILES].sort());
    expect(strFromU8(files['input.txt'])).toBe(corpus);
    expect(files['ckpt.safetensors']).toEqual(checkpoint);
    expect(decodeCheckpoint(files['ckpt.safetensors']).step).toBe(7);
    expect(strFromU8(files['train.py'])).toContain('def get_lr(it)');
    expect(strFromU8(files['convert_nanogpt.py'])).toContain('def convert(');
    expect(strFromU8(files['README.md'])).toContain('torchrun --standalone --nproc_per_node=N train.py');
  });

  it('writes train.bin and val.bin as uint16 little-endian ids of the given split', () => {
    expect(files['train.bin'].byteLength).toBe(2 * train.length);
    expect(binToTokens(files['train.bin'])).toEqual(Int32Array.from(train));
    expect(binToTokens(files['val.bin'])).toEqual(Int32Array.from(val));
    expect([...tokensToBin(Int32Array.of(1, 0x1234))]).toEqual([1, 0, 0x34, 0x12]); // little-endian
    expect(() => tokensToBin(Int32Array.of(70000))).toThrow(RangeError);
  });

  it("carries the model config and the app's recipe in config.json", () => {
    const json = JSON.parse(strFromU8(files['config.json']));
    expect(json.model).toEqual({
      n_layer: 1,
      n_head: 2,
      n_embd: 8,
      block_size: 4,
      vocab_size: chars.length,
      bias: true,
      tied: true,
      dropout: 0,
    });
    expect(json.train).toEqual({
      batch_size: 12,
      gradient_accumulation_steps: 1,
      learning_rate: 1e-3,
      min_lr: 1e-4,
      warmup_iters: 10,
      lr_decay_iters: 500,
      max_iters: 500,
      beta1: 0.9,
      beta2: 0.99,
      eps: 1e-8,
      weight_decay: 0.1,
      grad_clip: 1,
      seed: 42,
      rng_state: 0xdeadbeef,
      eval_interval: 50,
      eval_iters: 10,
      start_step: 7,
    });
  });

  it('gives the same bytes for the same input and time', () => {
    const again = buildPytorchBundle({
      checkpoint,
      corpus,
      train,
      val,
      config,
      recipe,
      mtime: new Date(2024, 0, 1),
    });
    expect(again).toEqual(zip);
  });
});
