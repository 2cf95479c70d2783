/** Fine-tuning: keep the current model's weights and go on training on the current corpus. */
export const fineTune = {
  title: 'Fine-tune',
  /** The button (test id fine-tune). */
  button: 'Fine-tune',
  /** {{step}}: the model's steps so far, formatted. */
  fromCurrent:
    'Keeps this model’s weights (step {{step}}) and trains them on the current corpus, with a fresh optimizer and a gentle learning rate.',
  /** The model in the tab is a new, untrained one: fine-tuning starts from the shipped one instead. */
  fromPretrained:
    'Starts from the pretrained model (Tiny Shakespeare), not the new untrained one, and trains it on the current corpus with a fresh optimizer.',
  noText: 'Give it a text to fine-tune on first: paste, pick or load a corpus.',
  /** The model's tokenizer is byte-level BPE. */
  bpeCovers:
    'This model reads bytes (byte-level BPE): every byte of any text is in its vocabulary, so no character is missing and the choice below does not apply.',
  covered: 'Its vocabulary covers every character of the corpus.',
  /** {{n}}: how many distinct characters, before the list. */
  missing_one: '{{n}} character of the corpus is not in the model’s vocabulary:',
  missing_other: '{{n}} characters of the corpus are not in the model’s vocabulary:',
  /** After a character: how often the corpus holds it. {{n}}: formatted. */
  times: '×{{n}}',
  policy: 'characters it lacks',
  policyExtend: 'add them (new embedding and head rows)',
  policyDrop: 'drop them from the corpus',
  learningRate: 'fine-tune learning rate',
  steps: 'fine-tune steps',
  /** While the model is made ready: vocabulary, fresh optimizer, loss and sample before any step. */
  preparing: 'Getting the model ready to fine-tune: measuring its loss on the new text…',
  /** {{from}}, {{to}}: vocabulary sizes, formatted. */
  vocabGrew: 'Vocabulary {{from}} → {{to}}: added',
  /** {{n}}: characters removed from the corpus, formatted. */
  removed_one: 'Removed {{n}} character from the corpus:',
  removed_other: 'Removed {{n}} characters from the corpus:',
  /** {{step}}: the step the fine-tune started at, formatted. */
  startLoss: 'Validation loss on the new text before any step (step {{step}}):',
  /** {{ln}}: ln(vocab), the loss of a model that knows nothing, formatted. */
  freshLoss: 'a new model starts near ln(vocabulary) = {{ln}}',
  prompt: 'Same prompt, greedy:',
  /** {{step}}: formatted. */
  before: 'before (step {{step}})',
  after: 'after (step {{step}})',
  afterPending: 'after: once it has trained',
  // Engine and action messages (worker/fine-tune.ts, worker/session.ts, app/fine-tune-actions.ts).
  pauseFirst: 'Pause training before fine-tuning.',
  nothingLeft: 'Dropping the characters the vocabulary lacks leaves nothing of this text to train on.',
  /** Appended to errors.corpus.outsideVocabulary. */
  orFineTune: 'Or press Fine-tune to keep this model and add or drop the missing characters.',
  /** A checkpoint loaded whose vocabulary lacks characters of the corpus. */
  vocabularyMismatch:
    'Loaded {{source}}. Its vocabulary lacks some characters of the current corpus: it can generate now, and Fine-tune trains it on the corpus (adding those characters or dropping them).',
  failed: 'Could not fine-tune: {{reason}}',
};
