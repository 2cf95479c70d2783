/** 2 · Model: the model's shape (a preset or custom), tokenizer and run settings, and its figures. */
export const model = {
  title: '2 · Model',
  preset: 'Preset',
  /** The presets' names: the ids the lab and its links use, shown as they are. */
  presetNames: {
    nano: 'nano',
    baby: 'baby',
    small: 'small',
    medium: 'medium',
    shakespeare: 'shakespeare',
  },
  /** Under the preset picker: what the chosen preset is. {{params}}: millions of parameters with a 65-character vocabulary. */
  presetNotes: {
    nano: 'Trains in seconds: for class demos.',
    baby: "nanoGPT's CPU config (its README's laptop run): {{params}} M parameters.",
    small: "nanoGPT's depth and heads at half its width: {{params}} M parameters.",
    medium: "nanoGPT's Shakespeare width and depth at half its context: {{params}} M parameters.",
    shakespeare:
      "nanoGPT's Shakespeare-char model: {{params}} M parameters here, where nanoGPT says 10.65 M (it has no biases, ties the head to the token embedding and leaves the position embedding out of its count). Batch 8 instead of its 64, which needs about 7.6 GB a step; no dropout (nanoGPT: 0.2).",
  },
  /** A preset's measured time per training step, after its shape in the picker. */
  presetTime: '{{name}} · ≈ {{time}}/step',
  /** Bench figures (bench/presets.ts), shown under the picker. {{date}}: a numeric date. */
  bench: {
    measured:
      'Measured {{date}}: ≈ {{time}} a training step at batch {{batch}} on wasm, in node on one thread of a {{cores}}-core CPU:',
    noGpu: 'WebGPU and WebGL: not measured (the machine that measured has no GPU).',
    ms: '{{n}} ms',
    seconds: '{{n}} s',
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
  gigabytes: '{{size}} GB',
  /**
   * Will a training step fit? {{need}}: tensors alive at its peak; {{uses}}: what is held against the
   * limit (wasm: the heap those tensors take; WebGPU: the largest tensor); {{limit}}: the limit.
   */
  memory: {
    wontFit: {
      wasmHeap:
        "Won't fit: a training step at batch {{batch}} needs about {{need}} of tensors, {{uses}} of wasm memory, and wasm's memory stops at {{limit}}.",
      gpuBuffer:
        "Won't fit: at batch {{batch}} one tensor of a training step takes {{uses}}, and this GPU's WebGPU allows {{limit}} per buffer.",
      deviceMemory:
        "Won't fit: a training step at batch {{batch}} needs about {{uses}}, more than the {{limit}} of memory this device reports.",
    },
    tight: {
      wasmHeap:
        "Close to the limit: a training step at batch {{batch}} needs about {{uses}} of wasm's {{limit}}; a long session or other tabs may run it out.",
      gpuBuffer:
        'Close to the limit: at batch {{batch}} one tensor of a training step takes {{uses}} of the {{limit}} this GPU allows per buffer.',
      deviceMemory:
        'A training step at batch {{batch}} needs about {{uses}}, and this device reports {{limit}} of memory: training may fail or slow everything down.',
    },
    adviceBatch: 'Try batch {{max}} or less.',
    adviceSmaller: 'Make the model smaller: fewer layers, a narrower embedding or a shorter block.',
    /** In the error region when Train is pressed anyway; {{why}}: the warning above. */
    refused: 'Not training: {{why}}',
  },
  /** Where the open model came from, when it was built here (trained or not yet). */
  sourceNew: 'new',
  none: 'No model yet.',
};
