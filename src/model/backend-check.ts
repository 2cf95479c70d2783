/**
 * The model's numbers on the active backend against PyTorch's (fixtures/golden.json, written by
 * scripts/make_golden.py) and against a reference backend's training run: parity.test.ts checks
 * cpu and wasm in node; e2e/webgpu.spec.ts runs this on WebGPU in Chromium, where node has none.
 * Every read is asynchronous (WebGPU has no synchronous read).
 */
import * as tf from '@tensorflow/tfjs';
import type { GPTConfig } from './config';
import { makeConfig } from './config';
import { GPT } from './gpt';
import { fromTorchLayout, paramSpecs } from './params';
import { Trainer, trainSteps } from './trainer';

interface Flat {
  shape: number[];
  data: number[];
}
export interface GoldenCase {
  name: string;
  config: Omit<GPTConfig, 'dropout'>;
  weights: Record<string, Flat>;
  idx: number[][];
  targets: number[][];
  logits: Flat;
  loss: number;
  attn: Flat;
  residual: Flat;
  grads: Record<string, number[]>;
}

export interface BackendCheck {
  backend: string;
  /** Per golden case: max |Δ| against PyTorch of logits, loss, attention, residual stream, gradients. */
  golden: Record<
    string,
    { logits: number; loss: number; attention: number; residual: number; grads: number }
  >;
  /** Losses of the same 50 training steps on this backend and on the reference one. */
  training: { steps: number; here: number[]; reference: number[]; referenceBackend: string };
}

function maxAbs(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return a.length === b.length ? m : Number.POSITIVE_INFINITY;
}

/** A golden case's model, its PyTorch-layout weights taken into this one's layout. */
export function loadGolden(c: Pick<GoldenCase, 'config' | 'weights'>): GPT {
  const config: GPTConfig = { ...c.config, dropout: 0 };
  const weights = new Map<string, Float32Array>();
  for (const spec of paramSpecs(config))
    weights.set(spec.name, fromTorchLayout(spec, Float32Array.from(c.weights[spec.name].data)));
  return new GPT(config, weights);
}

/** Internal (in, out) layout → PyTorch's (out, in), for comparing gradients of linear weights. */
export function torchView(model: GPT, name: string, data: Float32Array): Float32Array {
  const spec = model.specs.find((s) => s.name === name)!;
  if (!spec.linear) return data;
  const [out, inp] = spec.torchShape;
  const t = new Float32Array(data.length);
  for (let i = 0; i < inp; i++) for (let o = 0; o < out; o++) t[o * inp + i] = data[i * out + o];
  return t;
}

async function goldenCase(c: GoldenCase): Promise<BackendCheck['golden'][string]> {
  const model = loadGolden(c);
  const idx = tf.tensor2d(c.idx, undefined, 'int32');
  const targets = tf.tensor2d(c.targets, undefined, 'int32');
  const [logits, attn, resid, loss] = tf.tidy(() => {
    const { logits, trace } = model.forward(idx, { trace: true });
    return [logits, tf.stack(trace!.attention), tf.stack(trace!.residual), model.loss(idx, targets)];
  });
  const out = {
    logits: maxAbs(await logits.data(), c.logits.data),
    loss: Math.abs((await loss.data())[0] - c.loss),
    attention: maxAbs(await attn.data(), c.attn.data),
    residual: maxAbs(await resid.data(), c.residual.data),
    grads: 0,
  };
  tf.dispose([logits, attn, resid, loss]);
  const { value, grads } = tf.variableGrads(() => model.loss(idx, targets), model.trainable);
  for (const [name, v] of model.params) {
    const g = torchView(model, name, (await grads[v.name].data()) as Float32Array);
    out.grads = Math.max(out.grads, maxAbs(g, c.grads[name]));
  }
  tf.dispose([value, idx, targets, ...Object.values(grads)]);
  model.dispose();
  return out;
}

/** Losses of `steps` training steps of a small GPT on a fixed token stream (the same on every backend). */
export async function trainingLosses(steps: number): Promise<number[]> {
  const ids = Int32Array.from({ length: 600 }, (_, i) => (i * 7 + (i % 5) + ((i * i) % 11)) % 29);
  const model = GPT.create(makeConfig({ n_layer: 2, n_head: 4, n_embd: 32, block_size: 16 }, 29), 3);
  const trainer = new Trainer(
    model,
    { train: ids, val: ids },
    {
      batchSize: 8,
      seed: 5,
      schedule: { learningRate: 3e-3, minLr: 3e-4, warmupIters: 5, decayIters: steps },
    },
  );
  const losses = await trainSteps(trainer, steps);
  trainer.dispose();
  model.dispose();
  return losses;
}

/** Run every check on `backend`, and the training run on `reference` too. */
export async function checkBackend(
  backend: string,
  reference: string,
  cases: GoldenCase[],
): Promise<BackendCheck> {
  if (!(await tf.setBackend(reference))) throw new Error(`no ${reference} backend`);
  const referenceLosses = await trainingLosses(50);
  if (!(await tf.setBackend(backend))) throw new Error(`no ${backend} backend`);
  await tf.ready();
  const golden: BackendCheck['golden'] = {};
  for (const c of cases) golden[c.name] = await goldenCase(c);
  const here = await trainingLosses(50);
  return {
    backend: tf.getBackend(),
    golden,
    training: { steps: 50, here, reference: referenceLosses, referenceBackend: reference },
  };
}
