/** 1 · Corpus: the text to train on (typed, a file, a URL, a sample), its figures, and what loading it says. */
export const corpus = {
  title: '1 · Corpus',
  /** The button that loads the Tiny Shakespeare text: a data set's name. */
  tinyShakespeare: 'Tiny Shakespeare',
  sample: 'Built-in sample',
  samplesPick: 'Samples…',
  /** The built-in samples' names (app/samples.ts), by id. */
  samples: {
    fables: 'Fables (prose written for this lab)',
    grammar: 'Tiny grammar (simple sentences)',
    copy: 'Copy task: abc|abc',
    reverse: 'Reverse task: abc|cba',
    counting: 'Counting: 17 18 19 20',
  },
  openFile: 'Open file…',
  urlPlaceholder: 'https://… a .txt file',
  url: 'Corpus URL',
  loadUrl: 'Load URL',
  /** Above the box when a long text shows only its start. */
  excerpt: 'Showing the first {{shown}} of {{total}} characters; the whole text is the corpus.',
  writeOwn: 'Write my own text instead',
  text: 'Training text',
  textPlaceholder: 'Paste or type the text to train on, or drop a text file here.',
  tokenizing: 'Training the BPE tokenizer',
  learningMerges: 'Learning BPE merges… {{percent}}%',
  // The figures line: "<b>1,234</b> characters · vocabulary <b>65</b> · <b>1,234</b> tokens (char) · train 1,110 / val 124 · source".
  characters: 'characters',
  vocabulary: 'vocabulary',
  tokens: 'tokens',
  train: 'train',
  val: 'val',
  /** Where the corpus came from, when it was typed or pasted into the box. */
  sourceTyped: 'typed or pasted',
  /** After a file's or URL's name, when only its start was taken. */
  sourcePart: '(first {{mb}} MB)',
  /** Before the name of the text the model learned from (in bold), then learnedCharacters. */
  learnedFrom: 'No corpus loaded: the model learned from',
  learnedCharacters: '({{characters}} characters).',
  /** A button, followed by loadItRest. */
  loadIt: 'Load it',
  loadItRest: 'to train on it, or give it text of your own.',
  none: 'No corpus yet.',
  // What loading a corpus says (app/corpus-actions.ts).
  pauseFirst: 'Pause training before changing the corpus.',
  /** After the reason a corpus was refused. */
  previousKept: ' The previous corpus ({{characters}} characters) is still in use.',
  partTaken:
    '"{{name}}" is {{size}} MB; the lab trains on at most {{max}} MB, so it took the first {{max}} MB ({{characters}} characters). To train on another part, cut the file there.',
  binary: '"{{name}}" is not a text file (it contains binary data). Choose a plain-text (.txt) file.',
  notUtf8: '"{{name}}" is not valid UTF-8 text. Save it as UTF-8 plain text and try again.',
  readingPart: 'Reading the first {{mb}} MB of "{{name}}"…',
  downloading: 'Downloading {{label}}…',
  downloadingSize: 'Downloading {{label}}… {{size}} MB',
  serverAnswered: 'the server answered {{status}} {{statusText}}',
  offline: 'this browser is offline',
  unreachable: 'the network could not be reached',
  /** {{why}}: offline or unreachable. */
  loadFailedOffline:
    'Could not load {{label}}: {{why}}. The lab itself works offline: type or paste text, or pick a built-in sample, to train on. The current corpus is unchanged.',
  loadFailed: 'Could not load {{label}}: {{reason}}. The current corpus is unchanged.',
};
