/**
 * `npx tsx bench/fused.ts [--backend webgl] [--rounds 2] [--steps 3]`: what each group of fused
 * kernels (src/model/fused.ts) saves per baby training step, side by side in one page.
 */
import { build } from 'esbuild';
import { launch } from './browser';

const arg = (flag: string, fallback: string) => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : fallback;
};

const backend = arg('--backend', 'webgl');
const bundle = await build({
  entryPoints: [new URL('./fused.entry.ts', import.meta.url).pathname],
  bundle: true,
  format: 'iife',
  write: false,
  logLevel: 'silent',
});
const browser = await launch();
try {
  const page = await browser.context.newPage();
  await page.goto('about:blank');
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
  const times = await page.evaluate(
    ([b, r, s]) =>
      (
        globalThis as unknown as {
          fusedBench: (b: string, r: number, s: number) => Promise<Record<string, number[]>>;
        }
      ).fusedBench(b, r, s),
    [backend, Number(arg('--rounds', '2')), Number(arg('--steps', '3'))] as const,
  );
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const all = median(times['all fused']);
  console.log(`baby on ${backend}, ms per training step (median of ${times['all fused'].length})`);
  for (const [name, xs] of Object.entries(times)) {
    const m = median(xs);
    console.log(`  ${name.padEnd(22)} ${m.toFixed(0).padStart(6)} ms  (${(m / all).toFixed(2)}× all fused)`);
  }
} finally {
  await browser.close();
}
