/** Keep & share: checkpoints out and in, the shipped pretrained model, and what loading them says. */
export const checkpoint = {
  title: 'Keep & share',
  loadPretrained: 'Load pretrained model',
  export: '⤓ Export .safetensors',
  import: '⤒ Import checkpoint…',
  /** Before the shipped model's preset and corpus, then its training. */
  pretrained: 'Pretrained:',
  pretrainedTraining: '{{steps}} steps · val loss {{loss}}.',
  about:
    "Checkpoints use nanoGPT's tensor names and PyTorch shapes; they load into a nanoGPT-style model in Python. Your session is also saved in this browser automatically.",
  /** The shipped model, where a file's name would go: "Could not load the pretrained model: …". */
  pretrainedSource: 'the pretrained model',
  /** A file, named where a source goes. */
  fileSource: '"{{name}}"',
  loadingPretrained: 'Loading the pretrained model…',
  pretrainedFailed: 'Could not load the pretrained model: {{reason}}.',
  serverAnswered: 'the server answered {{status}}',
  exportFailed: 'Export failed: {{reason}}',
  pauseFirst: 'Pause training before loading a checkpoint.',
  loadFailed: 'Could not load {{source}}: {{reason}}. The current model is unchanged.',
  tooLarge: '"{{name}}" is too large for a checkpoint here ({{size}} MB).',
  vocabularyMismatch:
    'Loaded {{source}}. Its vocabulary does not cover the current corpus, so it can generate but not train on it.',
};
