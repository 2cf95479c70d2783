/** My models: the list of models kept in this browser, and what opening, copying and saving them say. */
export const models = {
  title: 'My models',
  empty: 'Every model you train, import or load is kept here, in this browser.',
  storage: 'Using {{used}} of the {{quota}} this browser allows the lab. Nothing leaves this browser.',
  megabytes: '{{size}} MB',
  gigabytes: '{{size}} GB',
  open: 'open',
  step: 'step',
  noValidation: 'no validation yet',
  validation: 'val {{loss}} nats · {{bits}} bits/char',
  /** Layers × heads × embedding width, then the context length. */
  shape: '{{layers}}×{{heads}}×{{embd}}, block {{block}}',
  tokenizerBpe: 'BPE',
  tokenizerChars: 'characters',
  openButton: 'Open',
  rename: 'Rename',
  duplicate: 'Duplicate',
  exportButton: 'Export',
  delete: 'Delete',
  reallyDelete: 'Really delete?',
  openNoDelete: 'This model is open: open another before deleting it.',
  compare: 'compare',
  newName: 'New name',
  /** A new model's name: its shape (a preset's id, or its dimensions), then what it learned. */
  nameOn: '{{shape}} on {{corpus}}',
  yourText: 'your text',
  noCorpus: 'no corpus',
  /** Where a reopened model and its corpus came from, when the save does not say. */
  restored: 'restored',
  theModel: 'the model',
  pauseFirst: 'Pause training before opening another model.',
  gone: 'That model is no longer saved in this browser.',
  opening: 'Opening the model…',
  opened: 'Opened “{{name}}”. {{where}}',
  resumes: 'It resumes at step {{step}}.',
  copyInOtherTab:
    'This model is open in another tab too. This tab works on a copy from its last save (step {{step}}), so neither tab overwrites the other.',
  openFailed: 'Could not open that model: {{reason}}. The current model is unchanged.',
  copied: 'Saved a copy: “{{name}}”.',
  copyFailed: 'Could not copy that model: {{reason}}.',
  openCannotDelete: 'That model is open: open another (or build a new one) before deleting it.',
  /** {{figures}}: storageFigures, or nothing when the browser does not say. */
  storageFull:
    'This browser’s storage is full{{figures}}, so the latest changes were not saved. Your previous save is kept. Delete a model in My models to make room.',
  storageFigures: ' ({{used}} of the {{quota}} it allows)',
};
