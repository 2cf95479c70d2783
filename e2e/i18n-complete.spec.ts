/**
 * Completeness of the catalogues: the app rendered in the pseudo-locale (every catalogue letter
 * accented, i18n/pseudo.ts) shows no plain ASCII word outside data marked translate="no", what a
 * message quotes, and a few names every language writes alike (WebGPU, wasm…) — on the
 * first screen, the lab with a trained model and every panel drawn, and every lesson stop. A string
 * written in a component instead of a catalogue fails here, with the words and where they are.
 */
import type { Page } from '@playwright/test';
import { en } from '../src/i18n/en';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1280, height: 900 } });

/** Words of 2+ ASCII letters in visible text and in labels a screen reader reads, outside translate="no". */
async function untranslated(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    // Names that are the same in every language, and what a message quotes (a file's name, a token).
    const names = new Set(['WebGPU', 'WebGL', 'wasm', 'SIMD', 'SwiftShader', 'JavaScript']);
    const quoted = /"[^"]*"|“[^”]*”|„[^“]*“|«[^»]*»/g;
    const check = (text: string | null, where: Element) => {
      const words = (text ?? '')
        .replace(quoted, ' ')
        .match(/[A-Za-z]{2,}/g)
        ?.filter((w) => !names.has(w));
      if (words?.length)
        found.push(
          `${words.join(' ')}  ←  <${where.tagName.toLowerCase()} ${where.className}>: ${text?.trim().slice(0, 80)}`,
        );
    };
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) return check(node.textContent, node.parentElement!);
      if (!(node instanceof Element)) return;
      if (node.getAttribute('translate') === 'no' || ['SCRIPT', 'STYLE', 'TEXTAREA'].includes(node.tagName))
        return;
      if (node instanceof HTMLElement && getComputedStyle(node).display === 'none') return;
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description'])
        if (node.hasAttribute(attr)) check(node.getAttribute(attr), node);
      for (const child of Array.from(node.childNodes)) walk(child);
    };
    walk(document.body);
    return found;
  });
}

const PSEUDO = 'en-XA';

test('every string on the first screen, in the lab and on every lesson stop comes from a catalogue', async ({
  page,
}) => {
  const missing = new Set<string>();
  const collect = async (where: string) => {
    for (const w of await untranslated(page)) missing.add(`${where}: ${w}`);
  };
  // The first screen: the pretrained model thinking about a prompt, every see-inside panel drawn.
  await page.goto(`/?lang=${PSEUDO}`);
  await expect(page.getByTestId('panel-next-token').locator('svg').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('backend')).toHaveText(/^(webgpu|webgl|wasm|cpu)$/);
  await page.waitForTimeout(1500);
  await collect('first screen');
  // Every lesson stop, its figure drawn.
  await page.getByTestId('lesson-open').click();
  const n = Object.keys(en.lesson.stops).length;
  for (let k = 1; k <= n; k++) {
    await expect(page.getByTestId('lesson-progress')).toHaveText(`${k} / ${n}`);
    await expect(page.getByTestId('lesson-figure').locator('[data-waiting]')).toHaveCount(0, {
      timeout: 60_000,
    });
    await collect(`lesson stop ${k}`);
    await page.keyboard.press('PageDown');
  }
  await page.keyboard.press('Escape');
  // The lab: a small model trained a few steps (loss chart, samples, stats), generation, saliency.
  await page.goto(`/?lang=${PSEUDO}&preset=nano&seed=1&maxSteps=30`);
  await expect(page.getByTestId('train-start')).toBeEnabled({ timeout: 60_000 });
  await page.getByTestId('train-start').click();
  await expect(page.getByTestId('status')).toHaveText('done', { timeout: 120_000 });
  await page.getByTestId('generate').click();
  await expect(page.getByTestId('output')).not.toBeEmpty();
  await page.waitForTimeout(1500);
  await collect('lab after training');
  // A bad input's message, and the error region's button: a file that is not a checkpoint.
  await page.getByTestId('import-checkpoint').setInputFiles({
    name: 'notes.safetensors',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('these are my notes, not a model'),
  });
  await expect(page.getByTestId('error')).not.toBeEmpty();
  await collect('an error');
  expect([...missing], 'text that did not come from a catalogue').toEqual([]);
});
