import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initBackend, isSoftwareRenderer } from './backend';
import { initNodeBackend } from './backend.node';

/** Deterministic, non-trivial values in [-1, 1). */
function values(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out[i] = s / 1073741824 - 1;
  }
  return out;
}

/** matMul results (plain, and with each transpose flag) on the active backend. */
function matMuls(): Float32Array[] {
  return tf.tidy(() => {
    const a = tf.tensor2d(values(24 * 40, 1), [24, 40]);
    const b = tf.tensor2d(values(40 * 16, 2), [40, 16]);
    return [
      tf.matMul(a, b),
      tf.matMul(a, tf.tensor2d(values(24 * 16, 3), [24, 16]), true, false),
      tf.matMul(a, b.transpose(), false, true),
    ].map((t) => t.dataSync() as Float32Array);
  });
}

function expectClose(actual: Float32Array, expected: Float32Array, tol = 1e-4): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  expect(worst).toBeLessThan(tol);
}

describe('tfjs backends in node', () => {
  it('wasm initialises from node_modules and matMul matches cpu', async () => {
    await initNodeBackend('cpu');
    expect(tf.getBackend()).toBe('cpu');
    const onCpu = matMuls();

    await initNodeBackend('wasm');
    expect(tf.getBackend()).toBe('wasm');
    const onWasm = matMuls();
    onCpu.forEach((expected, i) => {
      expectClose(onWasm[i], expected);
    });
  });

  it('oneHot then cast gives exact ones on wasm (TFJS-NOTES pitfall 2)', async () => {
    await initNodeBackend('wasm');
    const idx = [0, 3, 1, 4, 4, 2];
    const hot = tf.tidy(() => tf.oneHot(tf.tensor1d(idx, 'int32'), 5).cast('float32').dataSync());
    const expected = new Float32Array(idx.length * 5);
    idx.forEach((k, row) => {
      expected[row * 5 + k] = 1;
    });
    expect(Array.from(hot)).toEqual(Array.from(expected));
  });

  it('initBackend picks and reports the requested backend', async () => {
    const cpu = await initBackend('cpu');
    expect(cpu).toMatchObject({ name: 'cpu', renderer: 'JavaScript' });
    expect(tf.getBackend()).toBe('cpu');

    // No OffscreenCanvas in node: auto means wasm; an explicit webgl request falls back to it.
    const auto = await initBackend('auto');
    expect(auto.name).toBe('wasm');
    expect(auto.reason).toMatch(/no webgl/i);
    expect(auto.renderer).toMatch(/^wasm/);
    expect(tf.getBackend()).toBe('wasm');

    const webgl = await initBackend('webgl');
    expect(webgl.name).toBe('wasm');
    expect(webgl.reason).toMatch(/fell back to wasm/);
  });

  it('recognises software GL renderers', () => {
    expect(
      isSoftwareRenderer(
        'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      ),
    ).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('Microsoft Basic Render Driver')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)')).toBe(
      false,
    );
    expect(isSoftwareRenderer('Apple M2')).toBe(false);
  });
});
