/**
 * The GPU goes away mid-training (forced here as a driver reset would do it): the engine comes back
 * on wasm from the last save, and the person is told. tfjs keeps its engine at `self._tfengine`
 * in the worker, which is how the test reaches the backend's GL context and WebGPU device.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Lab } from './lab';

/** Run `lose` in the engine worker, on the active tfjs backend. */
async function loseGpu(page: Page, lose: string): Promise<void> {
  const worker = page.workers().find((w) => w.url().includes('engine.worker'));
  expect(worker).toBeTruthy();
  await worker!.evaluate(`(() => { const be = self._tfengine.backendInstance; ${lose}; })()`);
}

for (const { backend, lose, says } of [
  {
    backend: 'webgl',
    lose: "be.gpgpu.gl.getExtension('WEBGL_lose_context').loseContext()",
    says: 'the WebGL context was lost',
  },
  { backend: 'webgpu', lose: 'be.device.destroy()', says: 'the WebGPU device was lost' },
]) {
  test(`a lost ${backend} GPU mid-training: training goes on on wasm from the last save`, async ({
    page,
  }) => {
    const lab = new Lab(page);
    await lab.open(`preset=nano&seed=1&maxSteps=3&backend=${backend}`);
    await expect(lab.id('backend')).toHaveText(backend);
    expect(await lab.train()).toBe('done'); // saved at step 3
    await lab.setMaxSteps(100_000);
    await lab.id('train-start').click();
    await expect.poll(() => lab.number('train-step'), { timeout: 120_000 }).toBeGreaterThan(4);
    await loseGpu(page, lose);

    const notice = page.getByRole('status').filter({ hasText: says });
    await expect(notice).toContainText('started again on wasm from your last save, at step 3');
    await expect(lab.id('backend')).toHaveText('wasm');
    await expect(lab.id('train-step')).toHaveText('3');
    await expect(lab.id('status')).toHaveText('paused');
    await expect(lab.id('error')).toBeEmpty();
    await lab.setMaxSteps(10);
    expect(await lab.train()).toBe('done');
    expect(await lab.number('train-step')).toBe(10);
  });
}
