/**
 * Golden parity with a nanoGPT-style PyTorch model (scripts/make_golden.py wrote the
 * fixture): same weights ⇒ same logits, loss, attention, residual stream, gradients and
 * AdamW trajectory, to float32 tolerance — on cpu (the composed ops and the JS loops) and on wasm
 * (XNNPACK and the SIMD kernels of wasm/).
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../worker/backend.node';
import { AdamW } from './adamw';
import { type GoldenCase as BaseCase, loadGolden, torchView } from './backend-check';
import { ids2d, maxAbsDiff } from './testkit';

/** A golden case (backend-check.ts) with the AdamW trajectory PyTorch took from it. */
interface GoldenCase extends BaseCase {
  adam_losses: number[];
  adam_weights: Record<string, number[]>;
}
const golden = JSON.parse(readFileSync(new URL('../../fixtures/golden.json', import.meta.url), 'utf8')) as {
  adam: { lr: number; betas: [number, number]; eps: number; weight_decay: number; grad_clip: number };
  cases: GoldenCase[];
};

const load = loadGolden;

afterAll(async () => {
  await initNodeBackend('cpu');
});

describe.each(
  ['cpu', 'wasm'].flatMap((backend) =>
    golden.cases.map((c) => ({ ...c, backend: backend as 'cpu' | 'wasm' })),
  ),
)('parity with PyTorch: $name on $backend', (c) => {
  beforeAll(async () => {
    await initNodeBackend(c.backend);
  });

  it('reproduces logits, loss, attention and the residual stream to 1e-4', () => {
    const model = load(c);
    tf.tidy(() => {
      const { logits, trace } = model.forward(ids2d(c.idx), { trace: true });
      const logitErr = maxAbsDiff(logits.dataSync(), c.logits.data);
      const loss = model.loss(ids2d(c.idx), ids2d(c.targets)).dataSync()[0];
      const attn = tf.stack(trace!.attention).dataSync(); // (L, B, nh, T, T)
      const resid = tf.stack(trace!.residual).dataSync(); // (L+1, B, T, C)
      console.log(
        `[parity ${c.name} on ${c.backend}] max |Δlogit| = ${logitErr.toExponential(2)}, |Δloss| = ${Math.abs(loss - c.loss).toExponential(2)}`,
      );
      expect(logitErr).toBeLessThan(1e-4);
      expect(Math.abs(loss - c.loss)).toBeLessThan(1e-4);
      expect(maxAbsDiff(attn, c.attn.data)).toBeLessThan(1e-4);
      expect(maxAbsDiff(resid, c.residual.data)).toBeLessThan(1e-4);
    });
    model.dispose();
  });

  it('reproduces every gradient to 1e-4', () => {
    const model = load(c);
    const { value, grads } = tf.variableGrads(
      () => model.loss(ids2d(c.idx), ids2d(c.targets)),
      model.trainable,
    );
    for (const [name, v] of model.params) {
      const err = maxAbsDiff(torchView(model, name, grads[v.name].dataSync() as Float32Array), c.grads[name]);
      expect(err, name).toBeLessThan(1e-4);
    }
    tf.dispose([value, ...Object.values(grads)]);
    model.dispose();
  });

  it('follows torch.optim.AdamW with clip_grad_norm_ for 3 steps', () => {
    const model = load(c);
    const a = golden.adam;
    const specs = new Map(model.specs.map((s) => [s.name, s]));
    const opt = new AdamW(model.params, (n) => specs.get(n)!.decay, {
      beta1: a.betas[0],
      beta2: a.betas[1],
      eps: a.eps,
      weightDecay: a.weight_decay,
      gradClip: a.grad_clip,
    });
    const losses: number[] = [];
    for (let i = 0; i < 3; i++) {
      tf.tidy(() => {
        const { value, grads } = tf.variableGrads(
          () => model.loss(ids2d(c.idx), ids2d(c.targets)),
          model.trainable,
        );
        losses.push(value.dataSync()[0]);
        opt.apply(grads, a.lr);
      });
    }
    expect(maxAbsDiff(losses, c.adam_losses)).toBeLessThan(1e-4);
    for (const [name, v] of model.params) {
      // The key bias has an exactly zero true gradient (softmax ignores a per-row constant);
      // both sides hold float noise ~1e-9 there, which Adam's m/√v blows up to ±lr. Skip such entries.
      const mine = torchView(model, name, v.dataSync() as Float32Array);
      const kept = (_: number, i: number) => Math.abs(c.grads[name][i]) > 1e-6;
      expect(maxAbsDiff(mine.filter(kept), c.adam_weights[name].filter(kept)), name).toBeLessThan(1e-4);
    }
    opt.dispose();
    model.dispose();
  });
});
