/**
 * The fused WebGL kernels (src/kernels/webgl) against the composed tfjs ops they replace, in this
 * Chromium's WebGL (SwiftShader without a GPU). Node has no WebGL, so this is where the shaders run:
 * src/kernels/webgl/check.entry.ts is bundled into a blank page of its own.
 */

import { build } from 'esbuild';
import { expect, test } from './fixtures';

interface KernelCheck {
  backend: string;
  fused: Record<string, boolean>;
  diff: Record<string, number>;
  fallbacks: number;
  losses: { fused: number[]; composed: number[] };
}

test('fused WebGL kernels agree with the composed ops, and training with them follows the same losses', async ({
  page,
}) => {
  const bundle = await build({
    entryPoints: ['src/kernels/webgl/check.entry.ts'],
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  await page.goto('about:blank');
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
  const check = (await page.evaluate(() =>
    (globalThis as unknown as { checkFusedKernels: () => Promise<unknown> }).checkFusedKernels(),
  )) as KernelCheck;

  expect(check.backend).toBe('webgl');
  // Every fused kernel but the column split, the transpose (tfjs's own are fine on webgl) and
  // GELU with its derivative (a second output is a second program on WebGL: gelu and geluGrad do it).
  for (const [kernel, used] of Object.entries(check.fused))
    expect(used, kernel).toBe(
      !['splitColumns', 'transpose', 'geluWithDerivative', 'causalAttention', 'causalAttentionGrad'].includes(
        kernel,
      ),
    );
  expect(Object.keys(check.diff).length).toBeGreaterThan(4);
  for (const [name, d] of Object.entries(check.diff)) expect(d, name).toBeLessThan(2e-5);
  expect(check.fallbacks, 'only the odd-sized batched product (value and 2 gradients) falls back').toBe(3);
  expect(check.losses.fused).toHaveLength(4);
  check.losses.fused.forEach((loss, i) => {
    expect(loss).toBeCloseTo(check.losses.composed[i], 4);
  });
});
