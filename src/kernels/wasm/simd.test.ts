/** The committed SIMD binaries are simd.wat as it reads now (re-run scripts/build-simd.mjs after editing it). */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { assemble } from '../../../scripts/build-simd.mjs';

it('simd-binary.ts is assembled from the current simd.wat', async () => {
  const committed = readFileSync(new URL('./simd-binary.ts', import.meta.url), 'utf8');
  expect(committed).toBe(await assemble());
});
