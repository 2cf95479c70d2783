/** The page side of bench/fused.ts: webgl, then the variants of bench/fused-variants.ts. */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgl';
import { timeVariants } from './fused-variants';

(globalThis as unknown as { fusedBench: typeof run }).fusedBench = run;

async function run(rounds: number, steps: number): Promise<Record<string, number[]>> {
  if (!(await tf.setBackend('webgl'))) throw new Error('no webgl');
  await tf.ready();
  return timeVariants(rounds, steps);
}
