// Every lesson stop as a projector shows it, for judging by eye (issue 19): the pretrained model,
// each stop at 1024×768 and 1280×720, in each language given.
// Usage: npm run build && npx vite preview --port 4300 &  node scripts/lesson-screens.mjs [base] [outDir] [langs]
import { mkdir } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from './chromium-path.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:4300';
const out = process.argv[3] ?? 'screenshots/lesson';
const langs = (process.argv[4] ?? 'en').split(',');
const SIZES = [
  [1024, 768],
  [1280, 720],
];

await mkdir(out, { recursive: true });
const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_FLAGS] });
for (const lang of langs)
  for (const [width, height] of SIZES) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${base}/?lesson=1&lang=${lang}`);
    const progress = page.getByTestId('lesson-progress');
    const n = Number((await progress.textContent()).split('/')[1]);
    for (let k = 1; k <= n; k++) {
      await page.waitForFunction(
        () => !document.querySelector('[data-testid="lesson-figure"] [data-waiting]'),
        null,
        {
          timeout: 120_000,
        },
      );
      await page.waitForTimeout(600);
      await page.screenshot({ path: `${out}/${lang}-${width}-stop${String(k).padStart(2, '0')}.png` });
      await page.keyboard.press('PageDown');
    }
    await page.close();
  }
await browser.close();
