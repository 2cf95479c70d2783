/** 2 · Model: the model's shape (a preset or custom), tokenizer and run settings, and its figures. */
export const model = {
  title: '2 · Model',
  preset: 'Preset',
  /** The presets' names: the ids the lab and its links use, shown as they are. */
  presetNames: {
    nano: 'nano',
    baby: 'baby',
    small: 'small',
  },
  /** A preset in the list: its name, then its shape. */
  presetShape: '{{name}} · {{layers}} layers, {{heads}} heads, {{embd}} wide, block {{block}}',
  presetCustom: 'custom…',
  // The shape's fields, named as nanoGPT's config names them.
  layers: 'layers',
  heads: 'heads',
  embd: 'embd',
  block: 'block',
  tokenizer: 'Tokenizer',
  tokenizerChars: 'characters',
  tokenizerBpe: 'byte-level BPE',
  bpeVocab: 'BPE vocab',
  seed: 'seed',
  learningRate: 'learning rate',
  batch: 'batch',
  maxSteps: 'max steps',
  /** After the parameter count (in bold); {{memory}}: megabytes. Layers × heads × embedding width, then the context length. */
  stats:
    'parameters · vocab {{vocab}} · ~{{memory}} to train · {{layers}}×{{heads}}×{{embd}}, block {{block}}',
  megabytes: '{{size}} MB',
  /** Where the open model came from, when it was built here (trained or not yet). */
  sourceNew: 'new',
  none: 'No model yet.',
};
