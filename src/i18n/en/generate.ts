/** The generate panel: prompt, buttons and sampling settings. */
export const generate = {
  title: '4 · Generate',
  prompt: 'Prompt',
  promptPlaceholder: 'Prompt (empty starts from a new line)',
  generate: 'Generate',
  oneToken: '+1 token',
  stop: 'Stop',
  mode: 'Mode',
  greedy: 'greedy',
  sample: 'sample',
  length: 'length',
  temperature: 'temperature',
  topK: 'top-k (0 = off)',
  topP: 'top-p (1 = off)',
  seed: 'seed',
};
