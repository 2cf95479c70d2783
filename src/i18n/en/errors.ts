/**
 * What the engine (the Web Worker) says to the person: why a request was refused, what is wrong
 * with a file, and why it runs on the backend it does. Written in the worker, in the person's
 * language (the app tells it which). Names from files and code stay as they are: tensor names,
 * dtypes, JSON keys (__metadata__, data_offsets, vocab_size, n_embd…), backend names.
 */
export const errors = {
  corpus: {
    empty: 'The corpus is empty: paste some text, pick a text file, or choose a sample.',
    /** {{length}}, {{limit}}: counts of characters, formatted. */
    tooLong: 'The corpus has {{length}} characters; the limit is {{limit}}.',
    binary: 'This looks like binary data, not text ({{n}} control or undecodable characters).',
    /** Building a model: its vocabulary comes from the corpus. */
    first: 'Load a corpus first: the model takes its vocabulary from it.',
    toTrain: 'Load a corpus to train on.',
    /** {{reason}}: tokenizer.outOfVocabulary. "Reset" is the Training panel's button. */
    outsideVocabulary:
      'The corpus does not fit this model’s vocabulary ({{reason}}). Press Reset to build a new model for it.',
    /** {{block}}: the block size; {{need}}: block size + 1; {{train}}, {{val}}: the tokens each part has. */
    tooShort:
      'The corpus is too short: with block size {{block}}, its training and validation parts each need at least {{need}} tokens (they have {{train}} and {{val}}). Add text or choose a smaller block size.',
  },
  /** A request the engine refuses while training runs. */
  pauseFirst: {
    measuring: 'Pause training before measuring the backends.',
    switching: 'Pause training before switching the backend.',
    corpus: 'Pause training before changing the corpus.',
    building: 'Pause training before building a new model.',
    loading: 'Pause training before loading a checkpoint.',
    restoring: 'Pause training before restoring.',
  },
  noModel: 'There is no model yet: build one, train, or load the pretrained model.',
  noTokenizer: 'There is no tokenizer yet: load a corpus or a model first.',
  /** {{reason}}: why, e.g. tokenizer.outOfVocabulary. */
  promptNotEncoded: 'The prompt cannot be encoded: {{reason}}',
  /** {{max}}: 10,000, formatted. */
  length: 'The length must be a whole number of tokens from 1 to {{max}}.',
  inspectEmpty: 'Type some text to inspect.',
  textNotEncoded: 'The text cannot be encoded: {{reason}}',
  sampling: {
    temperature: 'temperature must be ≥ 0',
    topK: 'top-k must be a whole number ≥ 0 (0 = off)',
    topP: 'top-p must be in (0, 1] (1 = off)',
  },
  training: {
    running: 'Training is already running.',
    learningRate: 'The learning rate must be a positive number.',
    batchSize: 'The batch size must be a whole number ≥ 1.',
    maxSteps: 'Max steps must be a whole number ≥ 1.',
    /** {{loss}}: NaN or Infinity; {{lr}}: the learning rate as typed; {{back}}: the step the weights returned to. */
    diverged:
      'Training stopped: the loss became {{loss}} at step {{step}} (the learning rate {{lr}} is probably too high). The weights are back to step {{back}}.',
  },
  /** Why the engine's GPU went away (shown inside app.engineRecovered / app.engineRebuilt). */
  gpuLost: {
    webgl: 'the WebGL context was lost',
    webgpu: 'the WebGPU device was lost',
    /** {{message}}: the browser's own words. */
    webgpuWhy: 'the WebGPU device was lost ({{message}})',
  },
  /** A checkpoint file (.safetensors) that cannot be loaded: shown after "Could not load …:". */
  checkpoint: {
    noTensor: 'the checkpoint has no tensor "{{name}}", which its config needs',
    shape: 'tensor "{{name}}" has shape [{{shape}}] but the config needs [{{need}}]',
    unexpected: 'unexpected tensor "{{name}}": the file does not match its own config',
    noMetadata: 'the file\'s __metadata__ has no "{{key}}": it is not a TinyGPT/nanoGPT checkpoint',
    metadataJson: '__metadata__.{{key}} is not valid JSON',
    configNotObject: '__metadata__.config is not an object',
    /** {{reason}}: one of config.*. */
    badConfig: 'bad config in checkpoint: {{reason}}',
    /** {{reason}}: one of tokenizer.*. */
    badTokenizer: 'bad tokenizer in checkpoint: {{reason}}',
    vocabSize: "the tokenizer has {{vocab}} tokens but the model's vocab_size is {{size}}",
  },
  /** The safetensors container itself: its 8-byte length, JSON header and data section. */
  safetensors: {
    tooShort: 'file too short ({{bytes}} bytes): a safetensors file starts with an 8-byte header length',
    headerPastEnd:
      'header length {{n}} is larger than the file ({{bytes}} bytes): truncated or not a safetensors file',
    headerTooLong: 'header length {{n}} exceeds 100 MB',
    /** {{reason}}: the JSON parser's own words. */
    headerJson: 'header is not valid JSON: {{reason}}',
    headerNotObject: 'header is not valid JSON: expected an object of tensors',
    metadataNotObject: '"{{key}}" must be an object of strings',
    metadataNotString: 'metadata value for "{{key}}" is not a string',
    overlap: 'tensors "{{a}}" and "{{b}}" have overlapping data_offsets',
    entryNotObject: 'tensor "{{name}}": header entry is not an object',
    noDtype: 'tensor "{{name}}" has no dtype',
    invalidDtype: 'tensor "{{name}}" has an invalid dtype {{dtype}}',
    /** A dtype safetensors knows (I64, F64…) that this app does not read. */
    unsupportedDtype: 'tensor "{{name}}" has unsupported dtype {{dtype}} (supported: F32, F16, BF16)',
    unknownDtype: 'tensor "{{name}}" has unknown dtype {{dtype}} (supported: F32, F16, BF16)',
    invalidShape: 'tensor "{{name}}" has an invalid shape {{shape}}',
    invalidOffsets: 'tensor "{{name}}" has invalid data_offsets {{offsets}}',
    sizeMismatch:
      'tensor "{{name}}": shape [{{shape}}] × {{dtype}} needs {{expected}} bytes but data_offsets [{{begin}}, {{end}}] span {{span}}',
    outOfBounds:
      'tensor "{{name}}": data_offsets [{{begin}}, {{end}}] are out of bounds of the {{length}}-byte data section (truncated file?)',
  },
  /** A model configuration that cannot build a model (from a checkpoint, or the model settings). */
  config: {
    positiveInteger: 'config.{{key}} must be a positive integer, got {{value}}',
    divisible: 'n_embd ({{embd}}) must be divisible by n_head ({{heads}})',
    dropout: 'dropout must be in [0, 1), got {{value}}',
    booleans: 'config.bias and config.tied must be booleans',
  },
  /** A tokenizer that cannot be rebuilt from a checkpoint's JSON, and text it cannot encode. */
  tokenizer: {
    /** What a JSON value is, in the messages below: kindArray, kindNull, or kindOther. */
    kindArray: 'an array',
    kindNull: 'null',
    /** {{type}}: JavaScript's name for it (number, boolean, object, undefined…). */
    kindOther: 'a {{type}}',
    notObject: 'Tokenizer JSON must be an object, got {{kind}}',
    needsChars: 'Char tokenizer JSON needs a "chars" array, got {{kind}}',
    charNotString: 'Char tokenizer "chars"[{{i}}] must be a string, got {{kind}}',
    needsMerges: 'BPE tokenizer JSON needs a "merges" array, got {{kind}}',
    needsPattern: 'BPE tokenizer JSON needs a "pattern" string, got {{kind}}',
    mergeNotPair: 'BPE merge {{i}} must be a pair of integer token ids, got {{merge}}',
    unknownKind: 'Unknown tokenizer kind {{kind}}; expected "char" or "bpe"',
    charNotOne: 'Char vocabulary entry {{i}} must be a single character, got {{ch}}',
    charTwice: 'Char vocabulary has {{ch}} twice (entries {{first}} and {{i}})',
    /** {{reason}}: the browser's own words. */
    badPattern: 'BPE split pattern {{pattern}} is not a valid regex: {{reason}}',
    tooManyMerges: 'BPE has {{n}} merges; at most {{max}} are supported',
    mergeUndefined: 'BPE merge {{i}} uses token {{id}}, but only ids 0..{{last}} exist before it',
    mergeRepeats: 'BPE merge {{i}} repeats merge {{earlier}}: ({{a}}, {{b}})',
    /** {{shown}}: up to ten of the characters, quoted; {{more}}: outOfVocabularyMore, or nothing. */
    outOfVocabulary: '{{n}} character(s) are not in the vocabulary: {{shown}}{{more}}',
    outOfVocabularyMore: ' and {{n}} more',
  },
  /** Starting a tfjs backend, and why the engine runs where it does (the header's tooltip). */
  backend: {
    didNotStart: '{{name}} backend did not initialise',
    notActive: '{{name}} backend is not active',
    noWebgl2: 'webgl: no WebGL2 context',
    noWebgpu: 'webgpu: this browser offers no WebGPU adapter',
    /** {{failures}}: each backend's failure, joined with "; ". */
    noneStarted: 'No tfjs backend could start ({{failures}})',
    reasonNoWebgl2: 'No WebGL2 here; wasm is the fastest backend available',
    /** {{renderer}}: the software rasteriser's name (SwiftShader, llvmpipe…). */
    reasonWebglSoftware: 'WebGL is software-rendered ({{renderer}}); wasm is faster here',
    /** {{renderer}}: the GPU's name as WebGL reports it. */
    reasonWebglGpu: 'WebGL2 runs on a GPU ({{renderer}})',
    reasonRequested: '{{name}} was requested',
    noteWebglSoftware: ' (note: WebGL is software-rendered here, {{renderer}})',
    noteWebgpuSoftware: ' (note: the WebGPU adapter is a software one, {{adapter}}: correct, not fast)',
    /** {{why}}: one of the reasons above; {{failures}}: what failed, joined with "; ". */
    reasonFellBack: '{{why}}, but it failed to start ({{failures}}); fell back to {{name}}',
    /** {{why}}: one of the wasm* reasons below. */
    singleThreaded: '; single-threaded: {{why}}',
    wasmNotIsolated: 'the page is not cross-origin isolated',
    wasmOneCore: 'only 1 CPU core',
    wasmMangled: 'the bundler mangled the threaded wasm build',
    /** The renderer: a GPU name, then this. */
    softwareAdapter: '{{adapter}} (software adapter)',
    wasmNoSimd: 'wasm (no SIMD)',
    threads_one: '{{n}} thread',
    threads_other: '{{n}} threads',
  },
};
