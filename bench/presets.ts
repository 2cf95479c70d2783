/**
 * `npx tsx bench/presets.ts [ids…]`: ms per training step of each preset on wasm (node, the same
 * tfjs-backend-wasm SIMD binary the browser runs, one thread), with the memory it measured beside
 * config.ts's estimate. Each preset runs in a fresh node process (the wasm heap only grows), on Tiny
 * Shakespeare (vocab 65) at the preset's batch. Writes src/model/preset-figures.json, which the
 * Model panel's picker shows, and prints a markdown table for bench/NOTES.md. Figures, not pass/fail.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { splitTokens } from '../src/model/batch';
import { attentionPath, makeConfig, PRESETS, parameterCount, trainingMemoryBytes } from '../src/model/config';
import { canFuse, FUSED } from '../src/model/fused';
import { GPT } from '../src/model/gpt';
import { currentWasmHeapBytes, peakBufferBytes } from '../src/model/memory-meter';
import { Trainer } from '../src/model/trainer';
import { initNodeBackend } from '../src/worker/backend.node.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = resolve(HERE, '../src/model/preset-figures.json');
const CORPUS = resolve(HERE, '../../shared/data/tinyshakespeare.txt');

/** Untimed warm-up steps, then timed ones: fewer for the presets whose step takes seconds. */
const STEPS: Record<string, { warmup: number; timed: number }> = {
  nano: { warmup: 3, timed: 20 },
  baby: { warmup: 2, timed: 10 },
  small: { warmup: 1, timed: 4 },
  medium: { warmup: 1, timed: 3 },
  shakespeare: { warmup: 1, timed: 3 },
};

export interface PresetFigure {
  batch: number;
  params: number;
  warmupSteps: number;
  timedSteps: number;
  firstStepMs: number;
  /** Median of the timed steps, each with its loss read back. */
  msPerStep: number;
  msPerStepMin: number;
  /** config.ts's trainingMemoryBytes on the path wasm takes. */
  estimateBytes: number;
  /** Peak of live tensor buffers during the first step, model and optimizer included (memory-meter.ts). */
  peakBytes: number;
  /** The wasm heap after every step (it only grows): what wasm's 4 GiB cap holds. */
  heapBytes: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One preset, in this process: build, step, time, measure. */
async function measureOne(id: string): Promise<PresetFigure> {
  await initNodeBackend('wasm');
  const text = readFileSync(CORPUS, 'utf8');
  const vocab = [...new Set(text)].sort();
  const index = new Map(vocab.map((c, i) => [c, i]));
  const split = splitTokens(Int32Array.from(text, (c) => index.get(c)!));
  const preset = PRESETS[id];
  const config = makeConfig(preset.shape, vocab.length);
  const batch = preset.batch_size;
  const schedule = { learningRate: preset.learning_rate, minLr: 1e-4, warmupIters: 100, decayIters: 5000 };
  const step = async (trainer: Trainer) => {
    const t0 = performance.now();
    const loss = trainer.step();
    await loss.data();
    loss.dispose();
    return performance.now() - t0;
  };
  // Model, optimizer and the first step under the meter: the peak a training run reaches.
  const first = await peakBufferBytes(async () => {
    const trainer = new Trainer(GPT.create(config, 1337), split, { batchSize: batch, seed: 1337, schedule });
    return { trainer, ms: await step(trainer) };
  });
  const { trainer, ms: firstStepMs } = first.value;
  const { warmup, timed } = STEPS[id] ?? { warmup: 1, timed: 3 };
  for (let i = 1; i < warmup; i++) await step(trainer);
  const times: number[] = [];
  for (let i = 0; i < timed; i++) times.push(await step(trainer));
  return {
    batch,
    params: parameterCount(config),
    warmupSteps: warmup,
    timedSteps: timed,
    firstStepMs: Math.round(firstStepMs),
    msPerStep: Math.round(median(times) * 10) / 10,
    msPerStepMin: Math.round(Math.min(...times) * 10) / 10,
    estimateBytes: trainingMemoryBytes(
      config,
      batch,
      attentionPath(config, 'wasm', canFuse(FUSED.causalAttention)),
    ),
    peakBytes: first.peakBytes,
    heapBytes: currentWasmHeapBytes() ?? 0,
  };
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--one') {
    console.log(`RESULT ${JSON.stringify(await measureOne(args[1]))}`);
    return;
  }
  const ids = args.length ? args : Object.keys(PRESETS);
  const loadStart = loadavg();
  const presets: Record<string, PresetFigure> = {};
  for (const id of ids) {
    const out = execFileSync('npx', ['tsx', fileURLToPath(import.meta.url), '--one', id], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    const line = out.split('\n').find((l) => l.startsWith('RESULT '));
    if (!line) throw new Error(`no result for ${id}:\n${out}`);
    presets[id] = JSON.parse(line.slice(7));
    console.error(`${id}: ${presets[id].msPerStep} ms/step`);
  }
  await initNodeBackend('wasm');
  const figures = {
    measured: new Date().toISOString(),
    backend: 'wasm',
    runtime: `node ${process.version}, tfjs ${tf.version.tfjs}, wasm SIMD ${await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')}, 1 thread`,
    machine: {
      cpu: cpus()[0]?.model.trim() ?? 'unknown',
      cores: cpus().length,
      /** 1, 5 and 15 min load averages before → after (2 cores shared with other work). */
      load: [loadStart, loadavg()].map((l) => l.map((x) => x.toFixed(1)).join(' ')).join(' → '),
    },
    presets,
  };
  // Figures for presets not run this time are kept from the last run.
  const old = existsSync(OUT) ? JSON.parse(readFileSync(OUT, 'utf8')) : {};
  writeFileSync(OUT, `${JSON.stringify({ ...figures, presets: { ...old.presets, ...presets } }, null, 2)}\n`);
  console.log(table(figures.presets));
}

function table(presets: Record<string, PresetFigure>): string {
  const mb = (b: number) => (b / 2 ** 20).toFixed(1);
  const rows = Object.entries(presets).map(
    ([id, f]) =>
      `| ${id} | ${f.batch} | ${(f.params / 1e6).toFixed(2)} M | ${f.msPerStep} (${f.msPerStepMin}) | ${f.firstStepMs} | ${mb(f.estimateBytes)} | ${mb(f.peakBytes)} | ${((100 * (f.estimateBytes - f.peakBytes)) / f.peakBytes).toFixed(2)} % | ${mb(f.heapBytes)} | ${(f.heapBytes / f.peakBytes).toFixed(2)} |`,
  );
  return [
    '| preset | batch | params | ms/step median (fastest) | first step ms | estimate MiB | measured peak MiB | estimate − measured | wasm heap MiB | heap ÷ peak |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
