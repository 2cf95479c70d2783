/** Bundled by e2e/kernels.spec.ts into a page of its own: the fused-kernel check on webgl. */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgl';
import { checkFusedKernels } from '../../model/fused-check';

(globalThis as unknown as { checkFusedKernels: () => Promise<unknown> }).checkFusedKernels = async () => {
  if (!(await tf.setBackend('webgl'))) throw new Error('no webgl backend');
  await tf.ready();
  return checkFusedKernels();
};
