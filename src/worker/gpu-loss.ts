/**
 * Noticing that the GPU went away under the active backend: WebGL's context loss (a driver reset,
 * the GPU process crashing, a laptop switching GPUs) and WebGPU's `device.lost`. The engine cannot
 * go on on that backend; the page replaces the worker and restores the last save (app/supervisor.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { t } from '../i18n/i18n';

/** Call `onLost` (once) when the active backend's GPU is lost; nothing for wasm and cpu. */
export function watchGpuLoss(onLost: (why: string) => void): void {
  const backend = tf.backend() as {
    gpgpu?: { gl?: { canvas?: EventTarget } };
    device?: { lost?: Promise<{ reason?: string; message?: string }> };
  };
  const name = tf.getBackend();
  let told = false;
  const tell = (why: string) => {
    // A backend the engine has moved off (session.moveToBackend) may lose its GPU harmlessly.
    if (told || tf.getBackend() !== name) return;
    told = true;
    onLost(why);
  };
  backend.gpgpu?.gl?.canvas?.addEventListener('webglcontextlost', () => tell(t('errors.gpuLost.webgl')));
  void backend.device?.lost?.then((info) =>
    tell(
      info?.message ? t('errors.gpuLost.webgpuWhy', { message: info.message }) : t('errors.gpuLost.webgpu'),
    ),
  );
}
