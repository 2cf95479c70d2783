import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { type Checkpoint, decodeCheckpoint, encodeCheckpoint } from './checkpoint';
import { generate } from './generate';
import { Rng } from './rng';
import { decodeSafetensors, encodeSafetensors } from './safetensors';
import { GPT, maxAbsDiff, tinyConfig } from './testkit';
import { tokenizerFromJSON } from './tokenizer';

const fixture = (name: string) => new URL(`../../fixtures/${name}`, import.meta.url);
const chars = [...'abcdefghijk'];

async function checkpointOf(model: GPT): Promise<Checkpoint> {
  return {
    config: model.config,
    tokenizer: { kind: 'char', chars },
    step: 12,
    corpusSha256: 'ab'.repeat(32),
    weights: await model.readWeights(),
  };
}

describe('checkpoints', () => {
  it('round-trips export → import exactly', async () => {
    for (const extra of [
      { tied: false, bias: true },
      { tied: true, bias: false },
    ]) {
      const model = GPT.create(tinyConfig(extra), 21);
      const ck = await checkpointOf(model);
      const back = decodeCheckpoint(encodeCheckpoint(ck));
      expect(back.config).toEqual(ck.config);
      expect(back.tokenizer).toEqual(ck.tokenizer);
      expect(back.step).toBe(12);
      expect(back.corpusSha256).toBe(ck.corpusSha256);
      for (const [name, data] of ck.weights) expect(back.weights.get(name), name).toEqual(data);
      model.dispose();
    }
  });

  it('imports a tied checkpoint PyTorch wrote (no lm_head.weight) and gives its greedy text', async () => {
    const expected = JSON.parse(readFileSync(fixture('torch_tied.json'), 'utf8'));
    const bytes = new Uint8Array(readFileSync(fixture('torch_tied.safetensors')));
    expect(decodeSafetensors(bytes).tensors.has('lm_head.weight')).toBe(false);
    const ck = decodeCheckpoint(bytes);
    expect(ck.config.tied).toBe(true);
    const model = new GPT({ ...ck.config }, ck.weights);
    const tok = tokenizerFromJSON(ck.tokenizer);
    const prompt = tok.encode(expected.prompt);
    const out = await generate(
      model,
      prompt,
      expected.max_new_tokens,
      { mode: 'greedy', temperature: 1, topK: 0, topP: 1 },
      new Rng(0),
    );
    expect(tok.decode(out)).toBe(expected.greedy_text);
    model.dispose();
  });

  it('re-exports a PyTorch file to the same tensors and names', () => {
    const bytes = new Uint8Array(readFileSync(fixture('torch_tied.safetensors')));
    const again = decodeSafetensors(encodeCheckpoint(decodeCheckpoint(bytes)));
    const orig = decodeSafetensors(bytes);
    expect([...again.tensors.keys()].sort()).toEqual([...orig.tensors.keys()].sort());
    for (const [name, t] of orig.tensors) {
      expect(again.tensors.get(name)!.shape, name).toEqual(t.shape);
      expect(again.tensors.get(name)!.data, name).toEqual(t.data);
    }
  });

  it('rejects corrupt, truncated and mismatched files with a specific message', async () => {
    const model = GPT.create(tinyConfig(), 22);
    const good = encodeCheckpoint(await checkpointOf(model));
    expect(() => decodeCheckpoint(good.slice(0, good.length - 100))).toThrow(/out of bounds|truncated/);
    expect(() => decodeCheckpoint(new Uint8Array([1, 2, 3]))).toThrow(/too short/);
    const garbage = new Uint8Array(good);
    garbage.set(new TextEncoder().encode('}}}}'), 9);
    expect(() => decodeCheckpoint(garbage)).toThrow(/JSON/);

    const { tensors, metadata } = decodeSafetensors(good);
    const rewrite = (meta: Record<string, string>, drop?: string, reshape?: string) =>
      encodeSafetensors(
        [...tensors.values()]
          .filter((t) => t.name !== drop)
          .map((t) => (t.name === reshape ? { ...t, shape: [t.data.length] } : t)),
        meta,
      );
    const { config: _dropped, ...noConfig } = metadata;
    expect(() => decodeCheckpoint(rewrite(noConfig))).toThrow(/no "config"/);
    expect(() => decodeCheckpoint(rewrite(metadata, 'transformer.ln_f.weight'))).toThrow(
      /no tensor "transformer.ln_f.weight"/,
    );
    expect(() => decodeCheckpoint(rewrite(metadata, undefined, 'transformer.wpe.weight'))).toThrow(
      /has shape \[128\] but the config needs \[8,16\]/,
    );
    const bigger = JSON.stringify({ ...JSON.parse(metadata.config), n_layer: 3 });
    expect(() => decodeCheckpoint(rewrite({ ...metadata, config: bigger }))).toThrow(
      /no tensor "transformer.h.2/,
    );
    const fewerChars = JSON.stringify({ kind: 'char', chars: chars.slice(0, 5) });
    expect(() => decodeCheckpoint(rewrite({ ...metadata, tokenizer: fewerChars }))).toThrow(
      /5 tokens but the model's vocab_size is 11/,
    );
    model.dispose();
  });

  const torch = '/usr/bin/python3';
  const hasTorch =
    existsSync(torch) &&
    (() => {
      try {
        execFileSync(torch, ['-c', 'import torch'], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    })();
  if (!hasTorch)
    console.warn('NOTICE: /usr/bin/python3 with torch not found; skipping the live PyTorch load test');

  it.skipIf(!hasTorch)('exports a file PyTorch loads and gets the same logits from', async () => {
    const model = GPT.create(tinyConfig({ tied: false }), 23);
    tf.tidy(() => {
      for (const v of model.trainable) v.assign(tf.add(v, tf.randomNormal(v.shape, 0, 0.2, 'float32', 3)));
    });
    const dir = mkdtempSync(join(tmpdir(), 'tinygpt-'));
    const file = join(dir, 'model.safetensors');
    writeFileSync(file, encodeCheckpoint(await checkpointOf(model)));
    const idx = [
      [1, 2, 3, 4, 5, 6, 7, 8],
      [8, 7, 6, 5, 4, 3, 2, 1],
    ];
    const out = execFileSync(torch, ['scripts/torch_check.py', file, JSON.stringify(idx)], {
      env: { ...process.env, OPENBLAS_NUM_THREADS: '1' },
      encoding: 'utf8',
    });
    const theirs = JSON.parse(out) as { logits: number[] };
    const ours = tf.tidy(() => model.forward(tf.tensor2d(idx, [2, 8], 'int32')).logits.dataSync());
    expect(maxAbsDiff(ours, theirs.logits)).toBeLessThan(1e-4);
    model.dispose();
  });
});
