import type { Messages } from '../catalogue';

export const generate: Messages<'generate'> = {
  title: '4 · Generar',
  prompt: 'Prompt',
  promptPlaceholder: 'Prompt (vacío empieza desde una línea nueva)',
  generate: 'Generar',
  oneToken: '+1 token',
  stop: 'Parar',
  mode: 'Modo',
  greedy: 'voraz',
  sample: 'muestreo',
  length: 'longitud',
  temperature: 'temperatura',
  topK: 'top-k (0 = desactivado)',
  topP: 'top-p (1 = desactivado)',
  seed: 'semilla',
};
