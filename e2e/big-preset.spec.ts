/**
 * The biggest preset in the tab: nanoGPT's Shakespeare-char shape (6 layers, 6 heads, 384 embd,
 * block 256) trains a few steps on wasm with the engine's live tensors flat and its wasm heap where
 * the estimate puts it; a configuration that cannot fit is warned about in the Model panel before
 * training and refused with a specific message. Slow on 2 cores (a step takes seconds): few steps.
 */
import { makeConfig, PRESETS, trainingMemoryBytes } from '../src/model/config';
import { wasmHeapBytes } from '../src/model/memory-fit';
import { expect, test } from './fixtures';
import { Lab } from './lab';

test.describe.configure({ timeout: 600_000 });

/** ~12,000 characters of plain sentences (the default sample is shorter than two blocks of 256). */
function longText(): string {
  const words = [
    'the',
    'moth',
    'lamp',
    'garden',
    'night',
    'light',
    'small',
    'old',
    'flew',
    'saw',
    'and',
    'a',
  ];
  let s = 7;
  const rand = (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
  const line = () => `${Array.from({ length: 6 + rand(6) }, () => words[rand(words.length)]).join(' ')}.`;
  return Array.from({ length: 300 }, line).join('\n');
}

/** "engine memory: 87 tensors (1.2 MB) · wasm heap 16.8 MB" → its numbers. */
function engineMemory(text: string): { tensors: number; heapMB: number } {
  const tensors = Number(/([\d,]+) tensors/.exec(text)?.[1].replaceAll(',', '') ?? Number.NaN);
  return { tensors, heapMB: Number(/wasm heap ([\d.]+) MB/.exec(text)?.[1] ?? Number.NaN) };
}

/** Press Train and wait (minutes, not lab.train's three) until the run ends, or is refused with a message. */
async function train(lab: Lab): Promise<string> {
  await lab.id('train-start').click();
  let status = '';
  await expect
    .poll(
      async () => {
        status = await lab.text('status');
        return /^(done|paused|error)$/.test(status) || (status === 'idle' && (await lab.error()) !== '');
      },
      { timeout: 540_000, intervals: [250, 1000] },
    )
    .toBe(true);
  return status;
}

test('a configuration that cannot fit is warned about before training and refused', async ({ page }) => {
  const lab = new Lab(page);
  // nanoGPT's own batch for this model: ~7.6 GiB of tensors a step, ~10.6 GiB of wasm heap (cap: 4 GiB).
  await lab.open('backend=wasm&preset=shakespeare&batch=64&maxSteps=2');
  const warning = lab.id('model-memory-warning');
  await expect(warning).toHaveAttribute('data-level', 'wontFit');
  await expect(warning).toContainText('batch 64');
  await expect(warning).toContainText("wasm's memory stops at 4 GB");
  await expect(warning).toContainText(/Try batch \d+ or less\./);
  await lab.id('train-start').click();
  await expect(lab.id('error')).toContainText("Not training: Won't fit");
  await expect(lab.id('status')).toHaveText('idle');
  await expect(lab.id('train-step')).toHaveText('0');
  // The preset's own batch fits: the warning goes.
  await lab.setNumber(lab.panel(/· Model$/).getByLabel('batch'), PRESETS.shakespeare.batch_size);
  await expect(warning).toHaveCount(0);
});

test('the shakespeare preset trains on wasm, tensors flat and the heap as estimated', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('backend=wasm&preset=shakespeare&seed=1&maxSteps=2');
  const text = longText();
  await lab.setCorpus(text);
  await expect(lab.id('model-preset-note')).toContainText('10.80 M parameters');
  await expect(lab.id('model-memory-warning')).toHaveCount(0);
  expect(await train(lab)).toBe('done');
  await expect(lab.id('train-step')).toHaveText('2');
  expect(Number.isFinite(await lab.number('train-loss'))).toBe(true);
  const early = engineMemory(await lab.text('engine-memory'));
  expect(early.tensors).toBeGreaterThan(0);

  await lab.setMaxSteps(3);
  expect(await train(lab)).toBe('done');
  const late = engineMemory(await lab.text('engine-memory'));
  expect(late.tensors).toBe(early.tensors);

  // The heap holds a step's peak, within the overhead the refusal assumes (model/memory-fit.ts).
  const config = makeConfig(PRESETS.shakespeare.shape, new Set(text).size);
  const need = trainingMemoryBytes(config, PRESETS.shakespeare.batch_size, 'fused');
  expect(late.heapMB * 1e6).toBeGreaterThan(need);
  expect(late.heapMB * 1e6).toBeLessThan(wasmHeapBytes(need));
  console.log(
    `[big-preset] estimate ${(need / 1e6).toFixed(0)} MB; after 2 steps ${JSON.stringify(early)}, after 3 ${JSON.stringify(late)}`,
  );
});
