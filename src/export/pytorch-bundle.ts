/**
 * "Train this in PyTorch": the .zip that carries a lab model and its recipe to PyTorch.
 *
 * Files: train.py (the model and the lab's recipe, one file), convert_nanogpt.py (nanoGPT ckpt.pt →
 * this app's safetensors), README.md (the commands), config.json ({model, train}), ckpt.safetensors
 * (the weights, the app's own checkpoint), input.txt (the corpus), train.bin / val.bin (the app's token
 * ids of its own split as uint16 little-endian, nanoGPT prepare.py's format, so train.py needs no
 * tokenizer to train). Pure: no DOM, no tfjs.
 */
/// <reference types="vite/client" />
import { strToU8, type Zippable, zipSync } from 'fflate';
import type { GPTConfig } from '../model/config';
import convertPy from './pytorch/convert_nanogpt.py?raw';
import readme from './pytorch/README.md?raw';
import trainPy from './pytorch/train.py?raw';

/** config.json's `train`: the app's recipe, in nanoGPT's names. */
export interface PytorchRecipe {
  /** Sequences per micro-batch; the app's batch size. */
  batch_size: number;
  /** 1 in the app; train.py's --gradient_accumulation_steps keeps batch_size × this per step. */
  gradient_accumulation_steps: number;
  learning_rate: number;
  min_lr: number;
  warmup_iters: number;
  lr_decay_iters: number;
  /** Iterations beyond the weights in the bundle. */
  max_iters: number;
  beta1: number;
  beta2: number;
  eps: number;
  weight_decay: number;
  grad_clip: number;
  /** The run's seed: evaluation batches come from Rng(seed + 1) and Rng(seed + 2), as the app's. */
  seed: number;
  /** The app trainer's batch RNG snapshot, so train.py draws the batches the app would have drawn next. */
  rng_state: number;
  eval_interval: number;
  eval_iters: number;
  /** The app's step count when it exported: train.py counts iterations on from here. */
  start_step: number;
}

/** What the app knows at export time, in its own names (src/model/trainer.ts, adamw.ts, schedule.ts). */
export interface AppRecipe {
  batchSize: number;
  schedule: { learningRate: number; minLr: number; warmupIters: number; decayIters: number };
  adamw: { beta1: number; beta2: number; eps: number; weightDecay: number; gradClip: number };
  seed: number;
  rngState: number;
  maxIters: number;
  evalInterval: number;
  evalIters: number;
  startStep: number;
}

/** The app's recipe in config.json's names. */
export function pytorchRecipe(r: AppRecipe): PytorchRecipe {
  return {
    batch_size: r.batchSize,
    gradient_accumulation_steps: 1,
    learning_rate: r.schedule.learningRate,
    min_lr: r.schedule.minLr,
    warmup_iters: r.schedule.warmupIters,
    lr_decay_iters: r.schedule.decayIters,
    max_iters: r.maxIters,
    beta1: r.adamw.beta1,
    beta2: r.adamw.beta2,
    eps: r.adamw.eps,
    weight_decay: r.adamw.weightDecay,
    grad_clip: r.adamw.gradClip,
    seed: r.seed,
    rng_state: r.rngState >>> 0,
    eval_interval: r.evalInterval,
    eval_iters: r.evalIters,
    start_step: r.startStep,
  };
}

export interface PytorchBundleInput {
  /** The app's checkpoint (encodeCheckpoint): weights, config, tokenizer, step, corpus hash. */
  checkpoint: Uint8Array;
  corpus: string;
  /** Token ids of the app's split (splitTokens): train first 90 %, val the rest. */
  train: Int32Array;
  val: Int32Array;
  config: GPTConfig;
  recipe: PytorchRecipe;
  /** Timestamp of the files in the zip (default: now); fixed in tests so the bytes repeat. */
  mtime?: Date;
}

/** The file names in the bundle, in the order the zip lists them. */
export const BUNDLE_FILES = [
  'README.md',
  'train.py',
  'convert_nanogpt.py',
  'config.json',
  'ckpt.safetensors',
  'input.txt',
  'train.bin',
  'val.bin',
] as const;

/** Token ids as uint16 little-endian (nanoGPT's .bin); the app's vocabularies stay below 65536. */
export function tokensToBin(ids: Int32Array): Uint8Array {
  const out = new Uint8Array(ids.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id < 0 || id > 0xffff) throw new RangeError(`token id ${id} does not fit a uint16 .bin file`);
    view.setUint16(2 * i, id, true);
  }
  return out;
}

/** The inverse of tokensToBin. */
export function binToTokens(bin: Uint8Array): Int32Array {
  const view = new DataView(bin.buffer, bin.byteOffset, bin.byteLength);
  return Int32Array.from({ length: bin.byteLength >> 1 }, (_, i) => view.getUint16(2 * i, true));
}

/** config.json: the model as the checkpoint's metadata has it, and the recipe. */
export function bundleConfig(config: GPTConfig, recipe: PytorchRecipe): string {
  const { n_layer, n_head, n_embd, block_size, vocab_size, bias, tied, dropout } = config;
  const model = { n_layer, n_head, n_embd, block_size, vocab_size, bias, tied, dropout };
  return `${JSON.stringify({ model, train: recipe }, null, 2)}\n`;
}

/** The .zip's bytes. */
export function buildPytorchBundle(input: PytorchBundleInput): Uint8Array {
  const { config, recipe } = input;
  if (config.vocab_size > 0x10000) {
    throw new RangeError(`vocab_size ${config.vocab_size} does not fit train.bin's uint16 token ids`);
  }
  const text = (s: string) => strToU8(s);
  const stored = { level: 0 } as const; // float weights barely compress; storing is faster
  const files: Record<(typeof BUNDLE_FILES)[number], Zippable[string]> = {
    'README.md': text(readme),
    'train.py': text(trainPy),
    'convert_nanogpt.py': text(convertPy),
    'config.json': text(bundleConfig(config, recipe)),
    'ckpt.safetensors': [input.checkpoint, stored],
    'input.txt': text(input.corpus),
    'train.bin': tokensToBin(input.train),
    'val.bin': tokensToBin(input.val),
  };
  const zippable: Zippable = {};
  for (const name of BUNDLE_FILES) zippable[name] = files[name];
  return zipSync(zippable, { level: 6, mtime: input.mtime ?? new Date() });
}
