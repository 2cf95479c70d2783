/** Moving a session to another backend keeps everything training depends on (weights, moments, step, rng). */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LossPoint, TrainSettings } from './api';
import { initNodeBackend } from './backend.node';
import { Session } from './session';

const TEXT = 'the quick brown fox jumps over the lazy dog. '.repeat(40);
const settings = (maxSteps: number): TrainSettings => ({
  seed: 3,
  learningRate: 3e-3,
  batchSize: 4,
  maxSteps,
  evalInterval: 1000,
  evalIters: 1,
  sampleInterval: 1000,
});

async function train(session: Session, maxSteps: number, into: LossPoint[]): Promise<void> {
  await session.train(settings(maxSteps), {
    progress: (p) => into.push(...p.losses),
    sample: () => {},
  });
}

async function freshSession(): Promise<Session> {
  const session = new Session();
  await session.init('cpu');
  await session.setCorpus(TEXT, { kind: 'char' });
  await session.buildModel({ n_layer: 1, n_head: 2, n_embd: 16, block_size: 8, tied: false, dropout: 0 }, 5);
  return session;
}

describe('Session.moveToBackend', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm'); // sets the wasm paths node needs
    await initNodeBackend('cpu');
  });

  it('continues training exactly as if it had not moved (cpu → wasm → cpu between steps)', async () => {
    // The same two runs (a run's end evaluates, which draws batches) without the move between.
    const still: LossPoint[] = [];
    const a = await freshSession();
    await train(a, 3, still);
    await train(a, 6, still);

    const moved: LossPoint[] = [];
    const b = await freshSession();
    await train(b, 3, moved);
    const tensors = tf.memory().numTensors;
    expect((await b.moveToBackend('wasm')).name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect((await b.moveToBackend('cpu')).name).toBe('cpu');
    await train(b, 6, moved);
    expect(tf.memory().numTensors).toBe(tensors); // nothing left behind on the backends it left

    expect(moved.map((l) => l.step)).toEqual(still.map((l) => l.step));
    expect(moved.map((l) => l.loss)).toEqual(still.map((l) => l.loss));
  });

  it('refuses while training', async () => {
    const s = await freshSession();
    const running = train(s, 200, []);
    await expect(s.moveToBackend('wasm')).rejects.toThrow(/Pause training before switching the backend/);
    await s.pause();
    await running;
  });
});
