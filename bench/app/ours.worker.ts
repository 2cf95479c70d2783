/**
 * TinyGPT Lab's engine under the bench: the app worker's code path (initBackend, GPT, Trainer,
 * generate, inspect) imported straight from src/, one job per worker.
 */
import * as tf from '@tensorflow/tfjs';
import { BufferPool } from '../../src/analysis/buffer-pool';
import { inspect } from '../../src/analysis/inspect';
import { makeConfig, parameterCount } from '../../src/model/config';
import { generate } from '../../src/model/generate';
import { GPT } from '../../src/model/gpt';
import { Rng } from '../../src/model/rng';
import { argmax, type SamplingOptions } from '../../src/model/sample';
import { Trainer } from '../../src/model/trainer';
import { GRACE } from '../../src/store/held-inspections';
import { initBackend } from '../../src/worker/backend';
import {
  CONFIGS,
  RECIPE,
  type ThroughputJob,
  type ThroughputResult,
  type TtlJob,
  type TtlResult,
} from './protocol';
import {
  type Corpus,
  loadCorpus,
  log,
  serve,
  timeAlternating,
  timeEach,
  training,
  trainToTarget,
  webgpuAdapter,
} from './worker-kit';

const GREEDY: SamplingOptions = { mode: 'greedy', temperature: 1, topK: 0, topP: 1 };

async function setUp(
  job: ThroughputJob | TtlJob,
): Promise<{ trainer: Trainer; corpus: Corpus; renderer: string }> {
  const info = await initBackend(job.backend);
  if (info.name !== job.backend)
    throw new Error(`asked for ${job.backend}, got ${info.name}: ${info.reason}`);
  const corpus = await loadCorpus();
  const c = CONFIGS[job.config];
  const shape = { n_layer: c.n_layer, n_head: c.n_head, n_embd: c.n_embd, block_size: c.block_size };
  const model = GPT.create(makeConfig(shape, corpus.vocab.length), RECIPE.seed);
  const trainer = new Trainer(model, corpus.split, {
    batchSize: c.batch_size,
    schedule: {
      learningRate: RECIPE.learningRate,
      minLr: RECIPE.minLr,
      warmupIters: RECIPE.warmupIters,
      decayIters: RECIPE.decayIters,
    },
    adamw: {
      beta1: RECIPE.beta1,
      beta2: RECIPE.beta2,
      eps: 1e-8,
      weightDecay: RECIPE.weightDecay,
      gradClip: RECIPE.gradClip,
    },
    seed: RECIPE.seed,
  });
  return { trainer, corpus, renderer: info.renderer };
}

/** One optimiser step, finished: the loss is read back, so a GPU queue is drained. */
async function step(trainer: Trainer): Promise<number> {
  const loss = trainer.step();
  const value = (await loss.data())[0];
  loss.dispose();
  return value;
}

async function throughput(job: ThroughputJob): Promise<ThroughputResult> {
  const { trainer, corpus, renderer } = await setUp(job);
  const model = trainer.model;
  // webgpu: the adapter tfjs got (SwiftShader's software one in headless Chromium), for the row's label.
  const adapter = job.backend === 'webgpu' ? await webgpuAdapter() : undefined;
  log(`ours ${job.config}/${job.backend}: ${renderer}${adapter ? ` ${JSON.stringify(adapter)}` : ''}`);

  training(true);
  const t0 = performance.now();
  await step(trainer);
  const first = performance.now() - t0;
  const before = tf.memory().numTensors;
  const stepMs = await timeEach(async () => void (await step(trainer)), job.train);
  const leak = tf.memory().numTensors - before;
  training(false);

  // Generation at batch 1 with a full context: every token sees block_size tokens.
  const T = model.config.block_size;
  const context = Array.from(corpus.split.val.subarray(0, T));
  const rng = new Rng(RECIPE.seed);
  // The app's page hands each inspection's attention buffer back once GRACE newer ones replaced
  // it (store/held-inspections.ts), for a later one to be written into; so does this loop.
  const buffers = new BufferPool();
  const onPage: ArrayBuffer[] = [];
  // Plain and traced tokens alternate, so both see the same load.
  const [genMs, traceMs] = await timeAlternating(
    [
      async () => {
        const [id] = await generate(model, context, 1, GREEDY, rng);
        context.push(id);
      },
      async () => {
        const r = await inspect(model, context, { lensK: 5, buffers });
        context.push(argmax(r.logits));
        onPage.push(r.attention.buffer as ArrayBuffer);
        if (onPage.length > GRACE + 1) buffers.give([onPage.shift()!]);
      },
    ],
    job.gen,
  );

  const result: ThroughputResult = {
    backend: tf.getBackend(),
    renderer,
    ...(adapter ? { adapter } : {}),
    params: parameterCount(model.config),
    step_ms: stepMs,
    first_step_ms: first,
    gen_ms: genMs,
    gen_trace_ms: traceMs,
    tensor_leak: leak,
  };
  trainer.dispose();
  model.dispose();
  return result;
}

async function timeToLoss(job: TtlJob): Promise<TtlResult> {
  const { trainer } = await setUp(job);
  const run = await trainToTarget(
    job,
    () => step(trainer),
    () => trainer.estimateLoss(job.evalBatches),
  );
  trainer.dispose();
  trainer.model.dispose();
  return { backend: tf.getBackend(), ...run };
}

serve((job) => (job.kind === 'throughput' ? throughput(job) : timeToLoss(job)));
