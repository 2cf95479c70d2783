/**
 * Memory stays flat while training: the engine's live tensors and the wasm heap after 100 steps
 * equal those after 600 (the 10,000-step soak is `npm run bench:soak`; its figures are in the notes).
 */
import { expect, test } from './fixtures';
import { Lab } from './lab';

/** "engine memory: 87 tensors (1.2 MB) · wasm heap 16.8 MB" → its numbers. */
function parse(text: string): { tensors: number; wasmMB: number | null } {
  const tensors = Number(/([\d,]+) tensors/.exec(text)?.[1].replaceAll(',', '') ?? Number.NaN);
  const wasm = /wasm heap ([\d.]+) MB/.exec(text);
  return { tensors, wasmMB: wasm ? Number(wasm[1]) : null };
}

test('training 600 steps keeps the tensor count and the wasm heap flat', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('preset=nano&seed=1&maxSteps=100');
  expect(await lab.train()).toBe('done');
  const early = parse(await lab.text('engine-memory'));
  expect(early.tensors).toBeGreaterThan(0);
  await lab.setMaxSteps(600);
  expect(await lab.train()).toBe('done');
  const late = parse(await lab.text('engine-memory'));
  expect(late.tensors).toBe(early.tensors);
  expect(late.wasmMB).toBe(early.wasmMB);
  console.log(`[soak] after 100 steps: ${JSON.stringify(early)}; after 600: ${JSON.stringify(late)}`);
});
