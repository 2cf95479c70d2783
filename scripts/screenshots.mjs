// Every "see inside" panel as a person sees it, for judging by eye (issue 16): the pretrained model,
// a greedy generation after a prompt, then each panel's own screenshot at 1280×720 and 1920×1080.
// Usage: npm run build && npx vite preview --port 4300 &  node scripts/screenshots.mjs [base] [outDir]
import { mkdir } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from './chromium-path.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:4300';
const out = process.argv[3] ?? 'screenshots';
const PANELS = [
  'panel-next-token',
  'panel-attention',
  'panel-logit-lens',
  'panel-saliency',
  'panel-loss',
  'panel-tokens',
];
const SIZES = [
  [1280, 720],
  [1920, 1080],
];

await mkdir(out, { recursive: true });
const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_FLAGS] });
for (const [width, height] of SIZES) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(`${base}/`);
  // The first screen as a visitor lands on it, once its panels have drawn.
  await page.getByTestId('panel-next-token').locator('svg').first().waitFor({ timeout: 120_000 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${out}/first-screen-${width}.png` });
  await page.getByTestId('sampling-mode').selectOption('greedy');
  await page.getByTestId('gen-length').fill('40');
  await page.getByTestId('gen-length').blur();
  await page.getByTestId('generate').click();
  await page.getByTestId('generate').waitFor({ state: 'visible' });
  await page.waitForFunction(
    () => !document.querySelector('[data-testid="generate"]')?.hasAttribute('disabled'),
  );
  await page.waitForTimeout(1000);
  for (const id of PANELS) {
    const panel = page.getByTestId(id);
    await panel.scrollIntoViewIfNeeded();
    await page.waitForTimeout(1200); // panels draw when in view
    await panel.screenshot({ path: `${out}/${id}-${width}.png` });
  }
  await page.close();
}
await browser.close();
console.log(`screenshots in ${out}/`);
