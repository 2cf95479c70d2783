/**
 * Where one training step's time goes: `npx tsx bench/profile.ts [baby|nano] [wasm|cpu] [--composed]`
 * (--composed: without the fused kernels of src/model/fused.ts; --gen: one generated token at a full
 * context instead, plain and --trace'd as the panels ask for it).
 * Runs our Trainer in node on the same tfjs wasm (SIMD) binary the browser uses, warms up, then
 * tf.profile()s a few steps and prints the kernels by total time (name and input shapes).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { inspect } from '../src/analysis/inspect';
import { splitTokens } from '../src/model/batch';
import { makeConfig } from '../src/model/config';
import { setFusedKernels } from '../src/model/fused';
import { nextTokenLogits } from '../src/model/generate';
import { GPT } from '../src/model/gpt';
import { Trainer } from '../src/model/trainer';
import { initNodeBackend } from '../src/worker/backend.node.ts';
import { CONFIGS, type ConfigId, RECIPE } from './app/protocol';

const HERE = dirname(fileURLToPath(import.meta.url));
const config = (process.argv[2] ?? 'baby') as ConfigId;
const backend = (process.argv[3] ?? 'wasm') as 'wasm' | 'cpu';
const STEPS = process.argv.includes('--gen') ? 20 : 3;

async function main() {
  await initNodeBackend(backend);
  if (process.argv.includes('--composed')) setFusedKernels(false);
  const text = readFileSync(resolve(HERE, '../../shared/data/tinyshakespeare.txt'), 'utf8');
  const vocab = [...new Set(text)].sort();
  const index = new Map(vocab.map((c, i) => [c, i]));
  const split = splitTokens(Int32Array.from(text, (c) => index.get(c)!));
  const c = CONFIGS[config];
  const shape = { n_layer: c.n_layer, n_head: c.n_head, n_embd: c.n_embd, block_size: c.block_size };
  const model = GPT.create(makeConfig(shape, vocab.length), RECIPE.seed);
  const schedule = { learningRate: 1e-3, minLr: 1e-4, warmupIters: 100, decayIters: 2000 };
  const trainer = new Trainer(model, split, { batchSize: c.batch_size, schedule, seed: RECIPE.seed });
  const context = Array.from(split.val.subarray(0, c.block_size));
  const step = process.argv.includes('--gen')
    ? process.argv.includes('--trace')
      ? async () => void (await inspect(model, context, { lensK: 5 }))
      : async () => void (await nextTokenLogits(model, context))
    : async () => {
        const loss = trainer.step();
        await loss.data();
        loss.dispose();
      };
  for (let i = 0; i < 3; i++) await step();

  const t0 = performance.now();
  const info = await tf.profile(async () => {
    for (let i = 0; i < STEPS; i++) await step();
  });
  const wall = (performance.now() - t0) / STEPS;
  const byKey = new Map<string, { ms: number; n: number }>();
  const byName = new Map<string, number>();
  for (const k of info.kernels) {
    const ms = typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
    const key = `${k.name} ${k.inputShapes.map((s) => `[${s?.join(',')}]`).join(' ')}`;
    const e = byKey.get(key) ?? { ms: 0, n: 0 };
    byKey.set(key, { ms: e.ms + ms, n: e.n + 1 });
    byName.set(k.name, (byName.get(k.name) ?? 0) + ms);
  }
  const kernelTotal = [...byName.values()].reduce((a, b) => a + b, 0) / STEPS;
  console.log(
    `${config} on ${backend}: ${wall.toFixed(0)} ms/step wall (profiled), kernels ${kernelTotal.toFixed(0)} ms, ${info.kernels.length / STEPS} kernel calls/step`,
  );
  console.log('\nby kernel (ms/step, share of kernel time):');
  for (const [name, ms] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(
      `  ${name.padEnd(22)} ${(ms / STEPS).toFixed(1).padStart(7)}  ${((100 * ms) / STEPS / kernelTotal).toFixed(0)}%`,
    );
  }
  console.log('\nby kernel and input shapes (top 15; GFLOP/s for matMuls):');
  for (const [key, e] of [...byKey]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, Number(process.env.TOP ?? 15))) {
    const rate = key.startsWith('BatchMatMul')
      ? `  ${((matMulFlops(key) * e.n) / e.ms / 1e6).toFixed(1)} GFLOP/s`
      : '';
    console.log(`  ${(e.ms / STEPS).toFixed(1).padStart(7)} ms  ×${e.n / STEPS}  ${key}${rate}`);
  }
}

/** 2·batch·M·K·N of "BatchMatMul [b,m,k] [b,k,n]" (or 2-D), no transposes (ours never asks for any). */
function matMulFlops(key: string): number {
  const [a, b] = [...key.matchAll(/\[([\d,]+)\]/g)].map((m) => m[1].split(',').map(Number));
  const batch = a.length === 3 ? a[0] : 1;
  return 2 * batch * a.at(-2)! * a.at(-1)! * b.at(-1)!;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
