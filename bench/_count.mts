import { APP_OUT } from './app-longtask.ts';
import { launch } from './browser.ts';
import { serve } from './server.ts';

const server = await serve({ '/app/': APP_OUT }, {});
const browser = await launch();
const page = await browser.open(`${server.origin}/app/?preset=baby&seed=1&backend=wasm`);
await page.waitForFunction(() => document.querySelector('[data-testid="backend"]')?.textContent === 'wasm');
await page.getByTestId('load-pretrained').click();
await page.waitForFunction(
  () => (document.querySelector('[data-testid="prompt"]') as HTMLInputElement)?.value === 'ROMEO:',
  null,
  { timeout: 120000 },
);
await page.getByTestId('prompt').fill('To be, or not to be, that is the question:');
await page.getByTestId('generate-step').click();
await page.waitForTimeout(4000);
console.log(
  await page.evaluate(() => {
    const out: string[] = [`total ${document.querySelectorAll('*').length}`];
    for (const p of document.querySelectorAll('[data-testid^="panel-"]'))
      out.push(
        `${p.getAttribute('data-testid')} ${p.querySelectorAll('*').length} (svg ${p.querySelectorAll('svg *').length}, tables ${p.querySelectorAll('table *').length})`,
      );
    return out.join('\n');
  }),
);
await browser.close();
await server.close();
