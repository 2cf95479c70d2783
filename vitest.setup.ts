// Unit tests run on tfjs's cpu backend unless a test picks another; cpu is the reference.
import * as tf from '@tensorflow/tfjs';
import { beforeAll } from 'vitest';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});
