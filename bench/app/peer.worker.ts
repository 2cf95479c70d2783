/**
 * The peer, @genai-fi/nanogpt 1.3.0, under the same bench: its NanoGPTV1 (useRope false), its
 * PreTrainer's own trainStep (forward, loss, variableGrads, its AdamW) and its forward for generation.
 * Imported from bench/peer/node_modules through the `@peer` alias (bench/vite.config.ts).
 * The peer bundles its own tfjs-core; tensors are made with the app's tfjs-core copy, which shares
 * the one global engine, so nothing of ours (no backends, no gradients) is registered here.
 */

// main.d.ts declares a NanoGPTV1 export that main.js lacks (1.3.0); `models.NanoGPTV1` is the real one.
import { models, TeachableLLM } from '@peer/main.js';
import createTrainer from '@peer/training/factory.js';
import { calculateLoss } from '@peer/training/loss.js';
import type { TrainingOptions } from '@peer/training/types';
import { getBackend, memory, type Tensor, tensor2d, tidy } from '@tensorflow/tfjs-core';
import type { Batch } from '../../src/model/batch';
import { argmax } from '../../src/model/sample';
import {
  type AdapterInfo,
  adapterLabel,
  CONFIGS,
  RECIPE,
  type ThroughputJob,
  type ThroughputResult,
  type TtlJob,
  type TtlResult,
} from './protocol';
import {
  batches,
  fixedBatches,
  loadCorpus,
  log,
  serve,
  timeEach,
  training,
  trainToTarget,
  webgpuAdapter,
} from './worker-kit';

type Trainer = ReturnType<typeof createTrainer> & {
  // protected in its types, but it is the whole step its own training loop runs
  trainStep(state: object, batch: { xs: Tensor; ys: Tensor }): Tensor;
};

async function setUp(job: ThroughputJob | TtlJob) {
  if (job.backend === 'wasm') throw new Error('the peer has no wasm kernels');
  let adapter: AdapterInfo | undefined;
  if (job.backend === 'webgpu') {
    adapter = await webgpuAdapter();
    if (!adapter) throw new Error('navigator.gpu.requestAdapter() returned null: no WebGPU adapter');
    log(`peer ${job.config}/webgpu: ${JSON.stringify(adapter)}`);
  }
  // Its selectBackend loads its own webgpu backend and kernels (patches/webgpu_base.js, ops/webgpu).
  await TeachableLLM.selectBackend(job.backend);
  if (getBackend() !== job.backend) throw new Error(`asked for ${job.backend}, got ${getBackend()}`);
  const corpus = await loadCorpus();
  const c = CONFIGS[job.config];
  const model = new models.NanoGPTV1({
    vocabSize: corpus.vocab.length,
    blockSize: c.block_size,
    nLayer: c.n_layer,
    nHead: c.n_head,
    nEmbed: c.n_embd,
    mlpFactor: 4,
    useRope: false,
  });
  const options: TrainingOptions = {
    method: { type: 'pretraining' },
    batchSize: c.batch_size,
    learningRate: RECIPE.learningRate,
    minLearningRate: RECIPE.minLr,
    warmupSteps: RECIPE.warmupIters,
    epochSteps: RECIPE.decayIters, // cosine over epochSteps × decayEpochs steps
    decayEpochs: 1,
    beta1: RECIPE.beta1,
    beta2: RECIPE.beta2,
    epsilon: 1e-8,
    weightDecay: RECIPE.weightDecay,
    // No clipping: its clip (Norm2/ClipScale kernels) exists only for WebGPU; on cpu/webgl it throws,
    // so it is off on webgpu too, for one recipe on every backend.
    clipNorm: undefined,
  };
  // The tokeniser only feeds its dataset builder, which the bench bypasses with our batches.
  const trainer = createTrainer(model, {} as Parameters<typeof createTrainer>[1], options) as Trainer;
  trainer.configure(options);
  const toTensors = (b: Batch) => ({
    xs: tensor2d(b.x, [b.B, b.T], 'int32'),
    ys: tensor2d(b.y, [b.B, b.T], 'int32'),
  });
  const nextBatch = batches(corpus.split.train, c.batch_size, c.block_size, RECIPE.seed);
  const state = {};
  /** One step of the peer's own trainStep, finished (loss read back). */
  const step = async (): Promise<number> => {
    const { xs, ys } = toTensors(nextBatch());
    const loss = trainer.trainStep(state, { xs, ys });
    const value = (await loss.data())[0];
    loss.dispose();
    xs.dispose();
    ys.dispose();
    return value;
  };
  const meanLoss = async (list: Batch[]): Promise<number> => {
    let total = 0;
    for (const b of list) {
      const loss = tidy(() => {
        const { xs, ys } = toTensors(b);
        return calculateLoss(model.forward({ training: false }, xs), ys);
      });
      total += (await loss.data())[0];
      loss.dispose();
    }
    return total / list.length;
  };
  return { model, trainer, corpus, step, meanLoss, adapter };
}

async function throughput(job: ThroughputJob): Promise<ThroughputResult> {
  const { model, trainer, corpus, step, adapter } = await setUp(job);
  training(true);
  const t0 = performance.now();
  await step();
  const first = performance.now() - t0;
  const before = memory().numTensors;
  const stepMs = await timeEach(async () => void (await step()), job.train);
  const leak = memory().numTensors - before;
  training(false);

  // Batch 1, full context, no KV cache: the same work per token as ours.
  const T = CONFIGS[job.config].block_size;
  const context = Array.from(corpus.split.val.subarray(0, T));
  const genMs = await timeEach(async () => {
    const last = tidy(() => {
      const logits = model.forward({ training: false }, tensor2d(context.slice(-T), [1, T], 'int32')); // (1, T, V)
      return logits.slice([0, T - 1, 0], [1, 1, -1]).reshape([-1]);
    });
    const data = await last.data();
    last.dispose();
    context.push(argmax(data));
  }, job.gen);

  const result: ThroughputResult = {
    backend: getBackend(),
    renderer: adapter ? `${getBackend()} (${adapterLabel(adapter)})` : getBackend(),
    ...(adapter ? { adapter } : {}),
    params: model.getNumParams(),
    step_ms: stepMs,
    first_step_ms: first,
    gen_ms: genMs,
    gen_trace_ms: null,
    tensor_leak: leak,
  };
  trainer.dispose();
  model.dispose();
  return result;
}

async function timeToLoss(job: TtlJob): Promise<TtlResult> {
  const { model, trainer, corpus, step, meanLoss } = await setUp(job);
  const c = CONFIGS[job.config];
  // The evaluation batches Trainer.estimateLoss draws for ours (seed + 1 train, seed + 2 val).
  const trainEval = fixedBatches(
    corpus.split.train,
    c.batch_size,
    c.block_size,
    RECIPE.seed + 1,
    job.evalBatches,
  );
  const valEval = fixedBatches(
    corpus.split.val,
    c.batch_size,
    c.block_size,
    RECIPE.seed + 2,
    job.evalBatches,
  );
  const run = await trainToTarget(job, step, async () => ({
    train: await meanLoss(trainEval),
    val: await meanLoss(valEval),
  }));
  trainer.dispose();
  model.dispose();
  return { backend: getBackend(), ...run };
}

serve((job) => (job.kind === 'throughput' ? throughput(job) : timeToLoss(job)));
