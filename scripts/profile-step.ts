/**
 * Where a training step's time goes: tf.profile over one warm step of a preset on a node
 * backend, kernels summed by name. Usage: npx tsx scripts/profile-step.ts [nano|baby] [wasm|cpu]
 */
import * as tf from '@tensorflow/tfjs';
import { splitTokens } from '../src/model/batch';
import { makeConfig, PRESETS } from '../src/model/config';
import { GPT } from '../src/model/gpt';
import { Rng } from '../src/model/rng';
import { defaultSchedule } from '../src/model/schedule';
import { Trainer } from '../src/model/trainer';
import { initNodeBackend } from '../src/worker/backend.node.ts';

const preset = PRESETS[process.argv[2] ?? 'baby'];
const backend = (process.argv[3] ?? 'wasm') as 'wasm' | 'cpu';
await initNodeBackend(backend);
const model = GPT.create(makeConfig(preset.shape, 65), 1);
const rng = new Rng(1);
const data = Int32Array.from({ length: 20000 }, () => rng.int(65));
const trainer = new Trainer(model, splitTokens(data), {
  batchSize: preset.batch_size,
  seed: 1,
  schedule: defaultSchedule(1e-3, 100),
});
const step = () => {
  const l = trainer.step();
  l.dataSync();
  l.dispose();
};
for (let i = 0; i < 3; i++) step();
const t0 = performance.now();
for (let i = 0; i < 5; i++) step();
console.log(`${preset.id} on ${backend}: ${((performance.now() - t0) / 5).toFixed(1)} ms/step`);
const info = await tf.profile(step);
const byName = new Map<string, { ms: number; n: number }>();
for (const k of info.kernels) {
  const e = byName.get(k.name) ?? { ms: 0, n: 0 };
  e.ms += Number(k.kernelTimeMs) || 0;
  e.n += 1;
  byName.set(k.name, e);
}
const total = [...byName.values()].reduce((a, b) => a + b.ms, 0);
console.log(`${info.kernels.length} kernels, ${total.toFixed(1)} ms in kernels`);
for (const [name, e] of [...byName].sort((a, b) => b[1].ms - a[1].ms).slice(0, 20)) {
  console.log(
    `${name.padEnd(22)} ${e.ms.toFixed(1).padStart(8)} ms  ${String(e.n).padStart(5)} calls  ${((100 * e.ms) / total).toFixed(1)}%`,
  );
}
