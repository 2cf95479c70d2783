import type { Messages } from '../catalogue';

export const generate: Messages<'generate'> = {
  title: '4 · Generieren',
  prompt: 'Prompt',
  promptPlaceholder: 'Prompt (leer beginnt mit einer neuen Zeile)',
  generate: 'Generieren',
  oneToken: '+1 Token',
  stop: 'Stopp',
  mode: 'Modus',
  greedy: 'greedy',
  sample: 'Sampling',
  length: 'Länge',
  temperature: 'Temperatur',
  topK: 'Top-k (0 = aus)',
  topP: 'Top-p (1 = aus)',
  seed: 'Seed',
};
