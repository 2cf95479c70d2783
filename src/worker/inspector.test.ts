/** One step per token: the drawn token is generation's own, and the inspection is of the longer context. */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { concepts } from '../analysis/concepts';
import { inspect } from '../analysis/inspect';
import { generate, nextTokenLogits } from '../model/generate';
import { Rng } from '../model/rng';
import { GPT, tinyConfig } from '../model/testkit';
import { trainChar } from '../model/tokenizer';
import type { SamplingSettings } from './api';
import { Inspector } from './inspector';

const tokenizer = trainChar('abcdefghij '); // 11 characters: tinyConfig's vocabulary
function setup(seed = 3) {
  const model = GPT.create(tinyConfig(), seed);
  tf.tidy(() => {
    for (const v of model.trainable) v.assign(tf.add(v, tf.randomNormal(v.shape, 0, 0.3, 'float32', seed)));
  });
  return {
    model,
    inspector: new Inspector(
      () => model,
      () => tokenizer,
    ),
  };
}
const sampled: SamplingSettings = { mode: 'sample', temperature: 0.9, topK: 0, topP: 0.95, seed: 7 };

describe('Inspector.step', () => {
  it('draws the token generate() draws with the same seed, then inspects the context with it appended', async () => {
    const { model, inspector } = setup();
    const ids = Array.from(tokenizer.encode('abc dea'));
    for (const sampling of [sampled, { ...sampled, mode: 'greedy' as const }]) {
      const [expected] = await generate(model, ids, 1, sampling, new Rng(sampling.seed));
      const stepped = await inspector.step(ids, { context: '', sampling });
      expect(stepped.id).toBe(expected);
      expect(stepped.text).toBe(tokenizer.decode([expected]));
      const direct = await inspect(model, [...ids, expected], { lensK: 5 });
      expect(stepped.result.ids).toEqual(direct.ids);
      expect(Array.from(stepped.result.logits)).toEqual(Array.from(direct.logits));
      expect(Array.from(stepped.result.attention)).toEqual(Array.from(direct.attention));
      expect(stepped.concepts).toBeNull();
    }
  });

  it('reuses the last inspection of the same context, so a step costs one traced forward', async () => {
    const { model, inspector } = setup();
    const ids = Array.from(tokenizer.encode('hij abc'));
    await inspector.inspectIds(ids);
    let forwards = 0;
    const forward = model.forward.bind(model);
    model.forward = (...args: Parameters<GPT['forward']>) => {
      forwards++;
      return forward(...args);
    };
    await inspector.step(ids, { context: '', sampling: sampled });
    expect(forwards).toBe(1);
  });

  it('samples with the head mask the panels show, and brings the Concepts cell of the new context', async () => {
    const { model, inspector } = setup(5);
    const ids = Array.from(tokenizer.encode('gab dice'));
    const headMask = [1, 0, 0, 1];
    const stepped = await inspector.step(ids, {
      context: '',
      sampling: { ...sampled, mode: 'greedy' },
      headMask,
      concepts: { position: 'last', layer: 1, head: 0 },
    });
    const masked = await inspect(model, ids, { headMask });
    let best = 0;
    for (let i = 1; i < masked.logits.length; i++) if (masked.logits[i] > masked.logits[best]) best = i;
    expect(stepped.id).toBe(best);
    const next = [...ids, best].slice(-model.config.block_size);
    const direct = await concepts(model, {
      ids: next,
      position: next.length - 1,
      layer: 1,
      head: 0,
      headMask,
    });
    expect(stepped.concepts?.position).toBe(next.length - 1);
    expect(stepped.concepts?.weight).toBeCloseTo(direct.weight, 6);
    expect(Array.from(stepped.concepts?.q ?? [])).toEqual(Array.from(direct.q));
  });

  it('generate() with the head mask draws what step draws with it, from the masked logits', async () => {
    const { model, inspector } = setup(5);
    const ids = Array.from(tokenizer.encode('gab dice'));
    const headMask = [1, 0, 0, 1];
    const masked = await nextTokenLogits(model, ids, headMask);
    // Generation computes the last position alone (lastOnly), the trace every position: equal to rounding.
    const traced = (await inspect(model, ids, { headMask })).logits;
    masked.forEach((v, i) => {
      expect(v).toBeCloseTo(traced[i], 5);
    });
    expect(Array.from(masked)).not.toEqual(Array.from(await nextTokenLogits(model, ids)));
    for (const seed of [1, 2, 3, 4, 5]) {
      const sampling = { ...sampled, seed };
      const [drawn] = await generate(model, ids, 1, sampling, new Rng(seed), { headMask });
      const stepped = await inspector.step(ids, { context: '', sampling, headMask });
      expect(drawn).toBe(stepped.id);
    }
  });

  it('forgets cached logits when the weights change', async () => {
    const { model, inspector } = setup();
    const ids = Array.from(tokenizer.encode('abc'));
    await inspector.inspectIds(ids);
    tf.tidy(() => {
      for (const v of model.trainable) v.assign(tf.mul(v, -1));
    });
    inspector.forget();
    const fresh = await inspect(model, ids, { lensK: 5 });
    expect(Array.from(await inspector.nextLogits(ids))).toEqual(Array.from(fresh.logits));
  });

  it('writes the next inspection for the page into an attention buffer the page gave back, and keeps recorded ones apart', async () => {
    const { model, inspector } = setup();
    const ids = Array.from(tokenizer.encode('bead cafe'));
    const first = await inspector.inspectWith(ids);
    const returned = first.result.attention.buffer as ArrayBuffer;
    inspector.recycle([returned]);
    const longer = [...ids, 3];
    const second = await inspector.inspectWith(longer);
    expect(second.result.attention.buffer).toBe(returned);
    expect(Array.from(second.result.attention)).toEqual(Array.from((await inspect(model, longer)).attention));
    // The probe's snapshots stay in the worker: a buffer of their own size, never one from the pool.
    inspector.recycle([second.result.attention.buffer as ArrayBuffer]);
    inspector.setProbe('bead');
    await inspector.record(1);
    const [snap] = inspector.snapshots();
    expect(snap.attention.buffer).not.toBe(returned);
    expect(snap.attention.buffer.byteLength).toBe(snap.attention.length * 4);
  });
});
