/**
 * Baby training steps on the active backend with each group of fused kernels switched off in turn,
 * rounds interleaved (and rotated) so load drifts hit every variant alike. bench/fused.ts runs it in
 * node (wasm, cpu) or bundles it into a blank Chromium page (webgl).
 */
import * as tf from '@tensorflow/tfjs';
import { makeConfig } from '../src/model/config';
import { FUSED, type FusedKernel, setFusedKernels } from '../src/model/fused';
import { GPT } from '../src/model/gpt';
import { Trainer } from '../src/model/trainer';

const ALL = Object.values(FUSED) as FusedKernel[];
const GROUPS: Record<string, FusedKernel[]> = {
  gelu: [FUSED.gelu, FUSED.geluGrad, FUSED.geluWithDerivative],
  adamw: [FUSED.adamMoment, FUSED.adamUpdate],
  layerNorm: [FUSED.layerNormStats, FUSED.layerNorm, FUSED.layerNormRowGrad, FUSED.layerNormInputGrad],
  batchedMatMul: [FUSED.batchedMatMul],
  columnSum: [FUSED.columnSum],
  maskedSoftmax: [FUSED.maskedSoftmax, FUSED.maskedSoftmaxGrad],
  splitColumns: [FUSED.splitColumns],
  transpose: [FUSED.transpose],
  causalAttention: [FUSED.causalAttention, FUSED.causalAttentionGrad],
};

/** Step times (ms) per variant: 'all fused', 'none', 'all but <group>'. */
export async function timeVariants(rounds: number, steps: number): Promise<Record<string, number[]>> {
  const available = ALL.filter((k) => tf.getKernel(k, tf.getBackend()));
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
    if (group.some((k) => available.includes(k)))
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
  trainer.dispose();
  model.dispose();
  return times;
}
