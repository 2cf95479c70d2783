/**
 * `npx tsx bench/fused.ts [--backend webgl|wasm|cpu] [--rounds 2] [--steps 3]`: what each group of
 * fused kernels (src/model/fused.ts) saves per baby training step, side by side in one process —
 * webgl in headless Chromium, wasm and cpu in node (single-threaded wasm, the browser's binary).
 */
import { build } from 'esbuild';
import { initNodeBackend } from '../src/worker/backend.node.ts';
import { launch } from './browser';
import { timeVariants } from './fused-variants';

const arg = (flag: string, fallback: string) => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const backend = arg('--backend', 'webgl');
const rounds = Number(arg('--rounds', '2'));
const steps = Number(arg('--steps', '3'));

async function inChromium(): Promise<Record<string, number[]>> {
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
    return await page.evaluate(
      ([r, s]) =>
        (
          globalThis as unknown as { fusedBench: (r: number, s: number) => Promise<Record<string, number[]>> }
        ).fusedBench(r, s),
      [rounds, steps] as const,
    );
  } finally {
    await browser.close();
  }
}

async function inNode(): Promise<Record<string, number[]>> {
  await initNodeBackend(backend as 'wasm' | 'cpu');
  return timeVariants(rounds, steps);
}

const times = backend === 'webgl' ? await inChromium() : await inNode();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const all = median(times['all fused']);
console.log(`baby on ${backend}, ms per training step (median of ${times['all fused'].length})`);
for (const [name, xs] of Object.entries(times)) {
  const m = median(xs);
  console.log(`  ${name.padEnd(22)} ${m.toFixed(0).padStart(6)} ms  (${(m / all).toFixed(2)}× all fused)`);
}
