/**
 * WebGPU (`?backend=webgpu`), on SwiftShader's fallback adapter here: the model's numbers against
 * PyTorch and against wasm, and the whole lab journey. Its speed here says nothing of a real GPU.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, test } from './fixtures';
import { Lab } from './lab';
import { Panels } from './panels';

interface BackendCheck {
  backend: string;
  golden: Record<
    string,
    { logits: number; loss: number; attention: number; residual: number; grads: number }
  >;
  training: { steps: number; here: number[]; reference: number[]; referenceBackend: string };
}

const WASM_DIR = fileURLToPath(
  new URL('../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url),
);
const GOLDEN = JSON.parse(readFileSync(new URL('../fixtures/golden.json', import.meta.url), 'utf8')) as {
  cases: unknown[];
};

test('on WebGPU the model reproduces PyTorch (logits, loss, attention, gradients) and trains as wasm does', async ({
  page,
}) => {
  const bundle = await build({
    entryPoints: ['src/model/webgpu-check.entry.ts'],
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  // A page of the app's origin (WebGPU needs a secure context; about:blank has none).
  await page.route('**/__check', (r) =>
    r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>check</title>' }),
  );
  await page.route('**/__wasm/*', (r) =>
    r.fulfill({
      contentType: 'application/wasm',
      body: readFileSync(WASM_DIR + new URL(r.request().url()).pathname.split('/').pop()),
    }),
  );
  await page.goto('/__check');
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
  const check = (await page.evaluate(
    ([cases]) =>
      (globalThis as unknown as { checkWebGPU: (c: unknown, dir: string) => Promise<unknown> }).checkWebGPU(
        cases,
        '/__wasm/',
      ),
    [GOLDEN.cases],
  )) as BackendCheck;

  expect(check.backend).toBe('webgpu');
  expect(Object.keys(check.golden).length).toBe(GOLDEN.cases.length);
  for (const [name, d] of Object.entries(check.golden)) {
    console.log(`[webgpu parity ${name}] ${JSON.stringify(d)}`);
    for (const [what, err] of Object.entries(d)) expect(err, `${name} ${what}`).toBeLessThan(1e-4);
  }
  const { here, reference } = check.training;
  expect(here).toHaveLength(50);
  const worst = Math.max(...here.map((l, i) => Math.abs(l - reference[i])));
  console.log(`[webgpu training] ${here.slice(0, 4).join(' ')} | ${reference.slice(0, 4).join(' ')}`);
  console.log(
    `[webgpu training] 50 steps, max |Δloss| vs wasm = ${worst.toExponential(2)}, last ${here[49]}`,
  );
  expect(worst).toBeLessThan(1e-3);
  expect(here[49]).toBeLessThan(here[0]); // and it learns
});

test('the lab journey on ?backend=webgpu: train, generate, inspect, export, import', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('preset=nano&seed=1&maxSteps=8&backend=webgpu');
  await expect(lab.id('backend')).toHaveText('webgpu');
  await expect(page.getByText(/software adapter/)).toBeVisible();
  expect(await lab.train()).toBe('done');
  await expect(lab.id('error')).toBeEmpty();
  const loss = await lab.number('train-loss');
  expect(loss).toBeLessThan(4);

  const text = await lab.generateGreedy('The ', 12);
  expect([...text]).toHaveLength(12);
  await new Panels(page).expectShowing(4 + 12);

  const file = await lab.exportCheckpoint();
  await lab.id('train-reset').click();
  await expect(lab.id('train-step')).toHaveText('0');
  await lab.importCheckpoint({ name: file.name, mimeType: 'application/octet-stream', buffer: file.bytes });
  await expect(lab.id('train-step')).toHaveText('8');
  expect(await lab.generateGreedy('The ', 12)).toBe(text);
  await expect(lab.id('error')).toBeEmpty();
});

test('the backend menu moves a session to WebGPU in place, at the same step, and it trains on there', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.open('preset=nano&seed=1&maxSteps=10&backend=wasm');
  expect(await lab.train()).toBe('done');
  const loss = await lab.text('train-loss');
  await page.getByLabel('Run on').selectOption('webgpu');
  await expect(lab.id('backend')).toHaveText('webgpu');
  await expect(lab.id('train-step')).toHaveText('10');
  await expect(lab.id('train-loss')).toHaveText(loss);
  expect(new URL(page.url()).searchParams.get('backend')).toBe('webgpu');
  await lab.setMaxSteps(12);
  expect(await lab.train()).toBe('done');
  await expect(lab.id('train-step')).toHaveText('12');
  await expect(lab.id('error')).toBeEmpty();
});
