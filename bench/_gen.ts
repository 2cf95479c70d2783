import * as tf from '@tensorflow/tfjs';
import { inspect } from '../src/analysis/inspect';
import { makeConfig } from '../src/model/config';
import { nextTokenLogits } from '../src/model/generate';
import { GPT } from '../src/model/gpt';
import { initNodeBackend } from '../src/worker/backend.node.ts';

await initNodeBackend('wasm');
const model = GPT.create(makeConfig({ n_layer: 4, n_head: 4, n_embd: 128, block_size: 64 }, 65), 1);
const ids = Array.from({ length: 64 }, (_, i) => (i * 7) % 65);
for (let i = 0; i < 5; i++) {
  await nextTokenLogits(model, ids);
  await inspect(model, ids);
}
for (const [name, f] of [
  ['plain', () => nextTokenLogits(model, ids)],
  ['traced', () => inspect(model, ids)],
] as const) {
  const ts: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) await f();
    ts.push((performance.now() - t0) / 10);
  }
  ts.sort((a, b) => a - b);
  const prof = await tf.profile(async () => {
    await f();
  });
  const byName = new Map<string, [number, number]>();
  for (const k of prof.kernels) {
    const e = byName.get(k.name) ?? [0, 0];
    byName.set(k.name, [e[0] + 1, e[1] + (k.kernelTimeMs as number)]);
  }
  console.log(name, 'median ms', ts[3].toFixed(2), 'kernels', prof.kernels.length);
  console.log(
    [...byName]
      .sort((a, b) => b[1][1] - a[1][1])
      .slice(0, 14)
      .map(([n, [c, ms]]) => `${n} ×${c} ${ms.toFixed(2)}ms`)
      .join('\n'),
  );
}
