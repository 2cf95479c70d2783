/**
 * Timing a training step of one configuration on each backend this browser offers (webgpu,
 * webgl, wasm): a throwaway model of the same shape takes 2 warm-up steps (shader compilation,
 * kernel set-up), then 3 timed ones; the backend in use is active again afterwards. A backend whose
 * warm-up alone takes longer than WARMUP_LIMIT_MS is reported as slower than that, not waited for.
 * `skipSoftware` (auto's choice) leaves software GPUs untimed: SwiftShader trains 7–100x slower
 * than wasm here (bench/NOTES.md), so timing it would cost the person half a minute to learn that.
 */
import * as tf from '@tensorflow/tfjs';
import type { GPTConfig } from '../model/config';
import { GPT } from '../model/gpt';
import { memoryMessage, memoryVerdict } from '../model/memory-fit';
import { Trainer, trainSteps } from '../model/trainer';
import type { BackendFigure, MeasureOptions } from './api';
import { type BackendName, probeWebGL, probeWebGPU, trySetBackend } from './backend';
import { memoryLimits } from './memory-limits';

const WARMUP_LIMIT_MS = 20_000;
const TIMED_STEPS = 3;

async function timeSteps(config: GPTConfig, batchSize: number): Promise<number | null> {
  const ids = Int32Array.from(
    { length: Math.max(4096, 4 * config.block_size * batchSize) },
    (_, i) => (i * 7 + ((i * i) % 13)) % config.vocab_size,
  );
  const model = GPT.create(config, 1);
  const schedule = { learningRate: 1e-3, minLr: 1e-3, warmupIters: 0, decayIters: 1 };
  const trainer = new Trainer(model, { train: ids, val: ids }, { batchSize, seed: 1, schedule });
  try {
    // A step is done when its loss can be read.
    const t0 = performance.now();
    await trainSteps(trainer, 2);
    if (performance.now() - t0 > WARMUP_LIMIT_MS) return null;
    const t1 = performance.now();
    await trainSteps(trainer, TIMED_STEPS);
    return (performance.now() - t1) / TIMED_STEPS;
  } finally {
    trainer.dispose();
    model.dispose();
  }
}

/** ms per training step of `config` at `batchSize` on every backend offered here, fastest first. */
export async function measureBackends(
  config: GPTConfig,
  batchSize: number,
  options: MeasureOptions = {},
): Promise<BackendFigure[]> {
  const active = tf.getBackend() as BackendName;
  const [gl, gpu] = [probeWebGL(), await probeWebGPU()];
  const offered: { name: BackendName; software: boolean }[] = [
    ...(gpu.available ? [{ name: 'webgpu' as const, software: gpu.software }] : []),
    ...(gl.available ? [{ name: 'webgl' as const, software: gl.software }] : []),
    { name: 'wasm', software: false },
  ];
  const figures: BackendFigure[] = [];
  try {
    for (const { name, software } of offered) {
      if (software && options.skipSoftware) {
        figures.push({ name, msPerStep: null, software, skipped: true });
        continue;
      }
      const started = await trySetBackend(name);
      if (!started.ok) {
        figures.push({ name, msPerStep: null, software, error: started.error });
        continue;
      }
      // A step that cannot fit here is not tried: it would take the worker down with it.
      const fit = memoryVerdict(config, batchSize, memoryLimits());
      if (fit.level === 'wontFit') {
        figures.push({ name, msPerStep: null, software, error: memoryMessage(fit) });
        continue;
      }
      try {
        figures.push({ name, msPerStep: await timeSteps(config, batchSize), software });
      } catch (e) {
        figures.push({ name, msPerStep: null, software, error: (e as Error).message });
      }
    }
  } finally {
    await trySetBackend(active);
  }
  const rank = (f: BackendFigure) => f.msPerStep ?? Number.POSITIVE_INFINITY;
  return figures.sort((a, b) => rank(a) - rank(b));
}
