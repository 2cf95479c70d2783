/**
 * The memory estimate holds: a training step's peak of live tensor buffers, measured, is within
 * 2 % of trainingMemoryBytes for the nano and baby presets on cpu and on wasm (the fitted formula
 * matched every measured shape to 0.5 %), and wasm's heap stays under wasmHeapBytes of it.
 * A measurement, not a timing.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initNodeBackend } from '../worker/backend.node';
import { attentionPath, makeConfig, PRESETS, trainingMemoryBytes } from './config';
import { canFuse, FUSED } from './fused';
import { GPT } from './gpt';
import { wasmHeapBytes } from './memory-fit';
import { currentWasmHeapBytes, peakBufferBytes } from './memory-meter';
import { Trainer } from './trainer';

const MARGIN = 0.02;
const VOCAB = 65;

/** Peak live-buffer bytes of building `preset` and taking one training step, and what is left after. */
async function measureStep(id: 'nano' | 'baby') {
  const preset = PRESETS[id];
  const config = makeConfig(preset.shape, VOCAB);
  const ids = Int32Array.from({ length: 8192 }, (_, i) => (i * 31 + ((i * i) % 17)) % VOCAB);
  const schedule = { learningRate: 1e-3, minLr: 1e-4, warmupIters: 10, decayIters: 100 };
  const before = tf.memory().numTensors;
  const { peakBytes } = await peakBufferBytes(async () => {
    const model = GPT.create(config, 1);
    const trainer = new Trainer(
      model,
      { train: ids, val: ids },
      { batchSize: preset.batch_size, seed: 1, schedule },
    );
    const loss = trainer.step();
    await loss.data();
    loss.dispose();
    trainer.dispose();
    model.dispose();
  });
  const path = attentionPath(config, tf.getBackend(), canFuse(FUSED.causalAttention));
  return {
    peakBytes,
    path,
    estimate: trainingMemoryBytes(config, preset.batch_size, path),
    leftTensors: tf.memory().numTensors - before,
  };
}

describe.each(['cpu', 'wasm'] as const)('training memory on %s', (backend) => {
  it.each(['nano', 'baby'] as const)('%s: the estimate is within 2 % of the measured peak', async (id) => {
    await initNodeBackend(backend);
    const m = await measureStep(id);
    expect(m.path).toBe(backend === 'wasm' ? 'fused' : 'batched');
    expect(m.peakBytes).toBeGreaterThan(0);
    expect(Math.abs(m.estimate - m.peakBytes) / m.peakBytes).toBeLessThan(MARGIN);
    expect(m.leftTensors).toBe(0);
    if (backend === 'wasm') {
      // The heap only grows: after baby it holds the biggest step this file took.
      const heap = currentWasmHeapBytes()!;
      expect(heap).toBeGreaterThanOrEqual(m.peakBytes);
      expect(heap).toBeLessThanOrEqual(wasmHeapBytes(m.estimate));
    }
  });
});

describe('the estimate follows the attention path', () => {
  it('costs more where attention is composed than fused, by the attention maps and head splits', () => {
    const c = makeConfig(PRESETS.shakespeare.shape, VOCAB);
    const fused = trainingMemoryBytes(c, 8, 'fused');
    expect(trainingMemoryBytes(c, 8, 'batched')).toBeGreaterThan(fused);
    expect(trainingMemoryBytes(c, 8, 'channels')).toBeGreaterThan(trainingMemoryBytes(c, 8, 'batched'));
    // Linear in the batch past the parameters: 16 costs twice 8's activations.
    const params = trainingMemoryBytes(c, 0, 'fused');
    expect(trainingMemoryBytes(c, 16, 'fused') - params).toBeCloseTo(2 * (fused - params), -3);
  });

  it('takes the fused path only for heads of a multiple of 4 floats without dropout', () => {
    const c = makeConfig(PRESETS.baby.shape, VOCAB);
    expect(attentionPath(c, 'wasm', true)).toBe('fused');
    expect(attentionPath({ ...c, dropout: 0.2 }, 'wasm', true)).toBe('channels');
    expect(attentionPath(makeConfig({ ...c, n_embd: 60, n_head: 4 }, VOCAB), 'wasm', true)).toBe('channels');
    expect(attentionPath(c, 'webgpu', false)).toBe('batched');
  });
});
