/**
 * Bundled by bench/fused.ts into a blank page: baby training steps on webgl with each group of
 * fused kernels switched off in turn, rounds interleaved so load drifts hit every variant alike.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgl';
import { makeConfig } from '../src/model/config';
import { FUSED, type FusedKernel, setFusedKernels } from '../src/model/fused';
import { GPT } from '../src/model/gpt';
import { Trainer } from '../src/model/trainer';

const ALL = Object.values(FUSED) as FusedKernel[];
const GROUPS: Record<string, FusedKernel[]> = {
  gelu: [FUSED.gelu, FUSED.geluGrad],
  adamw: [FUSED.adamMoment, FUSED.adamUpdate],
  layerNorm: [
    FUSED.layerNormStats,
    FUSED.layerNorm,
    FUSED.layerNormRowGrad,
    FUSED.layerNormInputGrad,
    FUSED.columnSum,
  ],
  batchedMatMul: [FUSED.batchedMatMul],
};

async function run(backend: string, rounds: number, steps: number): Promise<Record<string, number[]>> {
  if (!(await tf.setBackend(backend))) throw new Error(`no ${backend}`);
  await tf.ready();
  const ids = Int32Array.from({ length: 20_000 }, (_, i) => (i * 31 + ((i / 7) | 0)) % 65);
  const model = GPT.create(makeConfig({ n_layer: 4, n_head: 4, n_embd: 128, block_size: 64 }, 65), 1);
  const trainer = new Trainer(
    model,
    { train: ids, val: ids },
    {
      batchSize: 12,
      seed: 1,
      schedule: { learningRate: 1e-3, minLr: 1e-4, warmupIters: 10, decayIters: 1000 },
    },
  );
  const variants: Record<string, FusedKernel[]> = { 'all fused': ALL, none: [] };
  for (const [name, group] of Object.entries(GROUPS)) {
    variants[`all but ${name}`] = ALL.filter((k) => !group.includes(k));
  }
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  const step = async () => {
    const loss = trainer.step();
    await loss.data(); // the step's work is done when its loss is read
    loss.dispose();
  };
  const order = Object.entries(variants);
  for (let r = 0; r < rounds; r++) {
    const rotated = [...order.slice(r % order.length), ...order.slice(0, r % order.length)];
    for (const [name, use] of rotated) {
      setFusedKernels(use);
      await step(); // warm-up: new shaders compile here
      for (let s = 0; s < steps; s++) {
        const t0 = performance.now();
        await step();
        times[name].push(performance.now() - t0);
      }
    }
  }
  return times;
}

(globalThis as unknown as { fusedBench: typeof run }).fusedBench = run;
